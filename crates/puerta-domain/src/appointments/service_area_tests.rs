//! The service area measured on real places. Coordinates are the city-centre coordinates that
//! the English Wikipedia article of each place gives (its infobox / title coordinates, rounded
//! to 4 decimals, about 10 m), except the two points at sea, which are chosen far from any coast.

use super::service_area::*;
use super::service_area_regions::{REGION_SOURCES, Region};
use crate::cases::CountryCode;
use puerta_i18n::{Language, message_ids};

/// (place, latitude, longitude). Source: en.wikipedia.org, article of the same name.
const MEXICAN_BORDER_CITIES: [(&str, f64, f64); 16] = [
    ("Tijuana", 32.5250, -117.0333),
    ("Tecate", 32.5728, -116.6256),
    ("Mexicali", 32.6633, -115.4678),
    ("San Luis Río Colorado", 32.4767, -114.7625),
    ("Sonoyta", 31.8614, -112.8503),
    ("Nogales, Sonora", 31.3189, -110.9458),
    ("Naco, Sonora", 31.3242, -109.9481),
    ("Agua Prieta", 31.3278, -109.5489),
    ("Puerto Palomas", 31.7742, -107.6264),
    ("Ciudad Juárez", 31.7450, -106.4850),
    ("Ojinaga", 29.5661, -104.4164),
    ("Ciudad Acuña", 29.3239, -100.9319),
    ("Piedras Negras", 28.7000, -100.5167),
    ("Nuevo Laredo", 27.4864, -99.5069),
    ("Reynosa", 26.0922, -98.2778),
    ("Matamoros", 25.8794, -97.5042),
];

/// US places just across the border. Source: en.wikipedia.org, article of the same name.
const US_BORDER_PLACES: [(&str, f64, f64); 10] = [
    ("San Diego", 32.7150, -117.1625),
    ("San Ysidro", 32.5547, -117.0428),
    ("Calexico", 32.6789, -115.4989),
    ("Nogales, Arizona", 31.3406, -110.9339),
    ("Douglas, Arizona", 31.3444, -109.5597),
    ("El Paso", 31.7592, -106.4886),
    ("Eagle Pass", 28.7097, -100.4894),
    ("Laredo", 27.5242, -99.4894),
    ("McAllen", 26.2161, -98.2364),
    ("Brownsville", 25.9303, -97.4844),
];

/// Everything else in PRODUCT.md's list. Source: en.wikipedia.org (the points at sea: chosen).
const OTHER_PLACES: [(&str, f64, f64); 10] = [
    ("Guatemala City", 14.6133, -90.5356),
    ("Tecún Umán, Guatemala", 14.6775, -92.1381),
    ("Gulf of Mexico (at sea)", 25.0000, -92.0000),
    ("Pacific Ocean (at sea, off Baja California)", 28.0000, -118.0000),
    ("Monterrey", 25.6667, -100.3000),
    ("Mexico City", 19.4326, -99.1332),
    ("Tapachula", 14.9000, -92.2667),
    ("Oaxaca", 17.0606, -96.7253),
    ("Acapulco", 16.8636, -99.8825),
    ("Villahermosa", 17.9892, -92.9281),
];

fn at(latitude: f64, longitude: f64) -> Position {
    Position { latitude, longitude, accuracy_m: 20.0 }
}

fn policy(name: &str) -> ServicePolicy {
    ServicePolicy::named(name).expect("compiled-in policy")
}

fn country(code: &str) -> CountryCode {
    CountryCode::parse(code).expect("country code")
}

fn accepted(policy_name: &str, nationality: &str, latitude: f64, longitude: f64) -> bool {
    check(policy(policy_name), &country(nationality), at(latitude, longitude), DEFAULT_MAX_ACCURACY_M).is_ok()
}

fn region(name: &str) -> Region {
    let (name, source) = REGION_SOURCES.iter().find(|(n, _)| *n == name).expect("region");
    Region::parse(name, source).expect("compiled-in region")
}

/// Non-Mexican nationalities the tests try (Venezuela, Haiti, Honduras) and Mexico.
const OTHERS: [&str; 3] = ["VE", "HT", "HN"];

#[test]
fn the_default_policy_is_north_of_19_and_the_default_bound_5_km() {
    assert_eq!(DEFAULT_POLICY, "north-of-19");
    assert_eq!(ServicePolicy::default_policy().map(|p| p.name()), Ok("north-of-19"));
    assert_eq!(DEFAULT_MAX_ACCURACY_M, 5_000.0);
}

#[test]
fn policies_are_chosen_by_name_and_an_unknown_name_is_an_error_not_a_panic() {
    assert_eq!(ServicePolicy::names(), Ok(vec!["north-of-19", "aug-2024"]));
    assert_eq!(policy("aug-2024").name(), "aug-2024");
    for name in ["", "North-of-19", "aug-2025", "north-of-19 "] {
        assert_eq!(ServicePolicy::named(name), Err(PolicyError::Unknown(name.to_string())));
    }
}

#[test]
fn every_mexican_border_city_with_a_crossing_is_served_under_both_policies_to_everyone() {
    for (city, lat, lon) in MEXICAN_BORDER_CITIES {
        for nationality in OTHERS.iter().chain(&["MX"]) {
            for name in ["north-of-19", "aug-2024"] {
                assert!(
                    accepted(name, nationality, lat, lon),
                    "{city} refused under {name} for {nationality}"
                );
            }
        }
    }
}

#[test]
fn the_product_list_of_places_under_the_default_policy() {
    let inside = ["Monterrey", "Mexico City"];
    for (place, lat, lon) in OTHER_PLACES {
        let expected = inside.contains(&place);
        for nationality in OTHERS.iter().chain(&["MX"]) {
            assert_eq!(accepted("north-of-19", nationality, lat, lon), expected, "{place} for {nationality}");
        }
    }
    for (place, lat, lon) in US_BORDER_PLACES {
        let expected = LET_IN_BY_THE_TOLERANCE.contains(&place);
        assert_eq!(accepted("north-of-19", "VE", lat, lon), expected, "{place}");
    }
}

#[test]
fn aug_2024_adds_chiapas_and_tabasco_for_others_and_all_of_mexico_for_mexicans() {
    let for_others = ["Monterrey", "Mexico City", "Tapachula", "Villahermosa"];
    let for_mexicans = ["Monterrey", "Mexico City", "Tapachula", "Villahermosa", "Oaxaca", "Acapulco"];
    for (place, lat, lon) in OTHER_PLACES {
        for nationality in OTHERS {
            assert_eq!(
                accepted("aug-2024", nationality, lat, lon),
                for_others.contains(&place),
                "{place}, {nationality}"
            );
        }
        assert_eq!(accepted("aug-2024", "MX", lat, lon), for_mexicans.contains(&place), "{place}, MX");
    }
    for (place, lat, lon) in US_BORDER_PLACES {
        let expected = LET_IN_BY_THE_TOLERANCE.contains(&place);
        assert_eq!(accepted("aug-2024", "MX", lat, lon), expected, "{place}, MX");
        assert_eq!(accepted("aug-2024", "HT", lat, lon), expected, "{place}, HT");
    }
}

/// The US places within [`BORDER_TOLERANCE_M`] of Mexico's outline, which the check therefore
/// accepts: El Paso's centre is ~0.1 km and Eagle Pass's ~0.5 km outside the outline (the data
/// puts the Rio Grande a little on the US side there). Every other US place stays out.
const LET_IN_BY_THE_TOLERANCE: [&str; 2] = ["El Paso", "Eagle Pass"];

#[test]
fn without_the_tolerance_the_data_alone_would_refuse_border_cities() {
    let mexico = region("mexico");
    let refused_by_the_outline: Vec<&str> = MEXICAN_BORDER_CITIES
        .iter()
        .filter(|(_, lat, lon)| !mexico.contains(geo::Coord { x: *lon, y: *lat }))
        .map(|(city, _, _)| *city)
        .collect();
    // Measured: Tecate ~0.4 km, Mexicali ~0.7 km, Agua Prieta ~0.1 km outside the outline.
    assert_eq!(refused_by_the_outline, ["Tecate", "Mexicali", "Agua Prieta"]);
    // And the outline alone puts no US place, nor Guatemala, nor the sea inside Mexico.
    for (place, lat, lon) in US_BORDER_PLACES.iter().chain(&OTHER_PLACES[..4]) {
        assert!(!mexico.contains(geo::Coord { x: *lon, y: *lat }), "{place}");
    }
}

type LatLon = (f64, f64);

/// The surveyed land border west of the Rio Grande, as the Treaty of Guadalupe Hidalgo (1848)
/// and the Gadsden Purchase (1853) define it: straight lines (great circles) from the Pacific
/// to the Colorado River and from the Colorado to 31°20′N, 111°4′59″W; then the parallel 31°20′N,
/// the meridian 108°12′30″W and the parallel 31°47′N to the Rio Grande at Ciudad Juárez. The
/// points are those of the boundary monuments at each end (Wikipedia, "Mexico–United States
/// border"). (latitude, longitude) pairs; `true` for a great circle, `false` for a parallel or
/// meridian.
const SURVEYED_BORDER: [(LatLon, LatLon, bool); 5] = [
    ((32.5344, -117.1247), (32.7181, -114.7195), true),
    ((32.4941, -114.8132), (31.3322, -111.0746), true),
    ((31.3333, -111.0746), (31.3333, -108.2083), false),
    ((31.3333, -108.2083), (31.7833, -108.2083), false),
    ((31.7833, -108.2083), (31.7833, -106.5283), false),
];

/// A point at fraction `t` of the way from `a` to `b` along the great circle through them.
fn great_circle(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    let unit = |(lat, lon): (f64, f64)| {
        let (lat, lon) = (f64::to_radians(lat), f64::to_radians(lon));
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    };
    let (p, q) = (unit(a), unit(b));
    let angle = (p[0] * q[0] + p[1] * q[1] + p[2] * q[2]).clamp(-1.0, 1.0).acos();
    let (s, u) = (((1.0 - t) * angle).sin() / angle.sin(), (t * angle).sin() / angle.sin());
    let r = [s * p[0] + u * q[0], s * p[1] + u * q[1], s * p[2] + u * q[2]];
    (r[2].atan2(r[0].hypot(r[1])).to_degrees(), r[1].atan2(r[0]).to_degrees())
}

/// Points every ~0.3–0.4 km along the surveyed border, 30 m inside Mexico (south of it, or west
/// of the meridian segment).
fn just_inside_the_surveyed_border() -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    for (a, b, is_great_circle) in SURVEYED_BORDER {
        let meridian = a.1 == b.1;
        for k in 0..=1_000 {
            let t = f64::from(k) / 1_000.0;
            let (lat, lon) = if is_great_circle {
                great_circle(a, b, t)
            } else {
                (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
            };
            points.push(if meridian { (lat, lon - 0.000_32) } else { (lat - 0.000_27, lon) });
        }
    }
    points
}

#[test]
fn the_tolerance_lets_in_every_point_just_inside_the_surveyed_border_and_is_the_smallest_that_does() {
    let points = just_inside_the_surveyed_border();
    for (lat, lon) in &points {
        assert!(accepted("north-of-19", "VE", *lat, *lon), "refused just inside the border at {lat}, {lon}");
    }
    // A hundred metres less and some of them would be refused: the data is ~1.15 km off near
    // the Colorado River line.
    let mexico = region("mexico");
    let refused_with_less = points.iter().filter(|(lat, lon)| {
        let point = geo::Coord { x: *lon, y: *lat };
        !mexico.contains(point) && !mexico.is_within(point, BORDER_TOLERANCE_M - 100.0)
    });
    assert!(refused_with_less.count() > 0);
}

#[test]
fn the_tolerance_does_not_reach_the_sea_guatemala_or_the_us_cities_further_in() {
    for nationality in ["MX", "VE"] {
        for name in ["north-of-19", "aug-2024"] {
            for (place, lat, lon) in OTHER_PLACES[..4].iter().chain(&US_BORDER_PLACES) {
                if !LET_IN_BY_THE_TOLERANCE.contains(place) {
                    assert!(!accepted(name, nationality, *lat, *lon), "{place} accepted under {name}");
                }
            }
        }
    }
    // The nearest of them, Tecún Umán across the Suchiate river, is ~2.5 km from the outline.
    let mexico = region("mexico");
    let (_, lat, lon) = OTHER_PLACES[1];
    let tecun_uman = geo::Coord { x: lon, y: lat };
    assert!(!mexico.is_within(tecun_uman, 2.0 * BORDER_TOLERANCE_M) && mexico.is_within(tecun_uman, 2_600.0));
}

#[test]
fn a_refusal_for_being_outside_names_the_area_served_to_that_traveler() {
    let guatemala = at(14.6133, -90.5356);
    let outside = |name: &str, nationality: &str| {
        check(policy(name), &country(nationality), guatemala, DEFAULT_MAX_ACCURACY_M)
            .map_err(|r| r.message_id())
    };
    assert_eq!(outside("north-of-19", "VE"), Err("geofence-outside-north-of-19"));
    assert_eq!(outside("north-of-19", "MX"), Err("geofence-outside-north-of-19"));
    assert_eq!(outside("aug-2024", "VE"), Err("geofence-outside-north-of-19-chiapas-tabasco"));
    assert_eq!(outside("aug-2024", "MX"), Err("geofence-outside-mexico"));
    assert_eq!(policy("aug-2024").served_area_message(&country("mx")), "geofence-outside-mexico");
    let refusal = check(policy("north-of-19"), &country("HT"), guatemala, DEFAULT_MAX_ACCURACY_M);
    assert_eq!(refusal.map_err(|r| r.to_string()), Err("geofence-outside-north-of-19".to_string()));
}

#[test]
fn accuracy_at_the_bound_is_accepted_and_beyond_it_refused() {
    let monterrey = |accuracy_m| Position { latitude: 25.6667, longitude: -100.3, accuracy_m };
    let check_at =
        |accuracy_m, bound| check(policy(DEFAULT_POLICY), &country("VE"), monterrey(accuracy_m), bound);
    assert_eq!(check_at(5_000.0, DEFAULT_MAX_ACCURACY_M), Ok(()));
    assert_eq!(check_at(0.0, DEFAULT_MAX_ACCURACY_M), Ok(()));
    assert_eq!(
        check_at(5_000.5, DEFAULT_MAX_ACCURACY_M),
        Err(Refusal::AccuracyTooPoor { accuracy_m: 5_000.5, max_accuracy_m: 5_000.0 })
    );
    assert_eq!(check_at(150.0, 100.0).map_err(|r| r.message_id()), Err("geofence-refused-accuracy"));
    assert_eq!(check_at(100.0, 100.0), Ok(()));
    // A bound that is not a number refuses rather than accepting everything.
    assert!(matches!(check_at(10.0, f64::NAN), Err(Refusal::AccuracyTooPoor { .. })));
    // Accuracy is checked before the place: a vague position outside is refused for accuracy.
    let vague_in_guatemala = Position { latitude: 14.6133, longitude: -90.5356, accuracy_m: 9_000.0 };
    let refusal = check(policy(DEFAULT_POLICY), &country("VE"), vague_in_guatemala, DEFAULT_MAX_ACCURACY_M);
    assert!(matches!(refusal, Err(Refusal::AccuracyTooPoor { .. })));
}

#[test]
fn positions_that_are_not_numbers_or_out_of_range_are_refused() {
    let cases = [
        (f64::NAN, -100.3, 10.0, PositionError::Latitude),
        (90.5, -100.3, 10.0, PositionError::Latitude),
        (-91.0, -100.3, 10.0, PositionError::Latitude),
        (f64::INFINITY, -100.3, 10.0, PositionError::Latitude),
        (25.6667, f64::NAN, 10.0, PositionError::Longitude),
        (25.6667, 180.01, 10.0, PositionError::Longitude),
        (25.6667, f64::NEG_INFINITY, 10.0, PositionError::Longitude),
        (25.6667, -100.3, f64::NAN, PositionError::Accuracy),
        (25.6667, -100.3, -1.0, PositionError::Accuracy),
        (25.6667, -100.3, f64::INFINITY, PositionError::Accuracy),
    ];
    for (latitude, longitude, accuracy_m, error) in cases {
        let position = Position { latitude, longitude, accuracy_m };
        let refusal = check(policy(DEFAULT_POLICY), &country("VE"), position, DEFAULT_MAX_ACCURACY_M);
        assert_eq!(refusal, Err(Refusal::BadPosition(error)), "{position:?}");
        assert_eq!(refusal.map_err(|r| r.message_id()), Err("geofence-refused-position"));
    }
    // The extremes of the ranges are positions (far from Mexico).
    for (latitude, longitude) in [(90.0, 180.0), (-90.0, -180.0)] {
        let refusal =
            check(policy(DEFAULT_POLICY), &country("VE"), at(latitude, longitude), DEFAULT_MAX_ACCURACY_M);
        assert!(matches!(refusal, Err(Refusal::Outside { .. })));
    }
}

#[test]
fn every_refusal_message_exists_in_english() {
    let english = message_ids(Language::En);
    let mut ids = vec!["geofence-refused-position", "geofence-refused-accuracy", "geofence-retry"];
    for name in ServicePolicy::names().expect("policies") {
        for nationality in ["MX", "VE"] {
            ids.push(policy(name).served_area_message(&country(nationality)));
        }
    }
    for id in ids {
        assert!(english.iter().any(|e| e == id), "{id} is not in locales/en/appointments.ftl");
    }
}

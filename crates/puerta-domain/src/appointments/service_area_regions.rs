//! The region outlines of the service area, compiled in from `data/regions/*.geojson` (written by
//! `scripts/regions/generate.mjs` from Natural Earth; provenance in `PROVENANCE.json`), and the two
//! geometric questions the check asks of them: is a point inside, and is it within some metres
//! of the outline.

use geo::{BoundingRect, Coord, Intersects, LineString, Point, Polygon, Rect};
use serde::Deserialize;

/// Every region file, by the name policies use for it.
pub(super) const REGION_SOURCES: [(&str, &str); 4] = [
    ("mexico", include_str!("../../data/regions/mexico.geojson")),
    ("mexico-north-of-19", include_str!("../../data/regions/mexico-north-of-19.geojson")),
    ("chiapas", include_str!("../../data/regions/chiapas.geojson")),
    ("tabasco", include_str!("../../data/regions/tabasco.geojson")),
];

/// Mean Earth radius (IUGG), in metres. At the tolerances used here (a few kilometres) the
/// difference from the ellipsoid is a fraction of a percent.
const EARTH_RADIUS_M: f64 = 6_371_008.8;
const METRES_PER_DEGREE: f64 = EARTH_RADIUS_M * std::f64::consts::PI / 180.0;

#[derive(Deserialize)]
struct FeatureCollection {
    properties: CollectionProperties,
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct CollectionProperties {
    region: String,
}

#[derive(Deserialize)]
struct Feature {
    geometry: Geometry,
}

/// The generator writes every state as a MultiPolygon of [longitude, latitude] rings.
#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Vec<Vec<Vec<[f64; 2]>>>,
}

/// One named region: the polygons of its states, each with its bounding box so that a point
/// is only compared with the few polygons near it.
#[derive(Debug)]
pub(super) struct Region {
    pub name: String,
    parts: Vec<(Polygon<f64>, Rect<f64>)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegionDataError {
    #[error("region file {0}: {1}")]
    Unreadable(&'static str, String),
    #[error("region file {file} says it holds region {found}")]
    WrongName { file: &'static str, found: String },
    #[error("region file {0}: only MultiPolygon geometries are expected")]
    UnexpectedGeometry(&'static str),
    #[error("region file {0} has no polygon")]
    Empty(&'static str),
}

impl Region {
    pub(super) fn parse(name: &'static str, source: &str) -> Result<Self, RegionDataError> {
        let collection: FeatureCollection =
            serde_json::from_str(source).map_err(|e| RegionDataError::Unreadable(name, e.to_string()))?;
        if collection.properties.region != name {
            return Err(RegionDataError::WrongName { file: name, found: collection.properties.region });
        }
        let mut parts = Vec::new();
        for feature in collection.features {
            if feature.geometry.kind != "MultiPolygon" {
                return Err(RegionDataError::UnexpectedGeometry(name));
            }
            for rings in feature.geometry.coordinates {
                let mut rings = rings.into_iter().map(|ring| {
                    LineString::from(ring.into_iter().map(|[x, y]| Coord { x, y }).collect::<Vec<_>>())
                });
                let Some(exterior) = rings.next() else { continue };
                let polygon = Polygon::new(exterior, rings.collect());
                if let Some(bounds) = polygon.bounding_rect() {
                    parts.push((polygon, bounds));
                }
            }
        }
        if parts.is_empty() {
            return Err(RegionDataError::Empty(name));
        }
        Ok(Self { name: name.to_string(), parts })
    }

    /// Whether the point (longitude `x`, latitude `y`) is inside or on the outline.
    pub(super) fn contains(&self, point: Coord<f64>) -> bool {
        self.parts
            .iter()
            .any(|(polygon, bounds)| bounds.intersects(&point) && polygon.intersects(&Point::from(point)))
    }

    /// Whether the point lies within `metres` of the outline of any of the region's polygons.
    /// Distances are measured on a local equirectangular projection centred on the point, which
    /// over a few kilometres is within a fraction of a percent of the distance on the globe.
    pub(super) fn is_within(&self, point: Coord<f64>, metres: f64) -> bool {
        let lat_margin = metres / METRES_PER_DEGREE;
        let cos_lat = point.y.to_radians().cos().max(1e-6);
        let lon_margin = lat_margin / cos_lat;
        let near = |a: Coord<f64>, b: Coord<f64>| {
            a.x.min(b.x) - lon_margin <= point.x
                && point.x <= a.x.max(b.x) + lon_margin
                && a.y.min(b.y) - lat_margin <= point.y
                && point.y <= a.y.max(b.y) + lat_margin
        };
        // Metres east and north of the point.
        let local = |c: Coord<f64>| Coord {
            x: (c.x - point.x) * cos_lat * METRES_PER_DEGREE,
            y: (c.y - point.y) * METRES_PER_DEGREE,
        };
        self.parts.iter().filter(|(_, bounds)| near(bounds.min(), bounds.max())).any(|(polygon, _)| {
            std::iter::once(polygon.exterior()).chain(polygon.interiors()).any(|ring| {
                ring.lines()
                    .filter(|line| near(line.start, line.end))
                    .any(|line| distance_to_origin(local(line.start), local(line.end)) <= metres)
            })
        })
    }
}

/// The distance from (0, 0) to the segment from `a` to `b`, in the units of the coordinates.
fn distance_to_origin(a: Coord<f64>, b: Coord<f64>) -> f64 {
    let d = b - a;
    let length_squared = d.x * d.x + d.y * d.y;
    let t =
        if length_squared > 0.0 { (-(a.x * d.x + a.y * d.y) / length_squared).clamp(0.0, 1.0) } else { 0.0 };
    let closest = a + d * t;
    closest.x.hypot(closest.y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_to_a_segment_is_perpendicular_inside_it_and_to_the_nearest_end_outside_it() {
        let a = Coord { x: -3.0, y: 4.0 };
        let b = Coord { x: 3.0, y: 4.0 };
        assert!((distance_to_origin(a, b) - 4.0).abs() < 1e-9);
        let c = Coord { x: 3.0, y: 0.0 };
        let d = Coord { x: 6.0, y: 4.0 };
        assert!((distance_to_origin(c, d) - 3.0).abs() < 1e-9);
        assert!((distance_to_origin(c, c) - 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_region_file_must_name_its_region_and_hold_polygons() {
        let wrong = r#"{"type":"FeatureCollection","properties":{"region":"other"},"features":[]}"#;
        assert!(matches!(Region::parse("mexico", wrong), Err(RegionDataError::WrongName { .. })));
        let empty = r#"{"type":"FeatureCollection","properties":{"region":"mexico"},"features":[]}"#;
        assert_eq!(Region::parse("mexico", empty).err(), Some(RegionDataError::Empty("mexico")));
        assert!(matches!(Region::parse("mexico", "{"), Err(RegionDataError::Unreadable("mexico", _))));
    }

    #[test]
    fn a_square_contains_its_inside_and_a_tolerance_reaches_just_beyond_it() {
        // A square of 0.1° at the equator: 11.1 km a side.
        let square = r#"{"type":"FeatureCollection","properties":{"region":"chiapas"},"features":[
            {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon",
             "coordinates":[[[[0,0],[0.1,0],[0.1,0.1],[0,0.1],[0,0]]]]}}]}"#;
        let region = Region::parse("chiapas", square).expect("valid");
        assert!(region.contains(Coord { x: 0.05, y: 0.05 }));
        let outside = Coord { x: 0.05, y: 0.1 + 900.0 / METRES_PER_DEGREE };
        assert!(!region.contains(outside));
        assert!(region.is_within(outside, 1_000.0));
        assert!(!region.is_within(outside, 800.0));
    }
}

//! The service area (issue 11): where a traveler may be when they ask for an appointment and
//! when they confirm one. The geofence is data: region outlines (`data/regions/`, generated from
//! Natural Earth's admin-1 outlines are generalised: along the US border they are off by more
//! than a kilometre in places, so a plain point-in-polygon test puts the centres of Tecate,
//! Mexicali and Agua Prieta, and points at the crossings of more border cities, outside Mexico —
//! the very false refusals CBP One gave people standing in a border city. A point outside the
//! served regions is therefore still accepted when it lies within [`BORDER_TOLERANCE_M`] of
//! their outline. The two errors do not cost the same: a false acceptance lets in someone who is
//! already a few hundred metres inside the United States (or on a beach, or a kilometre south of
//! 19°N), who gains nothing by asking from there; a false refusal shuts out someone who is where
//! the rules say they may ask. The tolerance is the smallest that lets in every Mexican border
//! city with a crossing and every point just inside the surveyed border line (measured in
//! `service_area_tests.rs`, which also names the US places it lets in: El Paso and Eagle Pass);
//! the sea, Guatemala and the US cities further from the line stay out.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::LazyLock;

use geo::Coord;
use serde::Deserialize;

use super::service_area_regions::{REGION_SOURCES, Region, RegionDataError};
use crate::cases::CountryCode;

/// The policy in force until an administrator chooses another.
pub const DEFAULT_POLICY: &str = "north-of-19";

/// Positions less precise than this (the radius the phone or the API reports, in metres) are
/// refused by default: at 5 km a position still tells a border city from the next one.
pub const DEFAULT_MAX_ACCURACY_M: f64 = 5_000.0;

/// How far outside the outline of the served regions a point is still accepted, in metres.
/// Why: the outlines are off by up to ~1.2 km along the US land border (see the module
/// documentation and `scripts/regions/README.md`). Measured on this data: the city centres of
/// Tecate, Mexicali and Agua Prieta fall up to 0.74 km outside it (Mexicali), and points 30 m
/// inside Mexico along the surveyed treaty lines west of the Rio Grande up to 1.15 km (near the
/// Colorado River). 1,200 m is the smallest whole hundred metres that lets all of them in, so
/// that someone standing at a crossing in a border city is not refused either. It also lets in
/// El Paso and Eagle Pass (Texas), and points up to 1.2 km at sea, across the Guatemalan border
/// or south of 19°N: all harmless next to one false refusal.
pub const BORDER_TOLERANCE_M: f64 = 1_200.0;

const POLICY_SOURCES: [&str; 2] =
    [include_str!("../../data/policies/north-of-19.json"), include_str!("../../data/policies/aug-2024.json")];

/// A position as the browser's geolocation or the API gives it: degrees (WGS 84) and the radius
/// of its uncertainty in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub latitude: f64,
    pub longitude: f64,
    pub accuracy_m: f64,
}

/// Why a position cannot be checked at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PositionError {
    #[error("latitude must be a number from -90 to 90")]
    Latitude,
    #[error("longitude must be a number from -180 to 180")]
    Longitude,
    #[error("accuracy must be a number of metres, 0 or more")]
    Accuracy,
}

impl Position {
    /// Finite numbers in range; accuracy a finite radius of 0 metres or more.
    pub fn validate(&self) -> Result<(), PositionError> {
        if !(-90.0..=90.0).contains(&self.latitude) {
            return Err(PositionError::Latitude);
        }
        if !(-180.0..=180.0).contains(&self.longitude) {
            return Err(PositionError::Longitude);
        }
        if !(self.accuracy_m.is_finite() && self.accuracy_m >= 0.0) {
            return Err(PositionError::Accuracy);
        }
        Ok(())
    }
}

/// Why a request or a confirmation is refused. Its `Display` is the Fluent message id to show
/// the traveler (as with the other domain errors); [`Refusal::message_id`] gives the same.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum Refusal {
    /// The position is not a position (NaN, out of range, negative accuracy): ask again.
    #[error("geofence-refused-position")]
    BadPosition(PositionError),
    /// The position is too vague to tell where the traveler is: ask again, with precise location.
    #[error("geofence-refused-accuracy")]
    AccuracyTooPoor { accuracy_m: f64, max_accuracy_m: f64 },
    /// Outside the area served to this traveler; the message names that area.
    #[error("{served_area_message}")]
    Outside { served_area_message: &'static str },
}

impl Refusal {
    pub fn message_id(&self) -> &'static str {
        match self {
            Refusal::BadPosition(_) => "geofence-refused-position",
            Refusal::AccuracyTooPoor { .. } => "geofence-refused-accuracy",
            Refusal::Outside { served_area_message } => served_area_message,
        }
    }
}

/// The compiled-in policy or region data is inconsistent (caught by the tests, reported as an
/// error rather than a panic), or a policy name is not one of them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("unknown service-area policy {0:?} (known: north-of-19, aug-2024)")]
    Unknown(String),
    #[error(transparent)]
    Region(#[from] RegionDataError),
    #[error("policy file: {0}")]
    Unreadable(String),
    #[error("policy {policy}: {problem}")]
    Invalid { policy: String, problem: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    name: String,
    #[allow(dead_code)]
    description: String,
    /// By ISO 3166-1 alpha-2 nationality, and `"*"` for every other.
    rules: HashMap<String, RuleFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    regions: Vec<String>,
    served_area_message: String,
}

#[derive(Debug)]
struct Rule {
    /// Indexes into [`Catalogue::regions`].
    regions: Vec<usize>,
    served_area_message: String,
}

#[derive(Debug)]
struct Policy {
    name: String,
    by_nationality: HashMap<String, Rule>,
    everyone_else: Rule,
}

#[derive(Debug)]
struct Catalogue {
    regions: Vec<Region>,
    policies: Vec<Policy>,
}

static CATALOGUE: LazyLock<Result<Catalogue, PolicyError>> =
    LazyLock::new(|| load(&REGION_SOURCES, &POLICY_SOURCES));

fn load(region_sources: &[(&'static str, &str)], policy_sources: &[&str]) -> Result<Catalogue, PolicyError> {
    let regions = region_sources
        .iter()
        .map(|(name, source)| Region::parse(name, source))
        .collect::<Result<Vec<_>, _>>()?;
    let mut policies: Vec<Policy> = Vec::new();
    for source in policy_sources {
        let file: PolicyFile =
            serde_json::from_str(source).map_err(|e| PolicyError::Unreadable(e.to_string()))?;
        let invalid = |problem: String| PolicyError::Invalid { policy: file.name.clone(), problem };
        if policies.iter().any(|p| p.name == file.name) {
            return Err(invalid("defined twice".into()));
        }
        let mut by_nationality = HashMap::new();
        let mut everyone_else = None;
        for (key, rule) in &file.rules {
            let regions = rule
                .regions
                .iter()
                .map(|r| {
                    regions
                        .iter()
                        .position(|known| &known.name == r)
                        .ok_or_else(|| invalid(format!("no region {r}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if regions.is_empty() {
                return Err(invalid(format!("rule {key} serves no region")));
            }
            if !rule.served_area_message.starts_with("geofence-") {
                return Err(invalid(format!(
                    "message id {} must start with geofence-",
                    rule.served_area_message
                )));
            }
            let rule = Rule { regions, served_area_message: rule.served_area_message.clone() };
            if key == "*" {
                everyone_else = Some(rule);
            } else {
                let code =
                    CountryCode::parse(key).map_err(|_| invalid(format!("{key} is not a country code")))?;
                by_nationality.insert(code.as_str().to_string(), rule);
            }
        }
        let everyone_else = everyone_else.ok_or_else(|| invalid("no rule for \"*\"".into()))?;
        policies.push(Policy { name: file.name.clone(), by_nationality, everyone_else });
    }
    Ok(Catalogue { regions, policies })
}

fn catalogue() -> Result<&'static Catalogue, PolicyError> {
    CATALOGUE.as_ref().map_err(Clone::clone)
}

/// A service-area policy, selected by name (from configuration or an administrator's choice).
#[derive(Debug, Clone, Copy)]
pub struct ServicePolicy {
    catalogue: &'static Catalogue,
    policy: &'static Policy,
}

impl PartialEq for ServicePolicy {
    fn eq(&self, other: &Self) -> bool {
        self.policy.name == other.policy.name
    }
}

impl ServicePolicy {
    /// The policy called `name`: an unknown name is an error here, before any check runs.
    pub fn named(name: &str) -> Result<Self, PolicyError> {
        let catalogue = catalogue()?;
        catalogue
            .policies
            .iter()
            .find(|p| p.name == name)
            .map(|policy| Self { catalogue, policy })
            .ok_or_else(|| PolicyError::Unknown(name.to_string()))
    }

    /// [`DEFAULT_POLICY`].
    pub fn default_policy() -> Result<Self, PolicyError> {
        Self::named(DEFAULT_POLICY)
    }

    /// The names of every policy, for an administrator to choose from.
    pub fn names() -> Result<Vec<&'static str>, PolicyError> {
        Ok(catalogue()?.policies.iter().map(|p| p.name.as_str()).collect())
    }

    pub fn name(&self) -> &'static str {
        &self.policy.name
    }

    fn rule(&self, nationality: &CountryCode) -> &'static Rule {
        self.policy.by_nationality.get(nationality.as_str()).unwrap_or(&self.policy.everyone_else)
    }

    /// The message id that names the area served to a traveler of `nationality`.
    pub fn served_area_message(&self, nationality: &CountryCode) -> &'static str {
        &self.rule(nationality).served_area_message
    }
}

/// Whether a traveler of `nationality` at `position` may ask for (or confirm) an appointment
/// under `policy`: the position must be valid, no vaguer than `max_accuracy_m` (a bound that is
/// not a number refuses everything rather than accepting everything), and inside the regions
/// the policy serves to that nationality or within [`BORDER_TOLERANCE_M`] of their outline.
pub fn check(
    policy: ServicePolicy,
    nationality: &CountryCode,
    position: Position,
    max_accuracy_m: f64,
) -> Result<(), Refusal> {
    position.validate().map_err(Refusal::BadPosition)?;
    let within_bound =
        matches!(position.accuracy_m.partial_cmp(&max_accuracy_m), Some(Ordering::Less | Ordering::Equal));
    if !within_bound {
        return Err(Refusal::AccuracyTooPoor { accuracy_m: position.accuracy_m, max_accuracy_m });
    }
    let rule = policy.rule(nationality);
    let point = Coord { x: position.longitude, y: position.latitude };
    let regions = || rule.regions.iter().map(|&i| &policy.catalogue.regions[i]);
    if regions().any(|r| r.contains(point)) || regions().any(|r| r.is_within(point, BORDER_TOLERANCE_M)) {
        Ok(())
    } else {
        Err(Refusal::Outside { served_area_message: &rule.served_area_message })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{"type":"FeatureCollection","properties":{"region":"mexico"},"features":[
        {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon",
         "coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]]]}}]}"#;

    fn problem(policy: &str) -> Option<String> {
        match load(&[("mexico", SQUARE)], &[policy]) {
            Ok(_) => None,
            Err(PolicyError::Invalid { problem, .. }) => Some(problem),
            Err(other) => Some(other.to_string()),
        }
    }

    fn policy_with(rules: &str) -> String {
        format!(r#"{{"name":"p","description":"d","rules":{{{rules}}}}}"#)
    }

    #[test]
    fn inconsistent_policy_data_is_an_error_naming_the_problem() {
        let ok = r#""*":{"regions":["mexico"],"served_area_message":"geofence-x"}"#;
        assert_eq!(problem(&policy_with(ok)), None);
        let mx = r#""MX":{"regions":["mexico"],"served_area_message":"geofence-y"}"#;
        assert_eq!(problem(&policy_with(mx)).as_deref(), Some("no rule for \"*\""));
        let region = r#""*":{"regions":["atlantis"],"served_area_message":"geofence-x"}"#;
        assert_eq!(problem(&policy_with(region)).as_deref(), Some("no region atlantis"));
        let empty = r#""*":{"regions":[],"served_area_message":"geofence-x"}"#;
        assert_eq!(problem(&policy_with(empty)).as_deref(), Some("rule * serves no region"));
        let id = r#""*":{"regions":["mexico"],"served_area_message":"outside"}"#;
        assert_eq!(
            problem(&policy_with(id)).as_deref(),
            Some("message id outside must start with geofence-")
        );
        let code = format!("{ok},\"XX\":{{\"regions\":[\"mexico\"],\"served_area_message\":\"geofence-x\"}}");
        assert_eq!(problem(&policy_with(&code)).as_deref(), Some("XX is not a country code"));
        assert!(problem("{").is_some_and(|p| p.starts_with("policy file")));
        let twice = policy_with(ok);
        assert!(matches!(load(&[("mexico", SQUARE)], &[&twice, &twice]), Err(PolicyError::Invalid { .. })));
    }

    #[test]
    fn the_compiled_in_data_loads() {
        assert!(load(&REGION_SOURCES, &POLICY_SOURCES).is_ok());
    }
}

//! Traveler profiles: the account holder and up to nine companions, entered by the account
//! holder and validated field by field.

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::{TravelerInput, TravelerProfile, check_room_for_one_more};
use puerta_store::cases::TravelerRecord;

use super::invalid;
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError, ids};

/// A profile as stored, for the account holder's eyes.
pub type Traveler = TravelerRecord;

impl App {
    /// Adds a traveler to the account holder's group. The eleventh is refused (`group_full`):
    /// a group is at most the account holder and nine companions.
    pub async fn add_traveler(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        input: TravelerInput,
    ) -> Result<Traveler, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let profile = TravelerProfile::parse(&input, self.today()).map_err(invalid)?;
        let now = self.now();
        let record = to_record(ids::traveler_id(), actor, &profile, now);
        let mut tx = self.begin().await?;
        let count = tx.travelers().count_for_account(&actor.user_id).await?;
        check_room_for_one_more(usize::try_from(count).unwrap_or(usize::MAX))
            .map_err(|_| AppError::Conflict("group_full"))?;
        tx.travelers().create(&record).await?;
        let me = Some(&actor.user_id);
        let detail = Some(record.id.to_string());
        self.audit(&mut tx, ctx, me, AuditAction::TravelerAdded, me, detail).await?;
        self.commit(tx).await?;
        Ok(record)
    }

    /// The account holder's travelers, in the order they were entered.
    pub async fn travelers(&self, actor: &Actor) -> Result<Vec<Traveler>, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        Ok(self.reader().await?.travelers().list_for_account(&actor.user_id).await?)
    }

    /// Today's date where most travelers are (Mexico City), for age and expiry rules.
    pub(crate) fn today(&self) -> chrono::NaiveDate {
        use chrono::TimeZone;
        let utc = chrono::DateTime::<chrono::Utc>::from_timestamp_millis(self.now()).unwrap_or_default();
        puerta_domain::accounts::DEFAULT_TIME_ZONE.from_utc_datetime(&utc.naive_utc()).date_naive()
    }
}

pub(super) fn to_record(
    id: puerta_domain::ids::TravelerId,
    actor: &Actor,
    p: &TravelerProfile,
    now: i64,
) -> TravelerRecord {
    let document = p.document.as_ref();
    TravelerRecord {
        id,
        account_id: actor.user_id.clone(),
        given_name: p.given_name.as_str().to_string(),
        family_name: p.family_name.as_str().to_string(),
        date_of_birth: p.date_of_birth.date().format("%Y-%m-%d").to_string(),
        nationality: p.nationality.as_str().to_string(),
        country_of_birth: p.country_of_birth.as_str().to_string(),
        city_of_birth: p.city_of_birth.as_str().to_string(),
        country_of_residence: p.country_of_residence.as_str().to_string(),
        gender: p.gender.map(|g| g.as_str().to_string()),
        language: p.language.code().to_string(),
        phone: p.phone.as_ref().map(|x| x.as_str().to_string()),
        email: p.email.as_ref().map(|x| x.as_str().to_string()),
        document_type: document.map(|d| d.kind.as_str().to_string()),
        document_number: document.map(|d| d.number.as_str().to_string()),
        document_country: document.map(|d| d.issuing_country.as_str().to_string()),
        document_expiry: document.and_then(|d| d.expires_on).map(|d| d.format("%Y-%m-%d").to_string()),
        created_at: now,
        updated_at: now,
    }
}

use puerta_domain::ids::{TravelerId, UserId};

use crate::StoreError;
use crate::accounts::records::user_id;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, repository};

repository!(
    /// Traveler profiles, each owned by the account holder who entered it.
    Travelers
);

/// A traveler profile as stored: canonical text of a validated profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelerRecord {
    pub id: TravelerId,
    pub account_id: UserId,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    /// ISO 3166-1 alpha-2.
    pub nationality: String,
    pub country_of_birth: String,
    pub city_of_birth: String,
    pub country_of_residence: String,
    pub gender: Option<String>,
    pub language: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub document_type: Option<String>,
    pub document_number: Option<String>,
    pub document_country: Option<String>,
    pub document_expiry: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub(crate) const COLUMNS: &str = "id, account_id, given_name, family_name, date_of_birth, nationality, country_of_birth, \
     city_of_birth, country_of_residence, gender, language, phone, email, document_type, document_number, \
     document_country, document_expiry, created_at, updated_at";

#[derive(sqlx::FromRow)]
pub(crate) struct Row {
    id: String,
    account_id: String,
    given_name: String,
    family_name: String,
    date_of_birth: String,
    nationality: String,
    country_of_birth: String,
    city_of_birth: String,
    country_of_residence: String,
    gender: Option<String>,
    language: String,
    phone: Option<String>,
    email: Option<String>,
    document_type: Option<String>,
    document_number: Option<String>,
    document_country: Option<String>,
    document_expiry: Option<String>,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<Row> for TravelerRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            id: TravelerId::parse(&r.id).map_err(|_| StoreError::Corrupt("traveler id".into()))?,
            account_id: user_id(&r.account_id)?,
            given_name: r.given_name,
            family_name: r.family_name,
            date_of_birth: r.date_of_birth,
            nationality: r.nationality,
            country_of_birth: r.country_of_birth,
            city_of_birth: r.city_of_birth,
            country_of_residence: r.country_of_residence,
            gender: r.gender,
            language: r.language,
            phone: r.phone,
            email: r.email,
            document_type: r.document_type,
            document_number: r.document_number,
            document_country: r.document_country,
            document_expiry: r.document_expiry,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

impl<M> Travelers<'_, M> {
    /// The account holder's profiles, oldest first (the account holder's own usually first).
    pub async fn list_for_account(&mut self, account: &UserId) -> Result<Vec<TravelerRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM travelers WHERE account_id = $1 ORDER BY created_at, id");
        fetch_all!(&mut self.conn, Row, &sql, account.as_str())?
            .into_iter()
            .map(TravelerRecord::try_from)
            .collect()
    }

    /// A profile of this account holder; another account's profile is `None` (never shown).
    pub async fn find_for_account(
        &mut self,
        account: &UserId,
        id: &TravelerId,
    ) -> Result<Option<TravelerRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM travelers WHERE id = $1 AND account_id = $2");
        fetch_optional!(&mut self.conn, Row, &sql, id.as_str(), account.as_str())?
            .map(TravelerRecord::try_from)
            .transpose()
    }

    /// Any profile, for staff.
    pub async fn find(&mut self, id: &TravelerId) -> Result<Option<TravelerRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM travelers WHERE id = $1");
        fetch_optional!(&mut self.conn, Row, &sql, id.as_str())?.map(TravelerRecord::try_from).transpose()
    }

    /// The account holder's profiles that are in no case yet (still being prepared), oldest first.
    pub async fn list_unsubmitted_for_account(
        &mut self,
        account: &UserId,
    ) -> Result<Vec<TravelerRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM travelers t WHERE account_id = $1 \
             AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.traveler_id = t.id) ORDER BY created_at, id"
        );
        fetch_all!(&mut self.conn, Row, &sql, account.as_str())?
            .into_iter()
            .map(TravelerRecord::try_from)
            .collect()
    }

    /// Whether the profile is in any case (then it is part of the record and no longer editable).
    pub async fn has_case(&mut self, id: &TravelerId) -> Result<bool, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM cases WHERE traveler_id = $1",
            id.as_str()
        )?;
        Ok(row.is_some_and(|(n,)| n > 0))
    }

    pub async fn count_for_account(&mut self, account: &UserId) -> Result<i64, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM travelers WHERE account_id = $1",
            account.as_str()
        )?;
        Ok(row.map_or(0, |(n,)| n))
    }
}

impl Travelers<'_, crate::Write> {
    /// Takes the traveler's row lock (a write that changes nothing), so submitting a traveler
    /// and changing or removing them run one after the other on PostgreSQL too (SQLite has one
    /// writer anyway); what the second reads after the wait is what the first committed.
    /// `false` when there is no such traveler.
    pub async fn lock(&mut self, id: &TravelerId) -> Result<bool, StoreError> {
        let changed =
            exec!(&mut self.conn, "UPDATE travelers SET updated_at = updated_at WHERE id = $1", id.as_str())?;
        Ok(changed == 1)
    }

    pub async fn create(&mut self, t: &TravelerRecord) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO travelers ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, \
             $14, $15, $16, $17, $18, $19)"
        );
        exec!(
            &mut self.conn,
            &sql,
            t.id.as_str(),
            t.account_id.as_str(),
            &t.given_name,
            &t.family_name,
            &t.date_of_birth,
            &t.nationality,
            &t.country_of_birth,
            &t.city_of_birth,
            &t.country_of_residence,
            t.gender.as_deref(),
            &t.language,
            t.phone.as_deref(),
            t.email.as_deref(),
            t.document_type.as_deref(),
            t.document_number.as_deref(),
            t.document_country.as_deref(),
            t.document_expiry.as_deref(),
            t.created_at,
            t.updated_at,
        )?;
        Ok(())
    }

    /// Replaces a profile's fields (not its owner or creation time); `false` when this account
    /// has no such profile.
    pub async fn update(&mut self, t: &TravelerRecord) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE travelers SET given_name = $1, family_name = $2, date_of_birth = $3, nationality = $4, \
             country_of_birth = $5, city_of_birth = $6, country_of_residence = $7, gender = $8, language = $9, \
             phone = $10, email = $11, document_type = $12, document_number = $13, document_country = $14, \
             document_expiry = $15, updated_at = $16 WHERE id = $17 AND account_id = $18",
            &t.given_name,
            &t.family_name,
            &t.date_of_birth,
            &t.nationality,
            &t.country_of_birth,
            &t.city_of_birth,
            &t.country_of_residence,
            t.gender.as_deref(),
            &t.language,
            t.phone.as_deref(),
            t.email.as_deref(),
            t.document_type.as_deref(),
            t.document_number.as_deref(),
            t.document_country.as_deref(),
            t.document_expiry.as_deref(),
            t.updated_at,
            t.id.as_str(),
            t.account_id.as_str(),
        )?;
        Ok(changed == 1)
    }

    /// `false` when this account has no such profile.
    pub async fn delete(&mut self, account: &UserId, id: &TravelerId) -> Result<bool, StoreError> {
        let deleted = exec!(
            &mut self.conn,
            "DELETE FROM travelers WHERE id = $1 AND account_id = $2",
            id.as_str(),
            account.as_str()
        )?;
        Ok(deleted == 1)
    }
}

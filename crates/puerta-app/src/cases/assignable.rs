//! Who a supervisor may give a case to: the live officers and supervisors, by name. Only
//! admins may list accounts in general; this answers the one question the assignment needs.

use puerta_domain::access::{Action, Target};
use puerta_domain::accounts::Role;
use puerta_domain::ids::UserId;
use puerta_store::accounts::UserCursor;

use crate::accounts::Actor;
use crate::{App, AppError};

/// Accounts read per round while looking for staff among all accounts.
const BATCH: i64 = 500;

/// An officer or supervisor a case may be assigned to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignableStaff {
    pub id: UserId,
    pub full_name: String,
    pub role: Role,
}

impl App {
    /// The live (not disabled, not deleted) officers and supervisors, sorted by name.
    pub async fn assignable_staff(&self, actor: &Actor) -> Result<Vec<AssignableStaff>, AppError> {
        actor.authorize(Action::AssignCase, Target::None)?;
        let mut read = self.reader().await?;
        let mut found = Vec::new();
        let mut after: Option<UserCursor> = None;
        loop {
            let users = read.users().list(after.as_ref(), BATCH).await?;
            let Some(last) = users.last() else { break };
            after = Some(UserCursor { created_at: last.created_at, id: last.id.clone() });
            let full = users.len() == usize::try_from(BATCH).unwrap_or(usize::MAX);
            found.extend(
                users
                    .into_iter()
                    .filter(|u| matches!(u.role, Role::Officer | Role::Supervisor) && u.is_live())
                    .map(|u| AssignableStaff { id: u.id, full_name: u.full_name, role: u.role }),
            );
            if !full {
                break;
            }
        }
        found.sort_by(|a, b| a.full_name.cmp(&b.full_name).then_with(|| a.id.as_str().cmp(b.id.as_str())));
        Ok(found)
    }
}

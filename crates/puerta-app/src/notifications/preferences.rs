//! Channels per category. The inbox always has everything; email and SMS are chosen per
//! category, and a critical one (offers, deadlines, decisions) keeps at least one of them.

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::notifications::{Category, Channels, choose};
use puerta_store::notifications::PreferenceRow;

use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

/// One category as the person sees it.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct PreferenceView {
    pub category: Category,
    pub email: bool,
    pub sms: bool,
    pub critical: bool,
}

impl App {
    /// Every category's channels (defaults where nothing was chosen).
    pub async fn notification_preferences(&self, actor: &Actor) -> Result<Vec<PreferenceView>, AppError> {
        actor.authorize(Action::OwnAccount, Target::User(&actor.user_id))?;
        let rows = self.reader().await?.notification_preferences().list(&actor.user_id).await?;
        Ok(Category::ALL
            .into_iter()
            .map(|category| {
                let chosen = rows
                    .iter()
                    .find(|r| r.category == category.as_str())
                    .map_or(category.default_channels(), |r| Channels { email: r.email, sms: r.sms });
                PreferenceView {
                    category,
                    email: chosen.email,
                    sms: chosen.sms,
                    critical: category.critical(),
                }
            })
            .collect())
    }

    /// Sets the channels of the categories given (the others stay as they are). All or none:
    /// a critical category with both channels off refuses the whole change, naming it.
    pub async fn set_notification_preferences(
        &self,
        actor: &Actor,
        ctx: &RequestContext,
        changes: &[(Category, Channels)],
    ) -> Result<Vec<PreferenceView>, AppError> {
        actor.authorize(Action::OwnAccount, Target::User(&actor.user_id))?;
        for (category, channels) in changes {
            choose(*category, *channels).map_err(|e| AppError::field(category.as_str(), e.to_string()))?;
        }
        let mut tx = self.begin().await?;
        for (category, channels) in changes {
            let row = PreferenceRow {
                category: category.as_str().to_string(),
                email: channels.email,
                sms: channels.sms,
            };
            tx.notification_preferences().set(&actor.user_id, &row).await?;
        }
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::NotificationPreferencesChanged, me, None).await?;
        self.commit(tx).await?;
        self.notification_preferences(actor).await
    }
}

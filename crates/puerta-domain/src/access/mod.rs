//! The one access policy: who may do what to which record. Every use case in `puerta-app` asks
//! [`authorize`] before it reads or writes, so pages, the API and the command line can never
//! disagree, and the whole policy is one table that a test walks role by role.

use crate::accounts::Role;
use crate::ids::UserId;

/// The person acting, as the policy needs them.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub user_id: &'a UserId,
    pub role: Role,
    /// A second factor is enrolled and was used for this session's sign-in.
    pub second_factor: bool,
}

/// Everything that is authorized. Adding a capability adds its actions here and a row to the
/// table test below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read, change, export or delete one's own account, sessions and second factor.
    OwnAccount,
    /// The staff home (port capacity today; the case queue later).
    StaffHome,
    /// The partners' home (shelters and legal aid organisations).
    PartnerHome,
    ListUsers,
    ChangeRole,
    DisableAccount,
    /// Remove another person's lost second factor.
    ResetSecondFactor,
    ReadAuditLog,
    EditContent,
    /// Delivery status of outgoing messages (never their content).
    ReadDeliveryStatus,
    /// Enter traveler profiles and submit advance information for one's group.
    EnterAdvanceInformation,
    /// Read a case: the account holder their own group's; officers and supervisors any (each
    /// such read is audited).
    ReadCase,
    /// Work on a case: claim it, move it, request evidence, decide.
    ProcessCase,
    /// Add and retire the reasons a denial may cite.
    ManageReasonCodes,
    /// Replace the watchlist that case checks screen travelers against.
    ManageWatchlist,
    /// Give a case to an officer (claiming one's own is `ProcessCase`).
    AssignCase,
    /// Ask for a place in the daily draw, confirm, cancel and withdraw one's group's appointments.
    ScheduleAppointment,
    /// A port's day: the confirmed groups, and recording who arrived.
    CheckInAppointment,
    /// Ask whether a confirmation number and a date of birth belong to a real appointment
    /// (shelters and legal aid, against scams selling fake appointments).
    ValidateAppointment,
    /// Request window, time zone, oldest share, lead time, service area, capacity per day, and
    /// the public randomness of a draw.
    ManageScheduling,
    /// Write to the officers and read one's own threads.
    MessageOfficers,
    /// The officers' message inbox: read any thread (audited), answer, assign.
    AnswerMessages,
    /// Write policy notices to an audience.
    PublishNotices,
    /// Cancel a group's appointment on the port's side (a closure, an emergency).
    CancelAppointmentForPort,
}

impl Action {
    pub const ALL: [Action; 24] = [
        Self::OwnAccount,
        Self::StaffHome,
        Self::PartnerHome,
        Self::ListUsers,
        Self::ChangeRole,
        Self::DisableAccount,
        Self::ResetSecondFactor,
        Self::ReadAuditLog,
        Self::EditContent,
        Self::ReadDeliveryStatus,
        Self::EnterAdvanceInformation,
        Self::ReadCase,
        Self::ProcessCase,
        Self::ManageReasonCodes,
        Self::ManageWatchlist,
        Self::AssignCase,
        Self::ScheduleAppointment,
        Self::CheckInAppointment,
        Self::ValidateAppointment,
        Self::ManageScheduling,
        Self::MessageOfficers,
        Self::AnswerMessages,
        Self::PublishNotices,
        Self::CancelAppointmentForPort,
    ];

    /// The roles that may take this action at all.
    fn roles(self) -> &'static [Role] {
        use Role::{Admin, Officer, Partner, Supervisor, Traveler};
        match self {
            Self::OwnAccount => &[Traveler, Officer, Supervisor, Admin, Partner],
            Self::StaffHome => &[Officer, Supervisor, Admin],
            Self::PartnerHome => &[Partner],
            Self::ListUsers
            | Self::ChangeRole
            | Self::DisableAccount
            | Self::ResetSecondFactor
            | Self::ReadAuditLog
            | Self::EditContent
            | Self::ReadDeliveryStatus
            | Self::ManageReasonCodes
            | Self::ManageWatchlist
            | Self::ManageScheduling
            | Self::PublishNotices => &[Admin],
            Self::EnterAdvanceInformation => &[Traveler],
            // Administrators run the system; they do not decide cases.
            Self::ReadCase => &[Traveler, Officer, Supervisor],
            Self::ProcessCase => &[Officer, Supervisor],
            Self::AssignCase | Self::CancelAppointmentForPort => &[Supervisor],
            Self::ScheduleAppointment => &[Traveler],
            Self::CheckInAppointment => &[Officer, Supervisor],
            Self::ValidateAppointment => &[Partner],
            Self::MessageOfficers => &[Traveler],
            Self::AnswerMessages => &[Officer, Supervisor],
        }
    }
}

/// The record an action is aimed at, when there is one.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    None,
    User(&'a UserId),
    /// A case, by the account holder whose group it belongs to.
    Case {
        account_holder: &'a UserId,
    },
    /// A group's appointment request or appointment, by its account holder.
    Group {
        account_holder: &'a UserId,
    },
    /// A message thread, by the account holder who started it.
    Thread {
        owner: &'a UserId,
    },
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// The role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// A staff role without a second factor: enrol one first.
    #[error("second factor required")]
    SecondFactorRequired,
    /// Someone else's record: answered as if it did not exist, so ids cannot be probed.
    #[error("not found")]
    NotFound,
}

/// Decides one action. Pure: the same inputs always give the same answer.
pub fn authorize(subject: Subject<'_>, action: Action, target: Target<'_>) -> Result<(), Denied> {
    if !action.roles().contains(&subject.role) {
        return Err(Denied::Forbidden);
    }
    // Staff functions answer only with a second factor on; one's own account never needs it
    // (that is where the second factor is enrolled).
    if action != Action::OwnAccount && subject.role.is_staff() && !subject.second_factor {
        return Err(Denied::SecondFactorRequired);
    }
    match (action, target) {
        (Action::OwnAccount, Target::User(id)) if id != subject.user_id => Err(Denied::NotFound),
        // A traveler sees only their own group's cases; anyone else's does not exist for them.
        (Action::ReadCase, Target::Case { account_holder })
            if subject.role == Role::Traveler && account_holder != subject.user_id =>
        {
            Err(Denied::NotFound)
        }
        // A group's requests and appointments are its account holder's alone.
        (Action::ScheduleAppointment, Target::Group { account_holder })
            if account_holder != subject.user_id =>
        {
            Err(Denied::NotFound)
        }
        // A traveler's threads are theirs alone; officers reach any (each read audited).
        (Action::MessageOfficers, Target::Thread { owner }) if owner != subject.user_id => {
            Err(Denied::NotFound)
        }
        // An administrator cannot remove their own second factor: a stolen session must not be
        // able to strip the account's protection. Another administrator can.
        (Action::ResetSecondFactor, Target::User(id)) if id == subject.user_id => Err(Denied::Forbidden),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Role::{Admin, Officer, Partner, Supervisor, Traveler};

    /// Every role × action, with a second factor on, aimed at nothing (or, for own-account
    /// actions, at oneself): `true` where allowed.
    const TABLE: [(Action, [bool; 5]); 24] = [
        //                  Traveler Officer Supervisor Admin Partner
        (OwnAccount, [true, true, true, true, true]),
        (StaffHome, [false, true, true, true, false]),
        (PartnerHome, [false, false, false, false, true]),
        (ListUsers, [false, false, false, true, false]),
        (ChangeRole, [false, false, false, true, false]),
        (DisableAccount, [false, false, false, true, false]),
        (ResetSecondFactor, [false, false, false, true, false]),
        (ReadAuditLog, [false, false, false, true, false]),
        (EditContent, [false, false, false, true, false]),
        (ReadDeliveryStatus, [false, false, false, true, false]),
        (EnterAdvanceInformation, [true, false, false, false, false]),
        (ReadCase, [true, true, true, false, false]),
        (ProcessCase, [false, true, true, false, false]),
        (ManageReasonCodes, [false, false, false, true, false]),
        (AssignCase, [false, false, true, false, false]),
        (ManageWatchlist, [false, false, false, true, false]),
        (ScheduleAppointment, [true, false, false, false, false]),
        (CheckInAppointment, [false, true, true, false, false]),
        (ValidateAppointment, [false, false, false, false, true]),
        (ManageScheduling, [false, false, false, true, false]),
        (MessageOfficers, [true, false, false, false, false]),
        (AnswerMessages, [false, true, true, false, false]),
        (PublishNotices, [false, false, false, true, false]),
        (CancelAppointmentForPort, [false, false, true, false, false]),
    ];
    const ROLES: [Role; 5] = [Traveler, Officer, Supervisor, Admin, Partner];

    fn me() -> UserId {
        UserId::parse("me").unwrap_or_else(|_| unreachable!())
    }

    fn other() -> UserId {
        UserId::parse("other").unwrap_or_else(|_| unreachable!())
    }

    #[test]
    fn the_table_covers_every_action() {
        assert_eq!(TABLE.len(), Action::ALL.len());
        for action in Action::ALL {
            assert!(TABLE.iter().any(|(a, _)| *a == action), "{action:?} has no row");
        }
    }

    #[test]
    fn every_role_and_action_with_a_second_factor() {
        let id = me();
        for (action, allowed) in TABLE {
            for (role, allowed) in ROLES.into_iter().zip(allowed) {
                let subject = Subject { user_id: &id, role, second_factor: true };
                let target = if action == OwnAccount { Target::User(&id) } else { Target::None };
                let answer = authorize(subject, action, target);
                if allowed {
                    assert_eq!(answer, Ok(()), "{role:?} {action:?}");
                } else {
                    assert_eq!(answer, Err(Denied::Forbidden), "{role:?} {action:?}");
                }
            }
        }
    }

    #[test]
    fn staff_without_a_second_factor_may_only_reach_their_own_account() {
        let id = me();
        for (action, allowed) in TABLE {
            for (role, allowed) in ROLES.into_iter().zip(allowed) {
                let subject = Subject { user_id: &id, role, second_factor: false };
                let target = if action == OwnAccount { Target::User(&id) } else { Target::None };
                let expected = match (allowed, role.is_staff(), action) {
                    (false, _, _) => Err(Denied::Forbidden),
                    (true, true, a) if a != OwnAccount => Err(Denied::SecondFactorRequired),
                    (true, _, _) => Ok(()),
                };
                assert_eq!(authorize(subject, action, target), expected, "{role:?} {action:?}");
            }
        }
    }

    #[test]
    fn another_persons_account_is_not_found_and_an_admin_cannot_reset_their_own_factor() {
        let (id, other) = (me(), other());
        for role in ROLES {
            let subject = Subject { user_id: &id, role, second_factor: true };
            assert_eq!(
                authorize(subject, OwnAccount, Target::User(&other)),
                Err(Denied::NotFound),
                "{role:?}"
            );
        }
        let traveler = Subject { user_id: &id, role: Traveler, second_factor: false };
        assert_eq!(
            authorize(traveler, ReadCase, Target::Case { account_holder: &other }),
            Err(Denied::NotFound)
        );
        assert_eq!(authorize(traveler, ReadCase, Target::Case { account_holder: &id }), Ok(()));
        let officer = Subject { user_id: &id, role: Officer, second_factor: true };
        assert_eq!(authorize(officer, ReadCase, Target::Case { account_holder: &other }), Ok(()));
        let admin = Subject { user_id: &id, role: Admin, second_factor: true };
        assert_eq!(
            authorize(admin, ReadCase, Target::Case { account_holder: &other }),
            Err(Denied::Forbidden)
        );
        assert_eq!(authorize(admin, ResetSecondFactor, Target::User(&id)), Err(Denied::Forbidden));
        assert_eq!(authorize(admin, ResetSecondFactor, Target::User(&other)), Ok(()));
        assert_eq!(authorize(admin, DisableAccount, Target::User(&other)), Ok(()));
        assert_eq!(
            authorize(traveler, ScheduleAppointment, Target::Group { account_holder: &other }),
            Err(Denied::NotFound)
        );
        assert_eq!(authorize(traveler, ScheduleAppointment, Target::Group { account_holder: &id }), Ok(()));
    }
}

#[cfg(test)]
mod thread_tests {
    use super::*;

    #[test]
    fn a_thread_is_its_owners_and_any_officers() {
        let me = UserId::parse("me").unwrap_or_else(|_| unreachable!());
        let other = UserId::parse("other").unwrap_or_else(|_| unreachable!());
        let traveler = Subject { user_id: &me, role: Role::Traveler, second_factor: false };
        let officer = Subject { user_id: &me, role: Role::Officer, second_factor: true };
        let partner = Subject { user_id: &me, role: Role::Partner, second_factor: true };
        assert_eq!(authorize(traveler, Action::MessageOfficers, Target::Thread { owner: &me }), Ok(()));
        assert_eq!(
            authorize(traveler, Action::MessageOfficers, Target::Thread { owner: &other }),
            Err(Denied::NotFound)
        );
        assert_eq!(authorize(officer, Action::AnswerMessages, Target::Thread { owner: &other }), Ok(()));
        assert_eq!(
            authorize(partner, Action::AnswerMessages, Target::Thread { owner: &other }),
            Err(Denied::Forbidden)
        );
    }
}

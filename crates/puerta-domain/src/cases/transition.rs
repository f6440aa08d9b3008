//! The case lifecycle as a pure state machine: which command moves a case from which status to
//! which, and who may give it.
//!
//! ```text
//! received → in_review ⇄ (evidence_requested → evidence_received → in_review) → approved | denied
//! denied → appeal_received → appeal_upheld | appeal_granted
//! received | in_review | evidence_requested | evidence_received → withdrawn   (by the traveler)
//! ```
//! Everything not in [`CaseCommand::sources`] is refused with `IllegalTransition` (a `409
//! illegal_transition`), so a case can never be decided twice, appealed before a denial or
//! withdrawn after a decision, whatever order requests arrive in. The app records each
//! [`Transition`] as a case event in the same transaction as the status change.

use std::fmt;

use super::CaseStatus;
use crate::accounts::Role;

/// Who is acting on a case, as the lifecycle sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Party {
    /// The account holder of the case's group (never another traveler).
    Traveler,
    Officer,
    /// An officer who also decides appeals; may do everything an officer may.
    Supervisor,
}

impl Party {
    pub const ALL: [Party; 3] = [Party::Traveler, Party::Officer, Party::Supervisor];

    /// The party an account acts as on a case, if any. A traveler counts only on their own group's
    /// cases; admins run the service but are not officers, and partners never touch cases.
    pub fn for_role(role: Role, is_account_holder: bool) -> Option<Party> {
        match role {
            Role::Traveler if is_account_holder => Some(Party::Traveler),
            Role::Officer => Some(Party::Officer),
            Role::Supervisor => Some(Party::Supervisor),
            Role::Traveler | Role::Admin | Role::Partner => None,
        }
    }
}

/// Something someone asks to happen to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseCommand {
    /// Take up a received case, or resume after the evidence arrived.
    StartReview,
    RequestEvidence,
    /// The traveler has sent what was asked (an officer may also record evidence that came by
    /// other means).
    EvidenceReceived,
    Approve,
    Deny,
    Appeal,
    /// Confirm the denial.
    UpholdAppeal,
    /// Reverse the denial.
    GrantAppeal,
    Withdraw,
}

impl CaseCommand {
    pub const ALL: [CaseCommand; 9] = [
        Self::StartReview,
        Self::RequestEvidence,
        Self::EvidenceReceived,
        Self::Approve,
        Self::Deny,
        Self::Appeal,
        Self::UpholdAppeal,
        Self::GrantAppeal,
        Self::Withdraw,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::StartReview => "start_review",
            Self::RequestEvidence => "request_evidence",
            Self::EvidenceReceived => "evidence_received",
            Self::Approve => "approve",
            Self::Deny => "deny",
            Self::Appeal => "appeal",
            Self::UpholdAppeal => "uphold_appeal",
            Self::GrantAppeal => "grant_appeal",
            Self::Withdraw => "withdraw",
        }
    }

    /// Where the command takes a case. Each command has one target, so a (from, to) pair names at
    /// most one command ([`CaseCommand::between`]).
    pub fn target(self) -> CaseStatus {
        match self {
            Self::StartReview => CaseStatus::InReview,
            Self::RequestEvidence => CaseStatus::EvidenceRequested,
            Self::EvidenceReceived => CaseStatus::EvidenceReceived,
            Self::Approve => CaseStatus::Approved,
            Self::Deny => CaseStatus::Denied,
            Self::Appeal => CaseStatus::AppealReceived,
            Self::UpholdAppeal => CaseStatus::AppealUpheld,
            Self::GrantAppeal => CaseStatus::AppealGranted,
            Self::Withdraw => CaseStatus::Withdrawn,
        }
    }

    /// The statuses the command may start from: the whole transition table.
    pub fn sources(self) -> &'static [CaseStatus] {
        use CaseStatus::*;
        match self {
            Self::StartReview => &[Received, EvidenceReceived],
            Self::RequestEvidence => &[InReview],
            Self::EvidenceReceived => &[EvidenceRequested],
            // From `evidence_requested` only once the due date has passed: a decision on the record.
            Self::Approve | Self::Deny => &[InReview, EvidenceRequested],
            Self::Appeal => &[Denied],
            Self::UpholdAppeal | Self::GrantAppeal => &[AppealReceived],
            Self::Withdraw => &[Received, InReview, EvidenceRequested, EvidenceReceived],
        }
    }

    /// Who may give the command at all.
    pub fn parties(self) -> &'static [Party] {
        use Party::*;
        match self {
            Self::StartReview | Self::RequestEvidence | Self::Approve | Self::Deny => &[Officer, Supervisor],
            Self::EvidenceReceived => &[Traveler, Officer, Supervisor],
            // The appeal decision is a second look: a supervisor, never the deciding officer.
            Self::UpholdAppeal | Self::GrantAppeal => &[Supervisor],
            Self::Appeal | Self::Withdraw => &[Traveler],
        }
    }

    /// The command that moves a case from `from` to `to`, if the table has one (for requests that
    /// name a target status, like `POST /staff/cases/{ref}/transitions {to}`).
    pub fn between(from: CaseStatus, to: CaseStatus) -> Option<CaseCommand> {
        Self::ALL.into_iter().find(|c| c.target() == to && c.sources().contains(&from))
    }
}

impl fmt::Display for CaseCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A command as someone gives it, with the facts its rules depend on. The facts default to the
/// refusing side (not overdue, window closed), so forgetting one refuses instead of allowing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub party: Party,
    /// The acting person made this case's decision (they may not decide its appeal).
    pub actor_decided_case: bool,
    /// The open request for evidence is past its due date (the officer may decide on the record).
    pub evidence_overdue: bool,
    /// The denial is less than [`super::APPEAL_WINDOW_DAYS`] old ([`super::appeal_window_open`]).
    pub appeal_window_open: bool,
}

impl Attempt {
    pub fn by(party: Party) -> Self {
        Self { party, actor_decided_case: false, evidence_overdue: false, appeal_window_open: false }
    }

    pub fn actor_decided_case(self, value: bool) -> Self {
        Self { actor_decided_case: value, ..self }
    }

    pub fn evidence_overdue(self, value: bool) -> Self {
        Self { evidence_overdue: value, ..self }
    }

    pub fn appeal_window_open(self, value: bool) -> Self {
        Self { appeal_window_open: value, ..self }
    }
}

/// A change the state machine allowed: what the app records as a case event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub command: CaseCommand,
    pub from: CaseStatus,
    pub to: CaseStatus,
}

/// Why a command was refused. Each maps to a problem code ([`TransitionError::problem_code`]),
/// and displays as the Fluent id `problem-<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The table has no such step from here (`409`).
    #[error("problem-illegal_transition")]
    IllegalTransition { from: CaseStatus, to: CaseStatus },
    /// This party may never give this command (`403`).
    #[error("problem-forbidden")]
    NotPermitted { party: Party, command: CaseCommand },
    /// A decision while evidence is awaited, before its due date (`409`).
    #[error("problem-evidence_not_due")]
    EvidenceNotDue,
    /// An appeal after the appeal window closed (`409`).
    #[error("problem-appeal_late")]
    AppealLate,
    /// A second appeal: the case has been appealed already (`409`).
    #[error("problem-appeal_already_made")]
    AppealAlreadyMade,
    /// The deciding officer may not decide the appeal of their own decision (`403`).
    #[error("problem-appeal_same_decider")]
    SameDecider,
}

impl TransitionError {
    pub fn problem_code(&self) -> &'static str {
        match self {
            Self::IllegalTransition { .. } => "illegal_transition",
            Self::NotPermitted { .. } => "forbidden",
            Self::EvidenceNotDue => "evidence_not_due",
            Self::AppealLate => "appeal_late",
            Self::AppealAlreadyMade => "appeal_already_made",
            Self::SameDecider => "appeal_same_decider",
        }
    }
}

/// Applies `command` to a case in status `from`.
///
/// Checks in this order: who may give the command at all, whether the table has the step, then
/// the step's own rule (due date, appeal window, a different decider).
pub fn apply(
    from: CaseStatus,
    command: CaseCommand,
    attempt: Attempt,
) -> Result<Transition, TransitionError> {
    if !command.parties().contains(&attempt.party) {
        return Err(TransitionError::NotPermitted { party: attempt.party, command });
    }
    let to = command.target();
    if !command.sources().contains(&from) {
        return Err(match (command, from) {
            (
                CaseCommand::Appeal,
                CaseStatus::AppealReceived | CaseStatus::AppealUpheld | CaseStatus::AppealGranted,
            ) => TransitionError::AppealAlreadyMade,
            _ => TransitionError::IllegalTransition { from, to },
        });
    }
    match command {
        CaseCommand::Approve | CaseCommand::Deny
            if from == CaseStatus::EvidenceRequested && !attempt.evidence_overdue =>
        {
            Err(TransitionError::EvidenceNotDue)
        }
        CaseCommand::Appeal if !attempt.appeal_window_open => Err(TransitionError::AppealLate),
        CaseCommand::UpholdAppeal | CaseCommand::GrantAppeal if attempt.actor_decided_case => {
            Err(TransitionError::SameDecider)
        }
        _ => Ok(Transition { command, from, to }),
    }
}

/// Moves a case from `from` to the status `to`, through the one command that does so.
pub fn transition_to(
    from: CaseStatus,
    to: CaseStatus,
    attempt: Attempt,
) -> Result<Transition, TransitionError> {
    let command = CaseCommand::between(from, to).ok_or(TransitionError::IllegalTransition { from, to })?;
    apply(from, command, attempt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseCommand as C;
    use CaseStatus as S;
    use proptest::prelude::*;

    /// Every fact set, so a refusal can't be an artefact of one.
    fn attempts(party: Party) -> impl Iterator<Item = Attempt> {
        (0..8u8).map(move |bits| {
            Attempt::by(party)
                .actor_decided_case(bits & 1 != 0)
                .evidence_overdue(bits & 2 != 0)
                .appeal_window_open(bits & 4 != 0)
        })
    }

    fn officer() -> Attempt {
        Attempt::by(Party::Officer)
    }

    #[test]
    fn the_happy_paths() {
        let t = |from, command, attempt| apply(from, command, attempt).map(|t| t.to);
        assert_eq!(t(S::Received, C::StartReview, officer()), Ok(S::InReview));
        assert_eq!(t(S::InReview, C::RequestEvidence, officer()), Ok(S::EvidenceRequested));
        assert_eq!(
            t(S::EvidenceRequested, C::EvidenceReceived, Attempt::by(Party::Traveler)),
            Ok(S::EvidenceReceived)
        );
        assert_eq!(t(S::EvidenceReceived, C::StartReview, officer()), Ok(S::InReview));
        assert_eq!(t(S::InReview, C::Deny, officer()), Ok(S::Denied));
        let appeal = Attempt::by(Party::Traveler).appeal_window_open(true);
        assert_eq!(t(S::Denied, C::Appeal, appeal), Ok(S::AppealReceived));
        let supervisor = Attempt::by(Party::Supervisor);
        assert_eq!(t(S::AppealReceived, C::GrantAppeal, supervisor), Ok(S::AppealGranted));
        assert_eq!(t(S::AppealReceived, C::UpholdAppeal, supervisor), Ok(S::AppealUpheld));
        assert_eq!(t(S::InReview, C::Approve, supervisor), Ok(S::Approved));
        assert_eq!(t(S::EvidenceRequested, C::Withdraw, Attempt::by(Party::Traveler)), Ok(S::Withdrawn));
    }

    #[test]
    fn illegal_steps_name_from_and_to() {
        assert_eq!(
            apply(S::Received, C::Approve, officer()),
            Err(TransitionError::IllegalTransition { from: S::Received, to: S::Approved })
        );
        assert_eq!(
            transition_to(S::Approved, S::InReview, officer()),
            Err(TransitionError::IllegalTransition { from: S::Approved, to: S::InReview })
        );
        assert_eq!(
            apply(S::Denied, C::Withdraw, Attempt::by(Party::Traveler)),
            Err(TransitionError::IllegalTransition { from: S::Denied, to: S::Withdrawn })
        );
        let err = apply(S::Received, C::Deny, officer()).unwrap_err();
        assert_eq!(err.problem_code(), "illegal_transition");
        assert_eq!(err.to_string(), "problem-illegal_transition");
    }

    #[test]
    fn who_may_do_what() {
        // Travelers never review or decide; officers never appeal, withdraw or decide appeals.
        for command in
            [C::StartReview, C::RequestEvidence, C::Approve, C::Deny, C::UpholdAppeal, C::GrantAppeal]
        {
            let from = command.sources()[0];
            assert_eq!(
                apply(from, command, Attempt::by(Party::Traveler)),
                Err(TransitionError::NotPermitted { party: Party::Traveler, command })
            );
        }
        for command in [C::Appeal, C::Withdraw, C::UpholdAppeal, C::GrantAppeal] {
            let from = command.sources()[0];
            let err = apply(from, command, officer().appeal_window_open(true)).unwrap_err();
            assert_eq!(err, TransitionError::NotPermitted { party: Party::Officer, command });
            assert_eq!(err.problem_code(), "forbidden");
        }
        // Supervisors may do every officer step.
        for command in CaseCommand::ALL {
            if command.parties().contains(&Party::Officer) {
                assert!(command.parties().contains(&Party::Supervisor), "{command}");
            }
        }
    }

    #[test]
    fn roles_map_to_parties() {
        assert_eq!(Party::for_role(Role::Traveler, true), Some(Party::Traveler));
        assert_eq!(Party::for_role(Role::Traveler, false), None);
        assert_eq!(Party::for_role(Role::Officer, false), Some(Party::Officer));
        assert_eq!(Party::for_role(Role::Supervisor, false), Some(Party::Supervisor));
        // Admins are not officers, even on a case they could read elsewhere.
        assert_eq!(Party::for_role(Role::Admin, true), None);
        assert_eq!(Party::for_role(Role::Partner, true), None);
    }

    #[test]
    fn decisions_while_evidence_is_awaited_wait_for_the_due_date() {
        assert_eq!(apply(S::EvidenceRequested, C::Deny, officer()), Err(TransitionError::EvidenceNotDue));
        assert_eq!(
            apply(S::EvidenceRequested, C::Deny, officer().evidence_overdue(true)).map(|t| t.to),
            Ok(S::Denied)
        );
        // On an ordinary review the due date plays no part.
        assert_eq!(apply(S::InReview, C::Approve, officer()).map(|t| t.to), Ok(S::Approved));
    }

    #[test]
    fn late_and_second_appeals_are_refused() {
        let traveler = Attempt::by(Party::Traveler);
        assert_eq!(apply(S::Denied, C::Appeal, traveler), Err(TransitionError::AppealLate));
        for from in [S::AppealReceived, S::AppealUpheld, S::AppealGranted] {
            assert_eq!(
                apply(from, C::Appeal, traveler.appeal_window_open(true)),
                Err(TransitionError::AppealAlreadyMade)
            );
        }
        assert_eq!(
            apply(S::Approved, C::Appeal, traveler.appeal_window_open(true)),
            Err(TransitionError::IllegalTransition { from: S::Approved, to: S::AppealReceived })
        );
    }

    #[test]
    fn the_deciding_officer_does_not_decide_the_appeal() {
        let own = Attempt::by(Party::Supervisor).actor_decided_case(true);
        assert_eq!(apply(S::AppealReceived, C::GrantAppeal, own), Err(TransitionError::SameDecider));
        assert_eq!(apply(S::AppealReceived, C::UpholdAppeal, own), Err(TransitionError::SameDecider));
    }

    #[test]
    fn between_finds_the_one_command_for_each_step() {
        let mut steps = 0;
        for from in CaseStatus::ALL {
            for to in CaseStatus::ALL {
                let commands: Vec<_> = CaseCommand::ALL
                    .into_iter()
                    .filter(|c| c.target() == to && c.sources().contains(&from))
                    .collect();
                assert!(commands.len() <= 1, "{from} → {to}: {commands:?}");
                assert_eq!(CaseCommand::between(from, to), commands.first().copied());
                steps += commands.len();
            }
        }
        assert_eq!(steps, 15);
        assert_eq!(CaseCommand::between(S::EvidenceReceived, S::InReview), Some(C::StartReview));
    }

    #[test]
    fn error_ids_are_problem_codes() {
        let errors = [
            TransitionError::IllegalTransition { from: S::Received, to: S::Approved },
            TransitionError::NotPermitted { party: Party::Traveler, command: C::Approve },
            TransitionError::EvidenceNotDue,
            TransitionError::AppealLate,
            TransitionError::AppealAlreadyMade,
            TransitionError::SameDecider,
        ];
        for error in errors {
            assert_eq!(error.to_string(), format!("problem-{}", error.problem_code()));
        }
    }

    #[test]
    fn terminal_states_accept_nothing_exhaustively() {
        for from in CaseStatus::ALL.into_iter().filter(|s| s.is_terminal()) {
            for command in CaseCommand::ALL {
                for party in Party::ALL {
                    for attempt in attempts(party) {
                        assert!(apply(from, command, attempt).is_err(), "{from} {command} {attempt:?}");
                        for to in CaseStatus::ALL {
                            assert!(transition_to(from, to, attempt).is_err());
                        }
                    }
                }
            }
        }
    }

    fn any_status() -> impl Strategy<Value = CaseStatus> {
        proptest::sample::select(CaseStatus::ALL.to_vec())
    }

    fn any_command() -> impl Strategy<Value = CaseCommand> {
        proptest::sample::select(CaseCommand::ALL.to_vec())
    }

    fn any_attempt() -> impl Strategy<Value = Attempt> {
        (proptest::sample::select(Party::ALL.to_vec()), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
            |(party, decided, overdue, window)| {
                Attempt::by(party)
                    .actor_decided_case(decided)
                    .evidence_overdue(overdue)
                    .appeal_window_open(window)
            },
        )
    }

    /// The rules a case's history must obey, whatever happened: checked after every step.
    fn assert_history_is_legal(history: &[CaseStatus]) -> Result<(), TestCaseError> {
        prop_assert_eq!(history.first(), Some(&CaseStatus::INITIAL));
        for pair in history.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            prop_assert!(!from.is_terminal(), "left terminal {}", from);
            prop_assert!(CaseCommand::between(from, to).is_some(), "{} → {}", from, to);
        }
        let decisions = history.iter().filter(|s| matches!(s, S::Approved | S::Denied)).count();
        prop_assert!(decisions <= 1, "decided twice: {:?}", history);
        let appeals = history.iter().filter(|s| **s == S::AppealReceived).count();
        prop_assert!(appeals <= 1, "appealed twice: {:?}", history);
        if let Some(appeal) = history.iter().position(|s| *s == S::AppealReceived) {
            prop_assert_eq!(history[appeal - 1], S::Denied);
        }
        if let Some(withdrawn) = history.iter().position(|s| *s == S::Withdrawn) {
            prop_assert!(history[..withdrawn].iter().all(|s| !s.is_decided()), "withdrawn after a decision");
            prop_assert_eq!(withdrawn, history.len() - 1);
        }
        for (i, status) in history.iter().enumerate() {
            if *status == S::EvidenceReceived {
                prop_assert_eq!(history[i - 1], S::EvidenceRequested);
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// No sequence of commands, by anyone, with any facts, reaches an illegal state.
        #[test]
        fn no_sequence_of_commands_reaches_an_illegal_state(
            steps in proptest::collection::vec((any_command(), any_attempt()), 0..40),
        ) {
            let mut status = CaseStatus::INITIAL;
            let mut history = vec![status];
            for (command, attempt) in steps {
                match apply(status, command, attempt) {
                    Ok(t) => {
                        prop_assert_eq!(t.from, status);
                        prop_assert_eq!(t.to, command.target());
                        prop_assert!(command.parties().contains(&attempt.party));
                        status = t.to;
                        history.push(status);
                    }
                    Err(TransitionError::IllegalTransition { from, to }) => {
                        prop_assert_eq!(from, status);
                        prop_assert_eq!(to, command.target());
                    }
                    Err(_) => {}
                }
                assert_history_is_legal(&history)?;
            }
        }

        /// Naming the target status is the same as giving its command.
        #[test]
        fn transition_to_agrees_with_apply(from in any_status(), to in any_status(), attempt in any_attempt()) {
            match CaseCommand::between(from, to) {
                Some(command) => prop_assert_eq!(transition_to(from, to, attempt), apply(from, command, attempt)),
                None => prop_assert_eq!(
                    transition_to(from, to, attempt),
                    Err(TransitionError::IllegalTransition { from, to })
                ),
            }
        }

        #[test]
        fn terminal_states_accept_nothing(
            from in any_status().prop_filter("terminal", |s| s.is_terminal()),
            command in any_command(),
            attempt in any_attempt(),
        ) {
            prop_assert!(apply(from, command, attempt).is_err());
        }
    }
}

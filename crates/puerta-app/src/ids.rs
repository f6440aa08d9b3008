//! New ids: random UUIDs, as each typed id.

use puerta_domain::ids::{
    ApplicationId, AppointmentId, AppointmentRequestId, CaseEventId, CaseId, CodeId, EventId, JobId,
    NoticeId, NotificationId, OutboxId, ThreadId, ThreadMessageId, TravelerId, UserId,
};

fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

// A UUID always parses as an id (36 characters of hex digits and dashes).
macro_rules! fresh {
    ($fn:ident, $ty:ty) => {
        pub(crate) fn $fn() -> $ty {
            <$ty>::parse(&uuid()).unwrap_or_else(|_| unreachable!("a UUID is a valid id"))
        }
    };
}

fresh!(user_id, UserId);
fresh!(outbox_id, OutboxId);
fresh!(code_id, CodeId);
fresh!(event_id, EventId);
fresh!(job_id, JobId);
fresh!(traveler_id, TravelerId);
fresh!(application_id, ApplicationId);
fresh!(case_id, CaseId);
fresh!(case_event_id, CaseEventId);
fresh!(appointment_request_id, AppointmentRequestId);
fresh!(appointment_id, AppointmentId);
fresh!(thread_id, ThreadId);
fresh!(thread_message_id, ThreadMessageId);
fresh!(notification_id, NotificationId);
fresh!(notice_id, NoticeId);

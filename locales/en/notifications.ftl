## Notifications: the inbox, emails and SMS made from them, messaging errors, reply templates.
## Variables: $reference (a case reference number), $status (a case status, in words), $port
## (a port's name), $scheduled_at / $deadline / $due / $at (a date and time with its zone),
## $number (a confirmation number), $granted / $expired ("yes" or "no"), $subject (a thread's
## subject, as the traveler wrote it), $references (reference numbers, comma-separated).

notification-application-received-title = We received your information
notification-application-received-body = Your reference numbers: { $references }. Keep them: you will need them to follow each case.
notification-case-updated-title = Case { $reference } changed
notification-case-updated-body = Its status is now: { $status }.
notification-evidence-requested-title = We need documents for case { $reference }
notification-evidence-requested-body = Please send them by { $due }. Open the case to see what we need.
notification-case-approved-title = Case { $reference } was approved
notification-case-approved-body = Open the case to see the decision and what to do next.
notification-case-denied-title = Case { $reference } was denied
notification-case-denied-body = Open the case to read the reasons. You can appeal until { $deadline }.
notification-appeal-decided-title = Your appeal for case { $reference } was decided
notification-appeal-decided-body = { $granted ->
    [yes] The appeal was granted. Open the case to see what happens next.
   *[no] The first decision stays. Open the case to read why.
}
notification-appointment-offered-title = You have an appointment offer
notification-appointment-offered-body = { $port }, { $scheduled_at }. Confirm it before { $deadline }, or it goes to someone else.
notification-offer-expiring-title = Your appointment offer ends soon
notification-offer-expiring-body = Confirm your appointment at { $port } before { $deadline }, or it goes to someone else.
notification-appointment-confirmed-title = Your appointment is confirmed
notification-appointment-confirmed-body = { $port }, { $scheduled_at }. Your confirmation number: { $number }.
notification-appointment-reminder-title = Your appointment is tomorrow
notification-appointment-reminder-body = { $port }, { $scheduled_at }. Bring your confirmation number { $number } and everyone's documents.
notification-appointment-released-title = Your appointment offer ended
notification-appointment-released-body = { $expired ->
    [yes] The offer at { $port } was not confirmed in time. You can ask for a place again.
   *[no] You cancelled your appointment at { $port }. You can ask for a place again.
}
notification-appointment-cancelled-title = The port cancelled your appointment
notification-appointment-cancelled-body = Your appointment at { $port } on { $scheduled_at } was cancelled by the port. You can ask for a place again. We are sorry.
notification-scheduling-changed-title = The appointment rules changed
notification-scheduling-changed-body = A rule for the draw you asked a place in has changed. Open Appointments to see it.
notification-new-message-title = New message from an officer
notification-new-message-body = About: { $subject }. Open Messages to read it.
notification-sign-in-title = New sign-in to your account
notification-sign-in-body = Someone signed in at { $at }. If it was not you, change your password now.
notification-policy-notice-title = Notice
notification-policy-notice-body = A new notice was published.

sms-sign-in-to-read = Sign in to Puerta to read more.
email-sign-in-to-read = Sign in to Puerta to see the details. We never ask for your password or for money by email.

error-message-subject-missing = Write a subject.
error-message-subject-too-long = The subject can have up to 200 characters.
error-message-body-missing = Write your message.
error-message-body-too-long = A message can have up to 5,000 characters. Split it into two messages.
error-message-attachments-too-many = You can attach up to 5 documents to one message.
error-message-case-unknown = This is not the reference number of one of your cases.
error-message-attachment-unknown = This document is not one of this case's documents.
error-message-attachment-needs-case = Documents can only be sent in a conversation about a case.
error-message-officer-unknown = Choose an active officer.
error-message-filter-unknown = Choose unassigned, mine or all.
error-preferences-critical = This kind of message is too important to turn off: keep email or text message.
error-preferences-category = There is no such kind of notification.
error-notice-language-unknown = Use only the languages Puerta offers (en, es, ht, pt, fr).
error-notice-too-long = A title can have up to 200 characters and a text up to 5,000.
error-notice-languages-missing = Write it at least in English, Spanish and Haitian Creole.
error-notice-publish-at = Give a date and time between now and the year 2200.
error-notice-port-unknown = Choose one of the eight ports.
error-notice-audience = Choose everyone, one port or staff.
error-limit-range = Choose a number from 1 to 200.

reply-template-received-label = We received your message
reply-template-received-body = Thank you for writing. We received your message and an officer will answer as soon as possible.
reply-template-need-documents-label = Ask for documents
reply-template-need-documents-body = To continue, we need more documents. Please upload them in this conversation or on your case page.
reply-template-appointment-info-label = How appointments work
reply-template-appointment-info-body = Appointments are given by a daily draw. You can ask for a place once a day, during the hours shown on the Appointments page, from inside the area served. There is no fee, and nobody can sell you a place.
reply-template-status-unchanged-label = Nothing new yet
reply-template-status-unchanged-body = Your case is still being reviewed. We will write to you as soon as there is news. You do not need to do anything now.
reply-template-closing-label = Closing the conversation
reply-template-closing-body = We hope this answers your question. If you need anything else, write to us here.

## Pages: messages with officers, notifications, how we tell you, notices on the dashboard.
## Variables: $reference (a case reference number, grouped like PUE 4829 3017 58), $name (a
## traveler's name), $time (a date and time with its zone), $count (a number), $status (how an
## email or text message went: delivered, failed or sending).

## Messages

msgpage-intro = Write to the officers who handle cases. An officer answers here. We tell you by email or text message when there is an answer.
msgpage-scam-warning = Officers never ask you for money or for your password. Do not send money or your password to anyone.
msgpage-threads-title = Your conversations
msgpage-threads-empty = You have not written to an officer yet.
msgpage-tag-unread = New answer
msgpage-tag-answered = Answered
msgpage-tag-waiting = Waiting for an answer
msgpage-about-case = About case { $reference }
msgpage-last-message = Last message: { $time }
msgpage-write-title = Write to an officer
msgpage-subject-label = Subject
msgpage-subject-hint = A few words about your question, for example: Documents for my case.
msgpage-case-label = Case (optional)
msgpage-case-hint = Choose a case if your question is about it. Then you can also send documents in this conversation.
msgpage-case-none = Not about one case
msgpage-case-option = { $reference }, { $name }
msgpage-body-label = Your message
msgpage-body-hint = Up to 5,000 characters. You can write in your own language.
msgpage-send = Send message
msgpage-notice-sent = Your message was sent. An officer will answer here.
msgpage-thread-back = All your conversations
msgpage-author-you = You
msgpage-author-officer = Officer
msgpage-attachments = Documents sent with this message:
msgpage-attachment-unnamed = Document
msgpage-reply-title = Write an answer
msgpage-file-label = Add a document (optional)
msgpage-file-hint = It is added to case { $reference }.
msgpage-file-no-case = To send a document, start a new conversation about your case.
msgpage-reply-send = Send
msgpage-notice-replied = Your message was sent.
msgpage-live-new-message = A new message arrived in this conversation.

## Notifications

notifpage-intro = Everything we told you, newest first. We also send important news by email or text message.
notifpage-preferences-link = Choose how we tell you: email, text message or both
notifpage-empty = You have no notifications.
notifpage-tag-unread = Unread
notifpage-tag-notice = Notice
notifpage-mark-read = Mark as read
notifpage-dismiss = Dismiss
notifpage-notice-read = The notification is marked as read.
notifpage-notice-dismissed = The notice is dismissed. You can still read it in Notifications.
notifpage-latest = These are your { $count } newest notifications.
notifpage-back-to-inbox = Back to your notifications
notifpage-standing-title = Notices
notifpage-delivery-email = { $status ->
    [delivered] Sent by email.
    [failed] Sent by email, not delivered.
   *[sending] Being sent by email.
}
notifpage-delivery-sms = { $status ->
    [delivered] Sent by text message.
    [failed] Sent by text message, not delivered.
   *[sending] Being sent by text message.
}
notifpage-delivery-email-fallback = { $status ->
    [delivered] Sent by email instead.
    [failed] Sent by email instead, not delivered.
   *[sending] Being sent by email instead.
}
notifpage-delivery-sms-fallback = { $status ->
    [delivered] Sent by text message instead.
    [failed] Sent by text message instead, not delivered.
   *[sending] Being sent by text message instead.
}

## How we tell you (notification preferences)

notifpage-prefs-title = How we tell you
notifpage-prefs-intro = You can always read everything in Notifications. For each kind of news, choose if we also send an email, a text message, or both.
notifpage-prefs-critical = This is important: keep email, text message or both.
notifpage-prefs-no-phone = You have not given a mobile phone number, so we cannot send you text messages. For important news we send an email instead.
notifpage-prefs-add-phone = Add a mobile phone number
notifpage-prefs-save = Save my choices
notifpage-notice-preferences-saved = Your choices are saved.
notifpage-channel-email = Email
notifpage-channel-sms = Text message
notifpage-category-case-updates = Your case
notifpage-category-case-updates-hint = When we receive your information, and when the status of a case changes.
notifpage-category-deadlines = Requests for documents
notifpage-category-deadlines-hint = When we ask you for documents by a date.
notifpage-category-decisions = Decisions
notifpage-category-decisions-hint = When a case or an appeal is decided.
notifpage-category-offers = Appointment offers
notifpage-category-offers-hint = When you get an appointment offer, and before the offer ends.
notifpage-category-appointments = Appointments
notifpage-category-appointments-hint = Confirmations, reminders, cancellations and changes to the appointment rules.
notifpage-category-messages = Messages from officers
notifpage-category-messages-hint = When an officer answers you.
notifpage-category-security = Sign-ins
notifpage-category-security-hint = When someone signs in to your account.
notifpage-category-policy-notices = Notices
notifpage-category-policy-notices-hint = News about the rules and the ports, for everyone.

## Dashboard

notifpage-dashboard-messages-text = Write to an officer and read the answers.
notifpage-dashboard-notifications-text = News about your cases and appointments, newest first.

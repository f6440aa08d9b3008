# Puerta — English (source). Keep one term per concept; see locales/GLOSSARY.md.
# Message ids: area-thing. Variables: { $name }.

## Site frame

site-name = Puerta
site-tagline = Appointments at US land ports of entry
skip-link = Skip to main content
nav-label = Main menu
nav-dashboard = Your dashboard
nav-account = Your account
nav-sign-in = Sign in
nav-register = Create an account
nav-sign-out = Sign out
nav-staff = Staff home
nav-admin-users = Users
nav-admin-audit = Audit log
language-switcher-label = Language
footer-text = Puerta is free. Nobody can sell you an appointment. Never pay anyone for one.
error-summary-title = There is a problem
request-id-label = Error reference for support: { $id }
session-warning = You will be signed out soon because you have not done anything for a while.
session-stay = Stay signed in
back-link = Back

## Home

home-title = Ask for an appointment at a US border crossing
home-intro = Use Puerta to send your information before you travel and to ask for an appointment at one of eight ports of entry on the border with Mexico.
home-start = Create an account
home-have-account = Already have an account?

## Form fields

field-email = Email address
field-email-hint = We will send a code to this address.
field-full-name = Full name
field-full-name-hint = Write your name as it appears on your passport or ID.
field-phone = Mobile phone number (optional)
field-phone-hint = Include the country code, for example +52 55 1234 5678.
field-password = Password
field-new-password = New password
field-current-password = Current password
field-password-hint = Use at least 12 characters that are hard to guess. Three or four unrelated words that you can remember work well.
field-language = Preferred language
field-code = Code
field-code-hint = The 6-digit code we sent you.
field-totp-code = Code from your authenticator app
field-totp-code-hint = 6 digits. If you lost your phone, enter one of your recovery codes.
field-role = Role
field-new-email = New email address

## Validation messages (beside the field)

error-email-invalid = Enter an email address in the correct format, like name@example.com.
error-email-undeliverable = We cannot send email to an address written like this. Use an address with no spaces, quotation marks or brackets, like name@example.com.
error-password-too-short = Your password must have at least 12 characters.
error-password-too-long = Your password must have 128 characters or fewer.
error-password-common = Many people use this password, so it is easy to guess. Choose a different one.
error-password-weak = This password is easy to guess. Choose a longer password that is hard to guess: three or four unrelated words work well. Avoid your name, your email address, the word "Puerta", repeated letters, keyboard rows and number sequences (like 1234).
error-full-name-required = Enter your full name.
error-full-name-too-long = Your full name must have 200 characters or fewer.
error-full-name-control = Your name cannot have line breaks, tabs or other special characters. Write it on one line.
error-full-name-bidi = Your name has hidden characters that change the direction of the text. Type your name again instead of copying it.
error-full-name-separator = Your name cannot have line or paragraph breaks. Write it on one line.
error-phone-invalid = Enter a mobile number with the country code, like +52 55 1234 5678.
error-language-invalid = Choose one of the languages in the list.
error-code-format = Enter the 6-digit code.
error-code-wrong = This code is not correct or has expired. Check the code, or ask for a new one.
error-current-password-wrong = Your current password is not correct.
error-role-invalid = Choose one of the roles in the list.
error-field-required = This field is required.
error-field-invalid = What you entered here is not correct, or is not written the right way. Check it and try again.

## Problems (API details and page errors)

problem-not_found = There is nothing at this address.
problem-method_not_allowed = This address does not accept this method.
problem-payload_too_large = What you sent is too large.
problem-unsupported_media_type = Send the request body as JSON, with Content-Type: application/json.
problem-malformed_json = The request body is not valid JSON.
problem-unreadable_body = The request body could not be read.
problem-validation_failed = Some information is missing or not valid. Below, each field with a problem is marked.
problem-too_many_requests = Too many attempts. Wait { $seconds } seconds and try again.
problem-internal_error = We had a problem in our system. Please try again later.
problem-timed_out = The server could not answer in time. Please try again in a moment.
problem-database_unavailable = The service is not available right now. Please try again in a moment.
problem-overloaded = The service is busy right now. Please try again in a moment.
problem-bad_request = The request could not be understood.
problem-invalid_credentials = The email address or password is not correct.
problem-email_not_verified = You have not confirmed your email address yet. We can send you a new code.
problem-totp_required = Enter the code from your authenticator app.
problem-totp_invalid = The authenticator code is not correct.
problem-unauthenticated = You need to sign in to do this.
problem-forbidden = You do not have permission to do this.
problem-mfa_required = Staff must turn on two-step verification before using staff functions.
problem-csrf_failed = This form has expired or did not come from Puerta. Go back, reload the page and try again.
problem-code_invalid = This code is not correct or has expired. Ask for a new code.
problem-account_disabled = This account is disabled. Contact support.
problem-totp_already_enabled = Two-step verification is already on.
problem-totp_not_started = Start setting up two-step verification first.
problem-conflict = Something on this page changed after you opened it, so we did not save your change. Reload the page, check it, and try again.
problem-last_admin = You cannot remove the last administrator.
problem-password_reset_required = For your safety, choose a new password before you sign in. Use "Forgot your password?" to get a code.
problem-email_taken = Another account already uses this email address.

## Register and verify

register-title = Create an account
register-intro = You need an account to send your information and ask for an appointment. It is free.
register-submit = Create account
verify-title = Check your email
verify-intro = If the address is correct, we sent a 6-digit code to it. The code works for 10 minutes.
verify-submit = Confirm email address
verify-resend = Send a new code
verify-resent = If there is an account with this address that is not yet confirmed, we sent a new code.
verify-done = Your email address is confirmed. You can sign in now.

## Sign in and out

sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-forgot = Forgot your password?
sign-in-no-account = No account yet?
sign-in-not-verified = You have not confirmed your email address yet.
sign-in-totp-title = Two-step verification
sign-in-totp-submit = Continue
signed-out = You are signed out.
session-expired = You were signed out because you did nothing for 15 minutes, or because 12 hours passed since you signed in. Sign in again to continue.

## Password reset

forgot-title = Reset your password
forgot-intro = Enter the email address of your account. If there is an account with this address, we will send a code to reset your password. The code works for 30 minutes.
forgot-submit = Send code
reset-title = Choose a new password
reset-intro = Enter the code from the email and a new password. All other sessions will be signed out.
reset-submit = Save new password
reset-done = Your password is changed. Sign in with your new password.

## Account

account-title = Your account
account-email = Email address
account-name = Full name
account-phone = Mobile phone
account-phone-none = Not given
account-language = Language
account-role = Role
account-mfa = Two-step verification
account-mfa-on = On
account-mfa-off = Off
account-change = Change
account-change-password-title = Change your password
account-change-password-submit = Change password
account-password-changed = Your password is changed.
account-change-email-title = Change your email address
account-change-email-intro = We will send a code to the new address. The change happens when you enter the code.
account-change-email-submit = Send code to the new address
account-email-code-title = Confirm your new email address
account-email-changed = Your email address is changed.
account-change-language-submit = Save language
account-language-changed = Your language is saved.
account-change-phone-title = Change your mobile phone number
account-change-phone-submit = Save phone number
account-phone-changed = Your phone number is saved.
account-data-title = Your data
account-data-intro = You can download everything Puerta holds about you as a file.
account-data-download = Download my data
account-delete-title = Delete your account
account-delete-intro = This signs you out everywhere and deletes your personal data. We must keep some records for legal reasons, without your name or contact details. This cannot be undone.
account-delete-submit = Delete my account
account-deleted = Your account is deleted.
account-wasnt-me-title = Protect your account
account-wasnt-me-done-title = Your account is secured
account-wasnt-me-done = We signed out every session of your account. To sign in again, choose a new password: on the sign-in page, press "Forgot your password?" and we will email you a code.
account-wasnt-me-intro = If someone else signed in to your account, press the button. We will sign out every session, and you will then choose a new password.
account-wasnt-me-submit = Sign out everywhere

## Two-step verification (TOTP)

totp-title = Set up two-step verification
totp-intro = Two-step verification asks for a code from an app on your phone each time you sign in, so nobody can sign in with only your password.
totp-step-scan = Scan this QR code with an authenticator app.
totp-step-key = If you cannot scan it, type this key into the app:
totp-step-confirm = Enter the 6-digit code that the app shows.
totp-submit = Turn on two-step verification
totp-enabled = Two-step verification is on.
totp-recovery-title = Save your recovery codes
totp-recovery-intro = If you lose your phone, each of these codes lets you sign in once. Write them down and keep them somewhere safe. We will not show them again.
totp-recovery-continue = I have saved my codes

## Roles

role-traveler = Traveler
role-officer = Officer
role-supervisor = Supervisor
role-admin = Administrator
role-partner = Partner

## Dashboard and staff

dashboard-title = Welcome, { $name }
dashboard-intro = This is your dashboard.
staff-title = Staff home
staff-intro = Staff functions are here.
staff-mfa-needed = Turn on two-step verification to use staff functions.

## Admin

admin-users-title = Users
admin-users-email = Email
admin-users-role = Role
admin-users-status = Status
admin-users-created = Created
admin-users-active = Active
admin-users-disabled = Disabled
admin-users-set-role = Change role
admin-users-disable = Disable
admin-users-enable = Enable
admin-users-reset-mfa = Reset two-step verification
admin-users-updated = The user is updated.
admin-audit-title = Audit log
admin-audit-time = Time
admin-audit-action = Action
admin-audit-actor = Done by
admin-audit-target = Account
admin-audit-ip = IP address
admin-audit-filter = Filter
admin-audit-empty = No entries match.

## Emails

email-greeting = Hello { $name },
email-greeting-unnamed = Hello,
email-signature = Puerta
email-ignore = If you did not ask for this, you can ignore this message.
email-verify-subject = Your Puerta code: { $code }
email-verify-body = Your code to confirm your email address is { $code }. It works for 10 minutes. Do not share it with anyone.
email-already-registered-subject = Someone tried to create a Puerta account with your email
email-already-registered-body = Someone tried to create a new account with this email address, but you already have one. If it was you, sign in, or reset your password if you forgot it. If it was not you, you do not need to do anything.
email-sign-in-subject = New sign-in to your Puerta account
email-sign-in-body = Someone signed in to your account on { $time }. If this was you, you do not need to do anything.
email-sign-in-wasnt-me = If this was not you, open this link. We will sign out every session and you will choose a new password: { $link }
email-reset-subject = Your Puerta password reset code: { $code }
email-reset-body = Your code to reset your password is { $code }. It works for 30 minutes. You can also open this link: { $link }
email-change-subject = Confirm your new email address for Puerta: { $code }
email-change-body = Your code to confirm this new email address is { $code }. It works for 10 minutes.
email-password-changed-subject = Your Puerta password was changed
email-password-changed-body = The password of your Puerta account was changed. If you did not do this, reset your password now.
email-email-changed-subject = Your Puerta email address was changed
email-email-changed-body = The email address of your Puerta account was changed to another address. If you did not do this, contact support now.
sms-sign-in = Puerta: someone signed in to your account on { $time }. Not you? Check your email.

## Time zones (named beside every time at a port)

zone-america-phoenix = Arizona Time (Nogales)
zone-america-chicago = Central Time (Texas)
zone-america-denver = Mountain Time (El Paso)
zone-america-los-angeles = Pacific Time (San Diego)
zone-america-new-york = Eastern Time (New York)

## Entry requirements

er-title = Entry requirements
er-intro = What to bring, how to ask for an appointment, and what happens at each port of entry. You can read these pages without an account, and again without internet after you open them once.
er-general-heading = Before you travel
er-ports-heading = Ports of entry
er-fallback = This page is not translated into your language yet. It is shown in English.
er-in-english = in English
er-updated = Last updated: { $date }
er-port-time = Time at this port now: { $time }
er-back = All entry requirements
er-edit = Edit this page

## Dashboard

dashboard-er-text = Read what to bring and how appointments work.
dashboard-er-count = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
dashboard-cases-title = My cases
dashboard-cases-empty = You have not sent your information yet. When you send it, you get a reference number, and your case is shown here.
dashboard-appointments-title = Appointments
dashboard-appointments-empty = You have no appointment.
dashboard-messages-title = Messages
dashboard-messages-empty = You have no messages.
dashboard-notifications-title = Notifications
dashboard-notifications-empty = You have no notifications.
dashboard-unread = { $count ->
    [one] { $count } unread
   *[other] { $count } unread
}

## Offline

offline-title = You are offline
offline-text = This page needs an internet connection. The entry requirements you opened before are still here.
offline-link = Read the entry requirements

## Content editing (administrators)

nav-admin-content = Entry requirements
admin-content-title = Edit entry requirements
admin-content-language = Language of this version
field-title = Title
field-summary = Summary
field-summary-hint = One sentence, shown in the list.
field-body = Text
field-body-hint = Markdown: ## for a heading, - for a list item, a blank line between paragraphs.
admin-content-preview = Preview
admin-content-save = Save as a new version
admin-content-saved = The new version is saved and published.
admin-content-preview-title = Preview
admin-content-history = Versions
admin-content-version = Version { $version }, { $date }
error-content-slug = This page does not exist.
error-content-title = Enter a title of 200 characters or fewer.
error-content-summary = Write a summary of 300 characters or fewer.
error-content-body = Enter the text, up to 50,000 characters.

## Staff home

staff-capacity-title = Daily capacity at each port
staff-port = Port of entry
staff-zone = Time zone
staff-daily-capacity = Appointments a day
staff-total = All ports

## Partner home and message delivery

nav-partner = Partner home
nav-admin-deliveries = Message delivery
partner-title = Partner home
partner-intro = Here you can see the ports of entry and how many appointments each one offers per day, so you can help the people you serve plan their trip.
partner-entry-requirements = Read the entry requirements to share with the people you help
admin-deliveries-title = Message delivery
admin-deliveries-intro = Every email and text message Puerta sends, and whether it arrived. Addresses, phone numbers and message contents are never shown here.
admin-deliveries-status = Status
admin-deliveries-any = Any status
admin-deliveries-empty = No messages match.
admin-deliveries-created = Queued at
admin-deliveries-kind = Message
admin-deliveries-attempts = Attempts
admin-deliveries-next = Next attempt
delivery-status-created = Waiting to be sent
delivery-status-sending = Being sent
delivery-status-delivered = Delivered
delivery-status-temporary_failure = Not delivered yet (will try again)
delivery-status-permanent_failure = Could not be delivered (address or number refused)
delivery-status-technical_failure = Not sent (a problem on our side)
delivery-channel-email = email
delivery-channel-sms = text message
list-next-page = Next page
error-id-invalid = This identifier is not valid. Copy it again from the list.
error-cursor-invalid = This page link is not valid. Go back to the first page and try again.
error-audit-action-unknown = There is no such action. Use a name from the list, for example sign_in_failed.
error-delivery-status-unknown = There is no such status. Choose one from the list.

## Account guards and busy networks (issue 8)
problem-sign_in_locked = Too many wrong passwords have been tried for this account. Try again in { $minutes } minutes, or reset your password now: we will email you a code.
problem-proof_required = Many requests are coming from your network right now. Solve the check in the "challenge" field and send the request again with the answer.
error-proof-required = Many people are using this connection right now. Your browser is doing a quick check first. When it says it is done, send the form again.
proof-working = Checking your connection. This takes a few seconds.
proof-done = Done. You can send the form now.
proof-no-script = This check needs JavaScript. Turn JavaScript on, or try again in a few minutes.
email-mfa-enabled-subject = Two-step verification is on for your Puerta account
email-mfa-enabled-body = Two-step verification was turned on for your Puerta account, and every other device was signed out. If you did not do this, reset your password now.
totp-password = Your password
totp-password-hint = To protect your account, enter your password again.

## The reader's time zone (issue 9)
account-time-zone = Time zone
field-time-zone-hint = We show every time in this zone, with its name.
account-change-time-zone-title = Choose your time zone
account-change-time-zone-submit = Save time zone
account-time-zone-changed = Your time zone is saved.
error-time-zone-invalid = Choose a time zone from the list.
zone-america-mexico-city = Mexico City Time (Guadalajara, Monterrey)
zone-america-tijuana = Pacific Time (Tijuana, Mexicali)
zone-america-hermosillo = Arizona and Sonora Time (Hermosillo, Nogales)
zone-america-ciudad-juarez = Mountain Time (Ciudad Juárez, same as El Paso)
zone-america-matamoros = Texas Time (Matamoros, Reynosa, Nuevo Laredo)
zone-america-cancun = Cancún Time (Quintana Roo)
# The language page (the header links to it from every page).
language-title = Choose your language
language-back = Go back without changing the language

## Cases and documents (issue 10)
error-reference-format = Enter the reference number as 3 letters and 10 digits, like PUE 4829 3017 58.
error-reference-check-digit = This reference number has a typing mistake. Check each digit against your receipt and try again.
error-case-status-unknown = There is no such case status. Choose one from the list.
case-status-received = We have received your information.
case-status-in_review = An officer is reviewing your case.
case-status-evidence_requested = We need more documents from you.
case-status-evidence_received = We received the documents you sent.
case-status-approved = Your case is approved.
case-status-denied = Your case is denied.
case-status-appeal_received = We received your appeal.
case-status-appeal_upheld = Your appeal has been decided: the denial stands.
case-status-appeal_granted = Your appeal has been decided: the denial is reversed.
case-status-withdrawn = You withdrew this case.
case-next-received = You do not need to do anything now. An officer will review your case. We will tell you if we need anything.
case-next-in_review = You do not need to do anything now. We will tell you if we need more documents.
case-next-evidence_requested = Send the documents listed in the request before the due date. Your case waits until you send them.
case-next-evidence_received = You do not need to do anything now. An officer will look at your documents.
case-next-approved = Read the next steps in your decision notice.
case-next-denied = Read the reasons in your decision notice. You can appeal within 30 days of the decision.
case-next-appeal_received = You do not need to do anything now. A supervisor who did not make the first decision will decide your appeal.
case-next-appeal_upheld = Your case is closed. Read the reasons in the appeal decision.
case-next-appeal_granted = Read the next steps in the appeal decision.
case-next-withdrawn = Your case is closed. You do not need to do anything.
problem-illegal_transition = This case cannot change to that status from the status it has now. Reload the case to see where it stands.
problem-evidence_not_due = The traveler still has time to answer the request for evidence. You can decide after the due date, or when they answer.
problem-appeal_late = The time to appeal has ended. An appeal must arrive within 30 days of the decision.
problem-appeal_already_made = This case has already been appealed. A case can be appealed only once.
problem-appeal_same_decider = You made the decision on this case, so you cannot decide its appeal. Another supervisor must decide it.
problem-group_full = A group can have at most 10 travelers: you and 9 companions.
problem-already_open = This traveler already has an open case. Follow that case instead of sending the information again.
error-group-empty = Choose at least one traveler.
error-group-duplicate = Each traveler can be in the application only once.
error-traveler-unknown = This traveler is not in your account. Add them first.
error-text-too-long = Write 100 characters or fewer.
error-text-control = Write this on one line, without tabs or other special characters.
error-text-bidi = This has hidden characters that change the direction of the text. Type it again instead of copying it.
error-text-separator = Write this on one line, without line or paragraph breaks.
error-country-invalid = Choose a country from the list.
error-date-of-birth-format = Enter the date of birth as year, month and day, like 1990-07-04.
error-date-of-birth-future = The date of birth must be today or in the past.
error-date-of-birth-too-old = Check the year: the date of birth must be in 1900 or later, and no more than 120 years ago.
error-gender-invalid = Choose one of the options, or leave it blank.
gender-female = Female
gender-male = Male
gender-non_binary = Non-binary
gender-unspecified = Prefer not to say
error-document-type-invalid = Choose the type of document from the list.
error-document-number-required = Enter the document number.
error-document-number-invalid = Enter the document number using only letters A to Z, numbers and dashes, 30 characters or fewer.
error-document-expiry-format = Enter the expiry date as year, month and day, like 2030-01-31.
error-document-expiry-too-late = Check the expiry date: it is too far in the future.
notice-document-expired = This document has expired. You can still use it; an officer will take it into account.
error-us-state-invalid = Choose a US state or territory from the list.
error-us-postal-code-invalid = Enter a ZIP code of 5 digits, like 78520, or ZIP+4, like 78520-1234.
error-document-empty = The file is empty. Choose the file again.
error-document-too-big = The file is larger than { $limit }. Upload a smaller file, or scan it at a lower resolution.
error-document-type = The file must be a PDF, JPEG, PNG or TIFF.
error-document-name-mismatch = The file's name does not match what the file is. Rename it with the right ending (.pdf, .jpg, .png or .tif) and upload it again.
error-document-corrupt = The file is damaged or incomplete. Save or scan it again and upload the new file.
error-document-polyglot = The file contains other content besides the document, for example hidden data after its end. Save it again as a PDF, JPEG, PNG or TIFF and upload the new file.
error-document-active-content = The PDF contains scripts, actions or attached files. Print it to a new PDF and upload that.
error-document-encrypted = The PDF is protected by a password. Remove the password and upload it again.
error-document-pixels = The image is too large in pixels. Scan or save it at a lower resolution.
error-document-pages = The TIFF has more than one page. Upload each page separately, or upload a PDF.
error-document-name = The file's name cannot be used. Rename it using letters, numbers, spaces, dots and dashes.
error-document-kind = Choose what the document is: passport, national identity card, birth certificate, evidence, appeal or other.
error-document-quota = This case already holds as many documents as it can ({ $limit } in all). Contact us if you need to send more.

## Receipt email (issue 10)
email-application-received-subject = We received your information
email-application-received-body = We received the information you sent for your group. Each traveler has their own case and reference number:

    { $references }

    Keep these numbers. You can follow each case in your Puerta account.

## Case processing: claims, requests for evidence, decisions, appeals (issue 10)
problem-already_claimed = Another officer has already taken this case. Reload the queue and choose another case.
error-long-text-too-long = Write 4,000 characters or fewer.
error-evidence-items = List at least 1 document to ask for, and 20 at most.
error-evidence-due-date = Choose a due date from tomorrow up to 12 weeks from today, like 2027-01-15. Leave it empty for 30 days.
error-outcome-invalid = Choose one of the outcomes in the list.
error-reason-codes-required = A denial needs at least 1 reason. Choose the reasons from the list.
error-reason-code-unknown = One of the reasons is not in the list. Choose the reasons from the list.
reason-incomplete_information = Some information we need is missing from your application.
reason-inconsistent_information = Some of the information you gave does not agree with other information or documents.
reason-identity_not_established = We could not confirm who you are.
reason-insufficient_evidence = The documents you sent do not show what your application says.
reason-no_evidence_response = We did not receive the documents we asked for by the due date.
email-case-updated-subject = News about your case { $reference }
email-case-updated-body = There is news about your case { $reference }. You can see it when you sign in to your Puerta account.
email-evidence-requested-subject = We need more documents for your case { $reference }
email-evidence-requested-body = To continue with your case { $reference }, an officer needs these documents:

    { $items }

    Send them in your Puerta account by { $date }. Your case waits until you send them. If you do not send them in time, the officer may decide with the information they have.
email-case-approved-subject = Your case { $reference } is approved
email-case-approved-body = Your case { $reference } is approved. Sign in to your Puerta account to read the decision and your next steps.
email-case-denied-subject = Decision on your case { $reference }
email-case-denied-body = Your case { $reference } is denied, for these reasons:

    { $reasons }

    You can read the whole decision in your Puerta account.
email-case-denied-appeal = You can appeal this decision. To appeal, sign in to your Puerta account, open the case and explain why the decision should change. Your appeal must arrive by { $date }. A supervisor who did not make this decision will decide your appeal.
email-appeal-decided-subject = Decision on your appeal for case { $reference }
email-appeal-granted-body = Your appeal for case { $reference } is accepted: the denial is cancelled. Sign in to your Puerta account to read the decision and your next steps.
email-appeal-upheld-body = Your appeal for case { $reference } is decided: the denial stays. Sign in to your Puerta account to read the reasons.

# Officer work on cases (queue, notes, assignment, reasons)
error-port-unknown = Choose a port from the list.
error-queue-age = Enter a number of days from 1 to 3650.
error-assignee-not-officer = Choose an active officer or supervisor.
error-reason-code-format = Use 2 to 64 small letters, digits or underscores, starting with a letter, for example document_expired.
error-reason-title-too-long = Use at most 300 characters.
problem-reason_code_taken = A reason with this code already exists. Choose another code.
email-evidence-arrived-subject = Evidence received for case { $reference }
email-evidence-arrived-body = The traveler sent the documents asked for in case { $reference }. The case is back in your queue.
decision-approved-next-steps = Next, you can ask for an appointment at a port of entry. Keep your reference number. On the day, bring your identity document and the documents you sent us.

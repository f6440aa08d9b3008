# Back office: the officers' work queue, one case for staff, and the admins' list of reasons.

bo-staff-home-queue = Work queue: cases to process
bo-nav-reason-codes = Reasons for denial
bo-back-to-staff = Back to the staff home
bo-back-to-queue = Back to the work queue

## The work queue

bo-queue-title = Work queue
bo-queue-intro = Cases are listed oldest first. The days open do not count the days spent waiting for the traveler's documents.
bo-queue-empty = No case matches these filters.
bo-filter-status = Status
bo-filter-any-status = Any status
bo-filter-port = Port of entry
bo-filter-any-port = Any port
bo-filter-age = Open at least this many days
bo-filter-age-hint = A number of days, for example 30. Leave it empty for all cases.
bo-filter-only = Show only
bo-filter-mine = Cases I hold
bo-filter-unassigned = Cases nobody holds
bo-filter-overdue = Cases whose documents are overdue
bo-filter-submit = Show cases
bo-col-case = Traveler and reference number
bo-col-status = Status
bo-col-port = Port of entry
bo-col-days-open = Days open
bo-col-days-waiting = Days waiting for documents
bo-col-holder = Held by
bo-col-evidence = Documents asked for
bo-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
bo-queue-evidence-due = Due { $date }
bo-queue-evidence-overdue = Overdue since { $date }
bo-holder-nobody = Nobody
bo-holder-you = You
bo-holder-other = Another officer

## One case

bo-case-title = Case of { $name }
bo-holder-title = Who holds this case
bo-holder-is = Held by: { $name }
bo-claim = Claim this case
bo-assign-label = Assign to
bo-assign-submit = Assign the case
bo-profile-title = Traveler's profile
bo-profile-name = Name
bo-profile-born = Date of birth
bo-profile-nationality = Nationality
bo-profile-birthplace = Place of birth
bo-profile-residence = Country of residence
bo-profile-gender = Gender
bo-profile-language = Language
bo-profile-phone = Phone
bo-profile-email = Email address
bo-profile-document = Identity document
bo-profile-document-number = Document number
bo-profile-document-country = Country that issued the document
bo-profile-document-expiry = Document expiry date
bo-not-given = Not given
bo-destination-title = Address in the United States
bo-group-title = Other people in the group
bo-group-alone = This traveler is alone in the group.
bo-documents-title = Documents
bo-documents-empty = No documents yet.
bo-checks-title = Check results
bo-checks-none = No checks have run on this case yet.
bo-checks-ran = Ran { $time }
bo-checks-run = Run the checks again
bo-check-clear = Clear
bo-check-hit = Hit
bo-check-kind-watchlist = Watchlist
bo-check-kind-duplicate_person = Same person in another open case
bo-check-kind-shared_address = Address given by many groups
bo-requests-title = Requests for documents
bo-request-asked = Asked { $time }
bo-request-due = Due date: { $date }
bo-request-answered = The traveler answered { $time }.
bo-request-overdue = The due date has passed without an answer. You may decide on the record.
bo-decision-title = Decision
bo-outcome-approved = Approved
bo-outcome-denied = Denied
bo-appeal-title = Appeal
bo-appeal-submitted = Sent { $time }
bo-appeal-statement = The traveler's statement
bo-appeal-decided-title = Decision on the appeal
bo-appeal-outcome-upheld = Upheld: the denial stands
bo-appeal-outcome-granted = Granted: the denial is reversed
bo-actions-title = What you can do now
bo-actions-none = This case has no step to take now.
bo-start-review = Start the review
bo-mark-received-intro = Use this when the documents came by another way, not through Puerta.
bo-mark-received = Record the documents as received
bo-request-title = Ask for documents
bo-request-items = Documents to ask for
bo-request-items-hint = Write one document a line. The traveler sees these words.
bo-request-due-label = Due date
bo-evidence-due-hint = For example 27 3 2027. Leave it empty for 30 days, that is { $date }. At most 12 weeks.
bo-date-day = Day
bo-date-month = Month
bo-date-year = Year
bo-error-due-date = Enter a due date from tomorrow up to 12 weeks from today, for example 27 3 2027. Leave all three fields empty for 30 days.
bo-request-submit = Send the request
bo-decide-title = Decide
bo-decide-on-record = The traveler has not answered the request for documents. You can decide on the record only after the due date.
bo-decide-outcome = Decision
bo-decide-approve = Approve
bo-decide-deny = Deny
bo-decide-reasons = Reasons for a denial
bo-decide-reasons-hint = Choose at least 1 reason if you deny. The traveler reads each reason in their language.
bo-decide-narrative = Explanation
bo-decide-narrative-hint = The traveler reads this. For an approval, say what happens next.
bo-decide-submit = Record the decision
bo-appeal-decide-title = Decide the appeal
bo-appeal-own-decision = You made the decision on this case, so another supervisor must decide its appeal.
bo-appeal-decide-outcome = Decision on the appeal
bo-appeal-uphold = Uphold: the denial stands
bo-appeal-grant = Grant: reverse the denial
bo-appeal-narrative = Reasons for the decision on the appeal
bo-appeal-decide-submit = Record the decision on the appeal
bo-notes-title = Officer notes
bo-notes-intro = Only officers and supervisors see these notes. The traveler never sees them.
bo-notes-empty = No notes yet.
bo-note-label = Add a note
bo-note-submit = Save the note
bo-history-title = History
bo-history-entry = { $status }, by { $name }
bo-history-nobody = The system

## Notices after a step

bo-notice-claimed = You now hold this case.
bo-notice-assigned = The case is assigned.
bo-notice-note-added = Your note is saved.
bo-notice-moved = The case status is changed.
bo-notice-evidence-requested = The request for documents is sent to the traveler.
bo-notice-decided = The decision is recorded and the traveler is told.
bo-notice-appeal-decided = The decision on the appeal is recorded and the traveler is told.
bo-notice-checks-run = The checks ran again.
bo-notice-reason-added = The reason is added.
bo-notice-reason-retired = The reason is retired. Officers can no longer choose it.

## Reasons for denial (administrators)

bo-reasons-title = Reasons for denial
bo-reasons-intro = Officers choose from these reasons when they deny a case. A retired reason stays on the decisions that cite it.
bo-reason-retired = Retired
bo-reason-retire = Retire { $code }
bo-reason-add-title = Add a reason
bo-reason-add-intro = The traveler reads the reason in their own language, so write it in every language.
bo-reason-code = Code
bo-reason-code-hint = 2 to 64 small letters, digits or underscores, starting with a letter, for example document_expired.
bo-reason-title = Name for staff (English)
bo-reason-title-hint = Officers see this name in the list of reasons.
bo-reason-words = Words for the traveler in { $language }
bo-reason-add-submit = Add the reason

# Staff pages for messages from travelers (the officers' inbox and one conversation) and the
# administrators' form for policy notices.

## Language names, for staff (the language named in the reader's language, then in itself)

staffmsg-language-en = English
staffmsg-language-es = Spanish (Español)
staffmsg-language-ht = Haitian Creole (Kreyòl ayisyen)
staffmsg-language-pt = Portuguese (Português)
staffmsg-language-fr = French (Français)

## Staff home

staffmsg-home-link = { $count ->
    [0] Messages from travelers (none waiting)
    [one] Messages from travelers (1 waiting)
   *[other] Messages from travelers ({ $count } waiting)
}

## The officers' inbox

staffmsg-inbox-title = Messages from travelers
staffmsg-inbox-intro = The conversations with the latest message come first. "Waiting" means the traveler wrote and no officer has read the message yet.
staffmsg-tabs-label = Which conversations to show
staffmsg-tab-unassigned = Not held by anyone
staffmsg-tab-mine = Held by me
staffmsg-tab-all = All conversations
staffmsg-inbox-empty = There are no conversations here.
staffmsg-col-subject = Subject
staffmsg-col-case = Case
staffmsg-col-last = Latest message
staffmsg-col-state = Status
staffmsg-col-holder = Held by
staffmsg-no-case = Not about a case
staffmsg-state-waiting = Waiting
staffmsg-state-answered = Answered
staffmsg-state-read = Read, not answered yet

## One conversation

staffmsg-case-label = Case
staffmsg-language-label = The traveler's language
staffmsg-holder-title = Who holds this conversation
staffmsg-holder-is = Held by: { $name }
staffmsg-take = Take this conversation
staffmsg-release = Let it go
staffmsg-assign-label = Give this conversation to
staffmsg-assign-submit = Give the conversation
staffmsg-conversation-title = Messages
staffmsg-from-traveler = The traveler
staffmsg-from-officer = An officer
staffmsg-attachment = Document
staffmsg-reply-title = Answer
staffmsg-templates-title = Ready answers
staffmsg-templates-intro = These answers are written in { $language }, the traveler's language. Choose one to put it in the answer box. Then change it as needed before you send it.
staffmsg-reply-label = Your answer
staffmsg-reply-hint = The traveler sees exactly what you write. Links do not work in messages. Write at most 5,000 characters.
staffmsg-reply-submit = Send the answer
staffmsg-back-to-inbox = Back to the messages

## Notices after a step

staffmsg-notice-taken = You now hold this conversation.
staffmsg-notice-released = You let this conversation go. Any officer can take it now.
staffmsg-notice-assigned = The conversation was given to the officer you chose.
staffmsg-notice-sent = Your answer was sent. The traveler is told that there is a new message.

## Policy notices (administrators)

adminnotice-nav = Policy notices
adminnotice-title = Publish a policy notice
adminnotice-intro = A policy notice appears in the notifications of everyone it is for, also people who create an account later. People who chose to get policy notices by email or text message also get it that way.
adminnotice-words-title = What the notice says
adminnotice-words-hint = Write the title and the text in English, Spanish and Haitian Creole. Portuguese and French are optional: people who read those languages see the English text if you leave them empty.
adminnotice-legend-required = { $language } (required)
adminnotice-legend-optional = { $language } (optional)
adminnotice-title-label = Title
adminnotice-body-label = Text
adminnotice-who-title = Who it is for
adminnotice-audience-legend = Who should see this notice?
adminnotice-audience-all = Everyone
adminnotice-audience-port = Travelers who asked for an appointment, or have one, at one port of entry
adminnotice-audience-staff = Staff only
adminnotice-port-label = Port of entry
adminnotice-port-hint = Only if the notice is for travelers at one port of entry.
adminnotice-port-choose = Choose a port of entry
adminnotice-when-title = When it appears
adminnotice-publish-label = Date and time (optional)
adminnotice-publish-hint = Leave it empty to publish the notice now. The time is in your time zone: { $zone }.
adminnotice-submit = Publish the notice
adminnotice-error-title-missing = Enter the title in { $language }.
adminnotice-error-body-missing = Enter the text in { $language }.
adminnotice-error-publish-format = Enter the date and time, for example 2026-03-27 09:30.
adminnotice-error-publish-skipped = This time does not exist in your time zone, because the clocks change then. Choose another time.
adminnotice-notice-published = The notice is published.
adminnotice-notice-scheduled = The notice is saved. It appears at the time you chose.

adminnotice-list-title = Notices already written
adminnotice-list-empty = No notice has been written yet.
adminnotice-list-state = State
adminnotice-state-published = Published
adminnotice-state-scheduled = Scheduled

# Appointments (issue 11): the service-area check at request and at confirmation.
# geofence-outside-* name the area served under each policy (data/policies/*.json) in places
# people know, never as a latitude: everything from the US border down to Mexico City, Puebla
# and Veracruz, and the Yucatán Peninsula north of Chetumal.
geofence-refused-position = We could not read your location. Check that your phone's location is turned on, then try again.
geofence-refused-accuracy = Your phone gave only an approximate location. Turn on your phone's location, allow this site to use your precise location, go outside or near a window, and try again.
geofence-retry = Check my location again
geofence-outside-north-of-19 = Your location is outside the area we serve. You can ask for an appointment, and confirm it, only while you are in the north or the centre of Mexico: for example in a border city, Monterrey, Guadalajara, Mexico City, Puebla, Veracruz, Mérida or Cancún. Further south you cannot: for example in Cuernavaca, Acapulco, Oaxaca, Villahermosa, Tapachula or Chetumal.
geofence-outside-north-of-19-chiapas-tabasco = Your location is outside the area we serve. You can ask for an appointment, and confirm it, only while you are in the north or the centre of Mexico (for example in a border city, Monterrey, Guadalajara, Mexico City, Puebla, Veracruz, Mérida or Cancún) or in the states of Chiapas and Tabasco. Elsewhere in the south you cannot: for example in Cuernavaca, Acapulco, Oaxaca or Chetumal.
geofence-outside-mexico = Your location is outside the area we serve. You can ask for an appointment, and confirm it, only while you are in Mexico (anywhere in the country).

# Refusals of the appointment API and pages.
problem-request_window_closed = Requests for appointments are not being taken right now. You can ask again from { $time }.
problem-outside_service_area = Your location is outside the area we serve.
problem-location_imprecise = Your phone gave only an approximate location. Turn on precise location and try again.
problem-already_requested = You have already asked for this draw for this traveler. Wait for the result, which comes tomorrow.
problem-already_scheduled = This traveler already has an appointment offer or an appointment. Use it, or cancel it first.
problem-draw_closed = This draw's request time is over, so the request can no longer be taken back.
problem-draw_frozen = This draw's list of requests is already fixed, so its places can no longer change.
problem-draw_not_frozen = The public random value can only be recorded once, after the request time closes and before the draw.
problem-draw_already_run = This draw has already taken place.
problem-public_randomness_missing = This draw waits for its public random value. Record it first.
problem-offer_expired = The time to confirm this appointment is over. You can ask for an appointment again.
problem-not_offered = This appointment can no longer be confirmed.
problem-not_cancellable = This appointment can no longer be cancelled.
problem-photo_required = Every traveler needs a photo taken today. Take the missing photos, then confirm.
problem-already_checked_in = This group's arrival has already been recorded.
appointment-error-date = Enter a date like 2026-12-24.
appointment-error-no-travelers = Choose at least one traveler.
appointment-error-traveler-twice = Each traveler can be chosen only once.
appointment-error-no-case = Send this traveler's information first. Then you can ask for an appointment.
appointment-error-photo-required = Take a photo of this traveler now.
appointment-error-photo-missing = Choose or take a photo.
appointment-error-photo-type = The photo must be a JPEG or PNG picture from your camera.
appointment-error-birth-mismatch = Nobody in this group has that date of birth. Check the date and the confirmation number.
appointment-error-randomness-source = Say where the value was published, in at most 200 characters.
appointment-error-randomness-value = Enter the value in hexadecimal, at least 32 digits.
appointment-error-time = Enter a time like 12:00.
appointment-error-zone = Enter a time zone like America/New_York.
appointment-error-share = Enter a number from 0 to 1000 (thousandths: 500 is half).
appointment-error-lead-days = Enter a number of days from 0 to 60.
appointment-error-policy = Choose one of the service areas in the list.
appointment-error-window = The request time must open before it closes.
appointment-error-places = Enter a number of places from 0 to 10000.

# Emails and text messages about appointments.
email-appointment-offered-subject = You have an appointment offer: confirm it in time
email-appointment-offered-body = Your group was chosen for an appointment at { $port } on { $time }. Sign in to Puerta and confirm it before { $deadline }. To confirm, you need to be in the area we serve and take a photo of each traveler. If you do not confirm in time, the place goes to another group. Appointments are free: nobody may ask you for money.
sms-appointment-offered = Puerta: your group was chosen for an appointment at { $port }. Sign in and confirm before { $deadline }. Appointments are free.
email-appointment-confirmed-subject = Your appointment is confirmed
email-appointment-confirmed-body = Your appointment at { $port } is on { $time }. Your confirmation number is { $number }. Show it at the port with each traveler's identity documents. Arrive on time.
email-appointment-released-subject = Your appointment offer has ended
email-appointment-expired-body = The time to confirm your appointment at { $port } ended, so the place went to another group. You can ask for an appointment again in the next request time.
email-appointment-cancelled-body = You cancelled your appointment at { $port }, so the place went to another group. You can ask for an appointment again in the next request time.
email-scheduling-changed-subject = The appointment rules have changed
email-scheduling-changed-body = The rules for appointments changed after you asked for one (the hours, the places or the area served). Sign in to Puerta to see what this means for your request.

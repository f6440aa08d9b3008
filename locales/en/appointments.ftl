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

# Randevou (issue 11): verifikasyon zòn nou sèvi a, lè yon moun mande epi lè li konfime yon randevou.
geofence-refused-position = Nou pa t ka li kote ou ye. Gade si lokalizasyon telefòn ou aktive, epi eseye ankò.
geofence-refused-accuracy = Telefòn ou an bay yon kote ki pa egzak. Aktive lokalizasyon telefòn ou, kite sit sa a wè kote egzak ou ye, soti deyò oswa pwoche bò yon fenèt, epi eseye ankò.
geofence-retry = Tcheke kote mwen ye ankò
geofence-outside-north-of-19 = Kote ou ye a pa nan zòn nou sèvi a. Ou ka mande yon randevou, epi konfime l, sèlman si ou nan nò oswa nan mitan Meksik: pa egzanp nan yon vil sou fwontyè a, Monterrey, Guadalajara, vil Meksiko, Puebla, Veracruz, Mérida oswa Cancún. Pi lwen nan sid, ou pa kapab: pa egzanp nan Cuernavaca, Acapulco, Oaxaca, Villahermosa, Tapachula oswa Chetumal.
geofence-outside-north-of-19-chiapas-tabasco = Kote ou ye a pa nan zòn nou sèvi a. Ou ka mande yon randevou, epi konfime l, sèlman si ou nan nò oswa nan mitan Meksik (pa egzanp nan yon vil sou fwontyè a, Monterrey, Guadalajara, vil Meksiko, Puebla, Veracruz, Mérida oswa Cancún), oswa nan eta Chiapas ak Tabasco. Nan rès sid la, ou pa kapab: pa egzanp nan Cuernavaca, Acapulco, Oaxaca oswa Chetumal.
geofence-outside-mexico = Kote ou ye a pa nan zòn nou sèvi a. Ou ka mande yon randevou, epi konfime l, sèlman si ou nan Meksik (nenpòt kote nan peyi a).

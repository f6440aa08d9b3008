# Randevou (issue 11): verifikasyon zòn nou sèvi a, lè yon moun mande epi lè li konfime yon randevou.
geofence-refused-position = Nou pa t ka li kote ou ye. Gade si lokalizasyon telefòn ou aktive, epi eseye ankò.
geofence-refused-accuracy = Telefòn ou an bay yon kote ki pa egzak. Aktive lokalizasyon telefòn ou, kite sit sa a wè kote egzak ou ye, soti deyò oswa pwoche bò yon fenèt, epi eseye ankò.
geofence-retry = Tcheke kote mwen ye ankò
geofence-outside-north-of-19 = Kote ou ye a pa nan zòn nou sèvi a. Ou ka mande yon randevou, epi konfime l, sèlman si ou nan nò oswa nan mitan Meksik: pa egzanp nan yon vil sou fwontyè a, Monterrey, Guadalajara, vil Meksiko, Puebla, Veracruz, Mérida oswa Cancún. Pi lwen nan sid, ou pa kapab: pa egzanp nan Cuernavaca, Acapulco, Oaxaca, Villahermosa, Tapachula oswa Chetumal.
geofence-outside-north-of-19-chiapas-tabasco = Kote ou ye a pa nan zòn nou sèvi a. Ou ka mande yon randevou, epi konfime l, sèlman si ou nan nò oswa nan mitan Meksik (pa egzanp nan yon vil sou fwontyè a, Monterrey, Guadalajara, vil Meksiko, Puebla, Veracruz, Mérida oswa Cancún), oswa nan eta Chiapas ak Tabasco. Nan rès sid la, ou pa kapab: pa egzanp nan Cuernavaca, Acapulco, Oaxaca oswa Chetumal.
geofence-outside-mexico = Kote ou ye a pa nan zòn nou sèvi a. Ou ka mande yon randevou, epi konfime l, sèlman si ou nan Meksik (nenpòt kote nan peyi a).

# Lè API a oswa paj randevou yo refize yon bagay.
problem-request_window_closed = Kounye a se pa lè pou mande randevou. Ou ka mande ankò apati { $time }.
problem-outside_service_area = Kote ou ye a pa nan zòn nou sèvi a.
problem-location_imprecise = Telefòn ou an bay yon kote ki pa egzak. Aktive lokalizasyon egzak la, epi eseye ankò.
problem-already_requested = Ou deja mande yon randevou pou vwayajè sa a nan tiraj sa a. Tann rezilta a: l ap soti demen.
problem-already_scheduled = Vwayajè sa a deja gen yon randevou yo ofri li oswa yon randevou ki konfime. Sèvi avè l, oswa anile l anvan.
problem-draw_closed = Lè pou mande randevou pou tiraj sa a fini, kidonk ou pa ka retire demann nan ankò.
problem-draw_frozen = Lis demann pou tiraj sa a deja fikse, kidonk plas li yo pa ka chanje ankò.
problem-draw_not_frozen = Ou ka anrejistre valè piblik o aza a yon sèl fwa sèlman, apre lè pou mande randevou a fini epi anvan tiraj la fèt.
problem-draw_already_run = Tiraj sa a deja fèt.
problem-public_randomness_missing = Tiraj sa a ap tann valè piblik o aza li a. Anrejistre valè a anvan.
problem-offer_expired = Tan pou konfime randevou sa a fini. Ou ka mande yon randevou ankò.
problem-not_offered = Ou pa ka konfime randevou sa a ankò.
problem-not_cancellable = Ou pa ka anile randevou sa a ankò.
problem-photo_required = Chak vwayajè bezwen yon foto yo pran jodi a. Pran foto ki manke yo, epi konfime.
problem-already_checked_in = Yo deja anrejistre arive gwoup sa a.
appointment-error-date = Ekri yon dat tankou 2026-12-24.
appointment-error-no-travelers = Chwazi omwen yon vwayajè.
appointment-error-traveler-twice = Ou ka chwazi chak vwayajè yon sèl fwa.
appointment-error-no-case = Voye enfòmasyon vwayajè sa a anvan. Apre sa, ou ka mande yon randevou.
appointment-error-photo-required = Pran yon foto vwayajè sa a menm kounye a.
appointment-error-photo-missing = Chwazi oswa pran yon foto.
appointment-error-photo-type = Foto a dwe yon imaj JPEG oswa PNG ki soti nan kamera ou.
appointment-error-birth-mismatch = Pèsonn nan gwoup sa a pa gen dat nesans sa a. Tcheke dat la ak nimewo konfimasyon an.
appointment-error-randomness-source = Di ki kote yo pibliye valè a, nan 200 karaktè pou pi plis.
appointment-error-randomness-value = Ekri valè a an egzadesimal, omwen 32 chif.
appointment-error-time = Ekri yon lè tankou 12:00.
appointment-error-zone = Ekri non yon zòn lè tankou America/New_York.
appointment-error-share = Ekri yon nimewo ant 0 ak 1000 (an milyèm: 500 se mwatye).
appointment-error-lead-days = Ekri yon kantite jou ant 0 ak 60.
appointment-error-policy = Chwazi youn nan zòn sèvis ki nan lis la.
appointment-error-window = Lè pou mande randevou a dwe louvri anvan li fèmen.
appointment-error-places = Ekri yon kantite plas ant 0 ak 10000.

# Imèl ak mesaj tèks sou randevou yo.
email-appointment-offered-subject = Yo ofri ou yon randevou: konfime l a tan
email-appointment-offered-body = Yo chwazi gwoup ou a pou yon randevou nan { $port } jou { $time }. Konekte nan kont Puerta ou epi konfime randevou a anvan { $deadline }. Pou konfime, ou dwe nan zòn nou sèvi a, epi ou dwe pran yon foto chak vwayajè. Si ou pa konfime a tan, plas la ap ale bay yon lòt gwoup. Randevou yo gratis: pèsonn pa gen dwa mande ou lajan.
sms-appointment-offered = Puerta: yo chwazi gwoup ou a pou yon randevou nan { $port }. Konekte epi konfime anvan { $deadline }. Randevou yo gratis.
email-appointment-confirmed-subject = Randevou ou a konfime
email-appointment-confirmed-body = Randevou ou a nan { $port } ap fèt jou { $time }. Nimewo konfimasyon ou se { $number }. Montre l nan pò antre a, ansanm ak dokiman idantite chak vwayajè. Rive a lè.
email-appointment-released-subject = Randevou yo te ofri ou a pa valab ankò
email-appointment-expired-body = Tan pou konfime randevou ou nan { $port } fini, kidonk plas la ale bay yon lòt gwoup. Ou ka mande yon randevou ankò pwochen fwa lè pou mande randevou a louvri.
email-appointment-cancelled-body = Ou anile randevou ou nan { $port }, kidonk plas la ale bay yon lòt gwoup. Ou ka mande yon randevou ankò pwochen fwa lè pou mande randevou a louvri.
email-scheduling-changed-subject = Règ randevou yo chanje
email-scheduling-changed-body = Règ randevou yo chanje apre ou te mande yon randevou (orè a, kantite plas yo oswa zòn nou sèvi a). Konekte nan kont Puerta ou pou wè sa sa chanje pou demann ou an.

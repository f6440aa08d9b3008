## Paj: mesaj ak ofisye yo, notifikasyon, kijan nou fè ou konnen, avi sou paj prensipal la.
## Varyab: $reference (nimewo referans yon dosye, separe an gwoup konsa: PUE 4829 3017 58), $name (non
## yon vwayajè), $time (yon dat ak yon lè, ak zòn lè a), $count (yon nonb), $status (sa ki rive yon imèl
## oswa yon mesaj tèks: delivered, failed oswa sending).

## Mesaj

msgpage-intro = Ekri ofisye k ap okipe dosye yo. Yon ofisye ap reponn ou isit la. Lè gen yon repons, n ap fè ou konnen pa imèl oswa pa mesaj tèks.
msgpage-scam-warning = Ofisye yo pa janm mande ou lajan ni modpas ou. Pa voye lajan ni modpas ou bay pèsonn.
msgpage-threads-title = Konvèsasyon ou yo
msgpage-threads-empty = Ou poko ekri okenn ofisye.
msgpage-tag-unread = Nouvo repons
msgpage-tag-answered = Yo reponn
msgpage-tag-waiting = Ap tann repons
msgpage-about-case = Sou dosye { $reference }
msgpage-last-message = Dènye mesaj: { $time }
msgpage-write-title = Ekri yon ofisye
msgpage-subject-label = Sijè
msgpage-subject-hint = Kèk mo sou kesyon ou a, pa egzanp: Dokiman pou dosye mwen.
msgpage-case-label = Dosye (si ou vle)
msgpage-case-hint = Chwazi yon dosye si kesyon ou a se sou dosye sa a. Konsa, ou ka voye dokiman tou nan konvèsasyon sa a.
msgpage-case-none = Se pa sou yon dosye
msgpage-case-option = { $reference }, { $name }
msgpage-body-label = Mesaj ou a
msgpage-body-hint = Jiska 5 000 karaktè. Ou ka ekri nan pwòp lang pa ou.
msgpage-send = Voye mesaj la
msgpage-notice-sent = Mesaj ou a pati. Yon ofisye ap reponn ou isit la.
msgpage-thread-back = Tout konvèsasyon ou yo
msgpage-author-you = Ou menm
msgpage-author-officer = Ofisye
msgpage-attachments = Dokiman ki voye ak mesaj sa a:
msgpage-attachment-unnamed = Dokiman
msgpage-reply-title = Ekri yon repons
msgpage-file-label = Mete yon dokiman (si ou vle)
msgpage-file-hint = L ap ale nan dosye { $reference }.
msgpage-file-no-case = Pou ou voye yon dokiman, kòmanse yon nouvo konvèsasyon sou dosye ou a.
msgpage-reply-send = Voye
msgpage-notice-replied = Mesaj ou a pati.
msgpage-live-new-message = Yon nouvo mesaj rive nan konvèsasyon sa a.

## Notifikasyon

notifpage-intro = Tout sa nou te fè ou konnen, sa ki pi nouvo yo an premye. Nouvèl ki enpòtan yo, nou voye yo pa imèl oswa pa mesaj tèks tou.
notifpage-preferences-link = Chwazi kijan nou fè ou konnen: pa imèl, pa mesaj tèks oswa toude
notifpage-empty = Ou pa gen notifikasyon.
notifpage-tag-unread = Poko li
notifpage-tag-notice = Avi
notifpage-mark-read = Mwen fin li l
notifpage-dismiss = Kache l
notifpage-notice-read = Nou note ou fin li notifikasyon an.
notifpage-notice-dismissed = Nou kache avi a. Ou ka toujou li l sou paj Notifikasyon an.
notifpage-latest = Men { $count } dènye notifikasyon ou yo.
notifpage-back-to-inbox = Retounen nan notifikasyon ou yo
notifpage-standing-title = Avi
notifpage-delivery-email = { $status ->
    [delivered] Nou voye l pa imèl.
    [failed] Nou voye l pa imèl, men li pa rive.
   *[sending] N ap voye l pa imèl.
}
notifpage-delivery-sms = { $status ->
    [delivered] Nou voye l pa mesaj tèks.
    [failed] Nou voye l pa mesaj tèks, men li pa rive.
   *[sending] N ap voye l pa mesaj tèks.
}
notifpage-delivery-email-fallback = { $status ->
    [delivered] Nou voye l pa imèl pito, olye de mesaj tèks.
    [failed] Nou voye l pa imèl pito, olye de mesaj tèks, men li pa rive.
   *[sending] N ap voye l pa imèl pito, olye de mesaj tèks.
}
notifpage-delivery-sms-fallback = { $status ->
    [delivered] Nou voye l pa mesaj tèks pito, olye de imèl.
    [failed] Nou voye l pa mesaj tèks pito, olye de imèl, men li pa rive.
   *[sending] N ap voye l pa mesaj tèks pito, olye de imèl.
}

## Kijan nou fè ou konnen (preferans notifikasyon)

notifpage-prefs-title = Kijan nou fè ou konnen
notifpage-prefs-intro = Ou ka toujou li tout bagay sou paj Notifikasyon an. Pou chak kalite nouvèl, chwazi si ou vle nou voye l ba ou tou pa imèl, pa mesaj tèks oswa toude.
notifpage-prefs-critical = Sa a enpòtan: kite imèl, mesaj tèks oswa toude aktive.
notifpage-prefs-no-phone = Ou pa ban nou yon nimewo telefòn selilè, kidonk nou pa ka voye mesaj tèks ba ou. Pou nouvèl ki enpòtan, n ap voye yon imèl ba ou pito.
notifpage-prefs-add-phone = Ajoute yon nimewo telefòn selilè
notifpage-prefs-save = Anrejistre chwa mwen yo
notifpage-notice-preferences-saved = Nou anrejistre chwa ou yo.
notifpage-channel-email = Imèl
notifpage-channel-sms = Mesaj tèks
notifpage-category-case-updates = Dosye ou
notifpage-category-case-updates-hint = Lè nou resevwa enfòmasyon ou yo, ak lè gen chanjman nan kote yon dosye ye.
notifpage-category-deadlines = Dokiman nou mande ou
notifpage-category-deadlines-hint = Lè nou mande ou voye dokiman anvan yon dat.
notifpage-category-decisions = Desizyon
notifpage-category-decisions-hint = Lè yo pran yon desizyon sou yon dosye oswa sou yon apèl.
notifpage-category-offers = Randevou yo ofri ou
notifpage-category-offers-hint = Lè yo chwazi ou pou yon randevou, ak anvan tan pou ou konfime l lan fini.
notifpage-category-appointments = Randevou
notifpage-category-appointments-hint = Konfimasyon, rapèl, anilasyon, ak chanjman nan règ randevou yo.
notifpage-category-messages = Mesaj ofisye yo
notifpage-category-messages-hint = Lè yon ofisye reponn ou.
notifpage-category-security = Koneksyon
notifpage-category-security-hint = Lè yon moun konekte nan kont ou.
notifpage-category-policy-notices = Avi
notifpage-category-policy-notices-hint = Nouvèl sou règ yo ak sou pò antre yo, pou tout moun.

## Paj prensipal

notifpage-dashboard-messages-text = Ekri yon ofisye epi li repons yo.
notifpage-dashboard-notifications-text = Nouvèl sou dosye ou yo ak randevou ou yo, sa ki pi nouvo yo an premye.

## Notifikasyon: bwat notifikasyon yo, imèl ak mesaj tèks nou fè ak yo, erè nan mesaj yo, ak repons ki pare davans yo.
## Varyab: $reference (nimewo referans yon dosye), $status (kote yon dosye ye, an mo), $port
## (non yon pò antre), $scheduled_at / $deadline / $due / $at (yon dat ak yon lè, ak zòn lè a),
## $number (yon nimewo konfimasyon), $granted / $expired ("yes" oswa "no"), $subject (sijè yon
## konvèsasyon, jan vwayajè a te ekri l), $references (nimewo referans yo, separe ak vigil).

notification-application-received-title = Nou resevwa enfòmasyon ou yo
notification-application-received-body = Men nimewo referans ou yo: { $references }. Sere yo byen: ou pral bezwen yo pou swiv chak dosye.
notification-case-updated-title = Gen yon chanjman nan dosye { $reference } ou a
notification-case-updated-body = Kote dosye a ye kounye a: { $status }.
notification-evidence-requested-title = Nou bezwen dokiman pou dosye { $reference } ou a
notification-evidence-requested-body = Tanpri voye yo anvan { $due }. Louvri dosye a pou ou wè ki dokiman nou bezwen.
notification-case-approved-title = Yo apwouve dosye { $reference } ou a
notification-case-approved-body = Louvri dosye a pou ou wè desizyon an ak sa pou ou fè apre.
notification-case-denied-title = Yo refize dosye { $reference } ou a
notification-case-denied-body = Louvri dosye a pou ou li rezon yo. Ou gen jiska { $deadline } pou ou fè apèl.
notification-appeal-decided-title = Yo pran yon desizyon sou apèl ou a pou dosye { $reference }
notification-appeal-decided-body = { $granted ->
    [yes] Yo aksepte apèl ou a. Louvri dosye a pou ou wè sa k ap vini apre.
   *[no] Premye desizyon an rete. Louvri dosye a pou ou li poukisa.
}
notification-appointment-offered-title = Yo ofri ou yon randevou
notification-appointment-offered-body = Randevou nan { $port }, jou { $scheduled_at }. Konfime l anvan { $deadline }, sinon plas la ap ale bay yon lòt gwoup.
notification-offer-expiring-title = Tan pou konfime randevou ou a prèske fini
notification-offer-expiring-body = Konfime randevou ou nan { $port } anvan { $deadline }, sinon plas la ap ale bay yon lòt gwoup.
notification-appointment-confirmed-title = Randevou ou a konfime
notification-appointment-confirmed-body = Randevou nan { $port }, jou { $scheduled_at }. Nimewo konfimasyon ou se { $number }.
notification-appointment-reminder-title = Randevou ou a se demen
notification-appointment-reminder-body = Randevou nan { $port }, jou { $scheduled_at }. Pote nimewo konfimasyon ou ({ $number }) ak dokiman tout moun ki nan gwoup ou a.
notification-appointment-released-title = Randevou yo te ofri ou a pa valab ankò
notification-appointment-released-body = { $expired ->
    [yes] Tan pou konfime randevou ou nan { $port } fini, kidonk plas la ale bay yon lòt gwoup. Ou ka mande yon randevou ankò.
   *[no] Ou anile randevou ou nan { $port }. Ou ka mande yon randevou ankò.
}
notification-appointment-cancelled-title = Pò antre a anile randevou ou a
notification-appointment-cancelled-body = Pò antre a anile randevou ou te genyen nan { $port } jou { $scheduled_at }. Nou regrèt sa anpil. Ou ka mande yon randevou ankò.
notification-scheduling-changed-title = Règ randevou yo chanje
notification-scheduling-changed-body = Youn nan règ tiraj kote ou te mande yon randevou a chanje. Louvri paj Randevou a pou ou wè sa ki chanje.
notification-new-message-title = Yon ofisye voye yon nouvo mesaj ba ou
notification-new-message-body = Sijè: { $subject }. Louvri paj Mesaj la pou ou li l.
notification-sign-in-title = Nouvo koneksyon nan kont ou
notification-sign-in-body = Yon moun konekte nan kont ou jou { $at }. Si se pa t ou, chanje modpas ou kounye a.
notification-policy-notice-title = Avi
notification-policy-notice-body = Gen yon nouvo avi ki pibliye.

sms-sign-in-to-read = Konekte nan Puerta pou ou li rès la.
email-sign-in-to-read = Konekte nan Puerta pou ou wè detay yo. Nou pa janm mande ou modpas ou ni lajan pa imèl.

error-message-subject-missing = Ekri yon sijè.
error-message-subject-too-long = Sijè a pa ka gen plis pase 200 karaktè.
error-message-body-missing = Ekri mesaj ou a.
error-message-body-too-long = Yon mesaj pa ka gen plis pase 5 000 karaktè. Separe l an de mesaj.
error-message-attachments-too-many = Ou ka mete 5 dokiman pou pi plis nan yon mesaj.
error-message-case-unknown = Sa a se pa nimewo referans youn nan dosye ou yo.
error-message-attachment-unknown = Dokiman sa a pa youn nan dokiman dosye sa a.
error-message-attachment-needs-case = Ou ka voye dokiman sèlman nan yon konvèsasyon sou yon dosye.
error-message-officer-unknown = Chwazi yon ofisye ki aktif.
error-message-filter-unknown = Chwazi "pa asiyen", "pa m yo" oswa "tout".
error-preferences-critical = Kalite mesaj sa a twò enpòtan pou ou dezaktive l: kite imèl oswa mesaj tèks aktive.
error-preferences-category = Kalite notifikasyon sa a pa egziste.
error-notice-language-unknown = Sèvi sèlman ak lang Puerta ofri yo (en, es, ht, pt, fr).
error-notice-too-long = Yon tit pa ka gen plis pase 200 karaktè, epi yon tèks pa ka gen plis pase 5 000.
error-notice-languages-missing = Ekri l omwen an angle, an panyòl ak an kreyòl ayisyen.
error-notice-publish-at = Bay yon dat ak yon lè ant kounye a ak ane 2200.
error-notice-port-unknown = Chwazi youn nan uit pò antre yo.
error-notice-audience = Chwazi tout moun, yon pò antre oswa anplwaye yo.
error-limit-range = Chwazi yon nimewo ant 1 ak 200.

reply-template-received-label = Nou resevwa mesaj ou a
reply-template-received-body = Mèsi paske ou ekri nou. Nou resevwa mesaj ou a, epi yon ofisye ap reponn ou pi vit posib.
reply-template-need-documents-label = Mande dokiman
reply-template-need-documents-body = Pou nou ka kontinye, nou bezwen plis dokiman. Tanpri voye yo nan konvèsasyon sa a oswa sou paj dosye ou a.
reply-template-appointment-info-label = Kijan randevou yo mache
reply-template-appointment-info-body = Se yon tiraj chak jou ki bay randevou yo. Ou ka mande yon randevou yon fwa chak jou, nan lè ki make sou paj Randevou a, depi ou nan zòn nou sèvi a. Randevou yo gratis, epi pèsonn pa ka vann ou yon plas.
reply-template-status-unchanged-label = Poko gen anyen nouvo
reply-template-status-unchanged-body = N ap toujou egzamine dosye ou a. N ap ekri ou depi gen nouvèl. Ou pa bezwen fè anyen kounye a.
reply-template-closing-label = Fèmen konvèsasyon an
reply-template-closing-body = Nou espere sa reponn kesyon ou a. Si ou bezwen lòt bagay, ekri nou isit la.

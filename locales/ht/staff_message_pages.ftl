# Paj anplwaye yo pou mesaj vwayajè yo voye (bwat mesaj ofisye yo ak yon konvèsasyon) ak fòmilè
# administratè yo pou avi jeneral yo.

## Non lang yo, pou anplwaye yo (non lang nan nan lang moun k ap li a, epi nan pwòp lang pa l)

staffmsg-language-en = angle (English)
staffmsg-language-es = panyòl (español)
staffmsg-language-ht = kreyòl ayisyen
staffmsg-language-pt = pòtigè (português)
staffmsg-language-fr = franse (français)

## Paj prensipal anplwaye yo

staffmsg-home-link = { $count ->
    [0] Mesaj vwayajè yo voye (pa gen okenn k ap tann)
    [one] Mesaj vwayajè yo voye (1 k ap tann)
   *[other] Mesaj vwayajè yo voye ({ $count } k ap tann)
}

## Bwat mesaj ofisye yo

staffmsg-inbox-title = Mesaj vwayajè yo voye
staffmsg-inbox-intro = Konvèsasyon ki gen mesaj ki pi resan yo parèt an premye. "Ap tann" vle di vwayajè a ekri, epi poko gen okenn ofisye ki li mesaj la.
staffmsg-tabs-label = Ki konvèsasyon pou montre
staffmsg-tab-unassigned = Sa pèsonn pa genyen yo
staffmsg-tab-mine = Sa mwen genyen yo
staffmsg-tab-all = Tout konvèsasyon yo
staffmsg-inbox-empty = Pa gen okenn konvèsasyon isit la.
staffmsg-col-subject = Sijè
staffmsg-col-case = Dosye
staffmsg-col-last = Dènye mesaj
staffmsg-col-state = Kote li ye
staffmsg-col-holder = Moun ki genyen l
staffmsg-no-case = Li pa sou yon dosye
staffmsg-state-waiting = Ap tann
staffmsg-state-answered = Yo reponn li
staffmsg-state-read = Yo li l, men yo poko reponn

## Yon konvèsasyon

staffmsg-case-label = Dosye
staffmsg-language-label = Lang vwayajè a
staffmsg-holder-title = Ki moun ki genyen konvèsasyon sa a
staffmsg-holder-is = Moun ki genyen l: { $name }
staffmsg-take = Pran konvèsasyon sa a
staffmsg-release = Lage konvèsasyon sa a
staffmsg-assign-label = Ofisye pou bay konvèsasyon sa a
staffmsg-assign-submit = Bay konvèsasyon an
staffmsg-conversation-title = Mesaj yo
staffmsg-from-traveler = Vwayajè a
staffmsg-from-officer = Yon ofisye
staffmsg-attachment = Dokiman
staffmsg-reply-title = Repons
staffmsg-templates-title = Repons ki pare davans
staffmsg-templates-intro = Repons sa yo ekri an { $language }, lang vwayajè a. Chwazi youn pou mete l nan bwat repons lan. Apre sa, chanje sa ki nesesè anvan ou voye l.
staffmsg-reply-label = Repons ou
staffmsg-reply-hint = Vwayajè a wè egzakteman sa ou ekri a. Lyen pa mache nan mesaj yo. Ekri 5 000 karaktè pou pi plis.
staffmsg-reply-submit = Voye repons lan
staffmsg-back-to-inbox = Retounen nan mesaj yo

## Mesaj apre yon etap

staffmsg-notice-taken = Kounye a se ou ki genyen konvèsasyon sa a.
staffmsg-notice-released = Ou lage konvèsasyon sa a. Kounye a, nenpòt ofisye ka pran l.
staffmsg-notice-assigned = Konvèsasyon an ale bay ofisye ou te chwazi a.
staffmsg-notice-sent = Repons ou a ale. Nou fè vwayajè a konnen li gen yon nouvo mesaj.

## Avi jeneral (administratè)

adminnotice-nav = Avi jeneral
adminnotice-title = Pibliye yon avi jeneral
adminnotice-intro = Yon avi jeneral parèt nan notifikasyon tout moun li fèt pou yo, menm moun ki va kreye yon kont pita. Moun ki chwazi resevwa avi jeneral yo pa imèl oswa pa mesaj tèks ap resevwa l konsa tou.
adminnotice-words-title = Sa avi a di
adminnotice-words-hint = Ekri tit la ak tèks la an angle, an panyòl ak an kreyòl ayisyen. Pòtigè ak franse pa obligatwa: si ou kite yo vid, moun ki li lang sa yo ap wè tèks angle a.
adminnotice-legend-required = An { $language } (obligatwa)
adminnotice-legend-optional = An { $language } (pa obligatwa)
adminnotice-title-label = Tit
adminnotice-body-label = Tèks
adminnotice-who-title = Pou ki moun li ye
adminnotice-audience-legend = Ki moun ki dwe wè avi sa a?
adminnotice-audience-all = Tout moun
adminnotice-audience-port = Vwayajè ki mande yon randevou, oswa ki gen yon randevou, nan yon sèl pò antre
adminnotice-audience-staff = Anplwaye yo sèlman
adminnotice-port-label = Pò antre
adminnotice-port-hint = Sèlman si avi a se pou vwayajè ki nan yon sèl pò antre.
adminnotice-port-choose = Chwazi yon pò antre
adminnotice-when-title = Ki lè li parèt
adminnotice-publish-label = Dat ak lè (pa obligatwa)
adminnotice-publish-hint = Kite l vid pou pibliye avi a kounye a. Ekri lè a dapre lè kote ou ye a: { $zone }.
adminnotice-submit = Pibliye avi a
adminnotice-error-title-missing = Ekri tit la an { $language }.
adminnotice-error-body-missing = Ekri tèks la an { $language }.
adminnotice-error-publish-format = Ekri dat la ak lè a, pa egzanp 2026-03-27 09:30.
adminnotice-error-publish-skipped = Lè sa a pa egziste kote ou ye a, paske se nan lè sa a yo avanse revèy yo. Chwazi yon lòt lè.
adminnotice-notice-published = Avi a pibliye.
adminnotice-notice-scheduled = Avi a anrejistre. L ap parèt nan lè ou te chwazi a.

adminnotice-list-title = Avi ki deja ekri
adminnotice-list-empty = Poko gen okenn avi ki ekri.
adminnotice-list-state = Eta
adminnotice-state-published = Pibliye
adminnotice-state-scheduled = Pwograme

# Puerta — Kreyòl ayisyen. Yon sèl mo pou chak konsèp; gade locales/GLOSSARY.md.
# Message ids: area-thing. Variables: { $name }.

## Ankadreman sit la

site-name = Puerta
site-tagline = Randevou nan pò antre Etazini yo, pou moun k ap travèse pa tè
skip-link = Ale dirèk nan kontni prensipal la
nav-label = Meni prensipal
nav-dashboard = Paj prensipal ou
nav-account = Kont ou
nav-sign-in = Konekte
nav-register = Kreye yon kont
nav-sign-out = Dekonekte
nav-staff = Paj anplwaye yo
nav-admin-users = Itilizatè yo
nav-admin-audit = Rejis odit
language-switcher-label = Lang
footer-text = Puerta gratis. Pèsonn pa ka vann ou yon randevou. Pa janm peye pèsonn pou yon randevou.
error-summary-title = Gen yon pwoblèm
request-id-label = Referans erè a, pou ekip sipò a: { $id }
session-warning = Talè konsa n ap dekonekte ou, paske ou pa fè anyen depi kèk tan.
session-stay = Rete konekte
back-link = Retounen

## Akèy

home-title = Mande yon randevou pou travèse fwontyè Etazini
home-intro = Sèvi ak Puerta pou voye enfòmasyon ou anvan ou vwayaje. Ou ka mande yon randevou tou nan youn nan uit pò antre ki sou fwontyè ant Etazini ak Meksik.
home-start = Kreye yon kont
home-have-account = Ou gen yon kont deja?

## Espas pou ranpli

field-email = Adrès imèl
field-email-hint = N ap voye yon kòd nan adrès sa a.
field-full-name = Non konplè
field-full-name-hint = Ekri non ou jan li ekri sou paspò ou oswa sou kat idantite ou.
field-phone = Nimewo telefòn selilè (pa obligatwa)
field-phone-hint = Mete kòd peyi a tou, pa egzanp +52 55 1234 5678.
field-password = Modpas
field-new-password = Nouvo modpas
field-current-password = Modpas ou kounye a
field-password-hint = Sèvi ak omwen 12 karaktè ki difisil pou devine. Twa oswa kat mo ou ka sonje, ki pa gen rapò youn ak lòt, mache byen.
field-language = Lang ou prefere
field-code = Kòd
field-code-hint = Kòd 6 chif nou voye ba ou a.
field-totp-code = Kòd ki nan aplikasyon otantifikasyon ou
field-totp-code-hint = 6 chif. Si ou pèdi telefòn ou, ekri youn nan kòd rekiperasyon ou yo.
field-role = Wòl
field-new-email = Nouvo adrès imèl

## Mesaj erè (bò kote espas la)

error-email-invalid = Ekri yon adrès imèl ki nan bon fòma, tankou non@example.com.
error-email-undeliverable = Nou pa ka voye imèl nan yon adrès ki ekri konsa. Sèvi ak yon adrès imèl ki pa gen espas, gimè ni kwochè, tankou non@example.com.
error-password-too-short = Modpas ou dwe gen omwen 12 karaktè.
error-password-too-long = Modpas ou pa ka gen plis pase 128 karaktè.
error-password-common = Anpil moun sèvi ak modpas sa a, kidonk li fasil pou devine. Chwazi yon lòt.
error-password-weak = Modpas sa a fasil pou devine. Chwazi yon modpas ki pi long epi ki difisil pou devine: twa oswa kat mo ki pa gen rapò youn ak lòt mache byen. Pa sèvi ak non ou, adrès imèl ou, mo "Puerta", menm lèt la plizyè fwa, lèt ki youn apre lòt sou klavye a, ni chif ki youn apre lòt (tankou 1234).
error-full-name-required = Ekri non konplè ou.
error-full-name-too-long = Non konplè ou pa ka gen plis pase 200 karaktè.
error-full-name-control = Non ou pa ka gen chanjman liy, tabilasyon oswa lòt karaktè espesyal. Ekri li sou yon sèl liy.
error-full-name-bidi = Non ou gen karaktè kache ki chanje direksyon tèks la. Tape non ou ankò, pa kopye li.
error-full-name-separator = Non ou pa ka gen chanjman liy oswa chanjman paragraf. Ekri li sou yon sèl liy.
error-phone-invalid = Ekri yon nimewo telefòn selilè ak kòd peyi a, tankou +52 55 1234 5678.
error-language-invalid = Chwazi youn nan lang ki nan lis la.
error-code-format = Ekri kòd 6 chif la.
error-code-wrong = Kòd sa a pa kòrèk, oswa li ekspire. Verifye kòd la, oswa mande yon nouvo kòd.
error-current-password-wrong = Modpas ou kounye a pa kòrèk.
error-role-invalid = Chwazi youn nan wòl ki nan lis la.
error-field-required = Ou dwe ranpli espas sa a.
error-field-invalid = Sa ou ekri isit la pa kòrèk, oswa li pa nan bon fòma. Verifye l epi eseye ankò.

## Pwoblèm (detay API ak erè sou paj yo)

problem-not_found = Pa gen anyen nan adrès entènèt sa a.
problem-method_not_allowed = Adrès entènèt sa a pa aksepte metòd sa a.
problem-payload_too_large = Sa ou voye a twò gwo.
problem-unsupported_media_type = Voye kò demann nan an JSON, ak Content-Type: application/json.
problem-malformed_json = Kò demann nan pa yon JSON ki valab.
problem-unreadable_body = Nou pa t ka li kò demann nan.
problem-validation_failed = Gen enfòmasyon ki manke oswa ki pa valab. Anba a, nou make chak espas ki gen pwoblèm.
problem-too_many_requests = Twòp esè. Tann { $seconds } segonn epi eseye ankò.
problem-internal_error = Nou te gen yon pwoblèm nan sistèm nou an. Tanpri eseye ankò pita.
problem-timed_out = Sèvè a pa t ka reponn atan. Tanpri eseye ankò nan yon ti moman.
problem-database_unavailable = Sèvis la pa disponib kounye a. Tanpri eseye ankò nan yon ti moman.
problem-overloaded = Sèvis la twò chaje kounye a. Tanpri eseye ankò nan yon ti moman.
problem-bad_request = Nou pa t ka konprann demann nan.
problem-invalid_credentials = Adrès imèl la oswa modpas la pa kòrèk.
problem-email_not_verified = Ou poko konfime adrès imèl ou. Nou ka voye yon nouvo kòd ba ou.
problem-totp_required = Ekri kòd ki nan aplikasyon otantifikasyon ou.
problem-totp_invalid = Kòd aplikasyon otantifikasyon an pa kòrèk.
problem-unauthenticated = Ou dwe konekte pou ou fè sa.
problem-forbidden = Ou pa gen pèmisyon pou ou fè sa.
problem-mfa_required = Anplwaye yo dwe aktive verifikasyon an de etap anvan yo sèvi ak fonksyon anplwaye yo.
problem-csrf_failed = Fòmilè sa a ekspire, oswa li pa soti nan Puerta. Retounen, rechaje paj la epi eseye ankò.
problem-code_invalid = Kòd sa a pa kòrèk, oswa li ekspire. Mande yon nouvo kòd.
problem-account_disabled = Kont sa a dezaktive. Kontakte ekip sipò a.
problem-totp_already_enabled = Verifikasyon an de etap la deja aktive.
problem-totp_not_started = Ou dwe kòmanse prepare verifikasyon an de etap la anvan.
problem-conflict = Gen yon bagay ki chanje sou paj sa a apre ou te louvri l, kidonk nou pa t anrejistre chanjman ou an. Rechaje paj la, verifye l, epi eseye ankò.
problem-last_admin = Ou pa ka retire dènye administratè a.
problem-password_reset_required = Pou sekirite ou, chwazi yon nouvo modpas anvan ou konekte. Sèvi ak "Ou bliye modpas ou?" pou resevwa yon kòd.
problem-email_taken = Gen yon lòt kont ki deja sèvi ak adrès imèl sa a.

## Kreye kont epi konfime imèl

register-title = Kreye yon kont
register-intro = Ou bezwen yon kont pou voye enfòmasyon ou epi pou mande yon randevou. Se gratis.
register-submit = Kreye kont mwen
verify-title = Gade imèl ou
verify-intro = Si adrès la kòrèk, nou voye yon kòd 6 chif nan adrès sa a. Kòd la bon pou 10 minit.
verify-submit = Konfime adrès imèl la
verify-resend = Voye yon nouvo kòd
verify-resent = Si gen yon kont ak adrès sa a ki poko konfime, nou voye yon nouvo kòd.
verify-done = Adrès imèl ou konfime. Ou ka konekte kounye a.

## Konekte ak dekonekte

sign-in-title = Konekte
sign-in-submit = Konekte
sign-in-forgot = Ou bliye modpas ou?
sign-in-no-account = Ou poko gen yon kont?
sign-in-not-verified = Ou poko konfime adrès imèl ou.
sign-in-totp-title = Verifikasyon an de etap
sign-in-totp-submit = Kontinye
signed-out = Ou dekonekte.
session-expired = Nou dekonekte ou paske ou pa t fè anyen pandan 15 minit, oswa paske 12 èdtan pase depi ou te konekte. Konekte ankò pou ou kontinye.

## Fè yon nouvo modpas

forgot-title = Fè yon nouvo modpas
forgot-intro = Ekri adrès imèl kont ou. Si gen yon kont ak adrès sa a, n ap voye yon kòd ba ou pou ou ka fè yon nouvo modpas. Kòd la bon pou 30 minit.
forgot-submit = Voye kòd la
reset-title = Chwazi yon nouvo modpas
reset-intro = Ekri kòd ki nan imèl la ak yon nouvo modpas. N ap dekonekte tout lòt sesyon ou yo.
reset-submit = Anrejistre nouvo modpas la
reset-done = Modpas ou chanje. Konekte ak nouvo modpas ou.

## Kont

account-title = Kont ou
account-email = Adrès imèl
account-name = Non konplè
account-phone = Telefòn selilè
account-phone-none = Ou pa bay youn
account-language = Lang
account-role = Wòl
account-mfa = Verifikasyon an de etap
account-mfa-on = Aktive
account-mfa-off = Dezaktive
account-change = Chanje
account-change-password-title = Chanje modpas ou
account-change-password-submit = Chanje modpas la
account-password-changed = Modpas ou chanje.
account-change-email-title = Chanje adrès imèl ou
account-change-email-intro = N ap voye yon kòd nan nouvo adrès la. Chanjman an ap fèt lè ou ekri kòd la.
account-change-email-submit = Voye kòd la nan nouvo adrès la
account-email-code-title = Konfime nouvo adrès imèl ou
account-email-changed = Adrès imèl ou chanje.
account-change-language-submit = Anrejistre lang lan
account-language-changed = Nou anrejistre lang ou.
account-change-phone-title = Chanje nimewo telefòn selilè ou
account-change-phone-submit = Anrejistre nimewo telefòn nan
account-phone-changed = Nou anrejistre nimewo telefòn ou.
account-data-title = Enfòmasyon ou yo
account-data-intro = Ou ka telechaje nan yon fichye tout enfòmasyon Puerta genyen sou ou.
account-data-download = Telechaje enfòmasyon mwen yo
account-delete-title = Efase kont ou
account-delete-intro = Sa ap dekonekte ou toupatou epi efase enfòmasyon pèsonèl ou. Lalwa oblije nou kenbe kèk rejis, men san non ou ni enfòmasyon pou kontakte ou. Apre sa, ou p ap ka fè bak.
account-delete-submit = Efase kont mwen
account-deleted = Kont ou efase.
account-wasnt-me-title = Pwoteje kont ou
account-wasnt-me-done-title = Kont ou an sekirite
account-wasnt-me-done = Nou dekonekte tout sesyon kont ou. Pou ou konekte ankò, chwazi yon nouvo modpas: sou paj koneksyon an, peze "Ou bliye modpas ou?", epi n ap voye yon kòd nan adrès imèl ou.
account-wasnt-me-intro = Si yon lòt moun te konekte nan kont ou, peze bouton an. N ap dekonekte tout sesyon yo, epi apre sa ou pral chwazi yon nouvo modpas.
account-wasnt-me-submit = Dekonekte toupatou

## Verifikasyon an de etap (TOTP)

totp-title = Prepare verifikasyon an de etap
totp-intro = Verifikasyon an de etap mande yon kòd ki soti nan yon aplikasyon sou telefòn ou chak fwa ou konekte. Konsa, pèsonn pa ka konekte ak modpas ou sèlman.
totp-step-scan = Eskane kòd QR sa a ak yon aplikasyon otantifikasyon.
totp-step-key = Si ou pa ka eskane l, tape kle sa a nan aplikasyon an:
totp-step-confirm = Ekri kòd 6 chif aplikasyon an montre ou a.
totp-submit = Aktive verifikasyon an de etap
totp-enabled = Verifikasyon an de etap aktive.
totp-recovery-title = Sere kòd rekiperasyon ou yo
totp-recovery-intro = Si ou pèdi telefòn ou, chak kòd sa yo pèmèt ou konekte yon fwa. Ekri yo sou papye epi sere yo yon kote ki an sekirite. Nou p ap montre yo ankò.
totp-recovery-continue = Mwen sere kòd mwen yo

## Wòl

role-traveler = Vwayajè
role-officer = Ofisye
role-supervisor = Sipèvizè
role-admin = Administratè
role-partner = Òganizasyon patnè

## Paj prensipal ak anplwaye

dashboard-title = Byenveni, { $name }
dashboard-intro = Sa a se paj prensipal ou.
staff-title = Paj anplwaye yo
staff-intro = Fonksyon anplwaye yo isit la.
staff-mfa-needed = Aktive verifikasyon an de etap pou ou ka sèvi ak fonksyon anplwaye yo.

## Administrasyon

admin-users-title = Itilizatè yo
admin-users-email = Imèl
admin-users-role = Wòl
admin-users-status = Estati
admin-users-created = Dat kreyasyon
admin-users-active = Aktif
admin-users-disabled = Dezaktive
admin-users-set-role = Chanje wòl
admin-users-disable = Dezaktive
admin-users-enable = Aktive
admin-users-reset-mfa = Rekòmanse verifikasyon an de etap la
admin-users-updated = Nou mete itilizatè a ajou.
admin-audit-title = Rejis odit
admin-audit-time = Dat ak lè
admin-audit-action = Aksyon
admin-audit-actor = Moun ki fè l
admin-audit-target = Kont
admin-audit-ip = Adrès IP
admin-audit-filter = Filtre
admin-audit-empty = Pa gen anyen ki koresponn.

## Imèl

email-greeting = Bonjou { $name },
email-greeting-unnamed = Bonjou,
email-signature = Puerta
email-ignore = Si se pa ou ki te mande sa, ou pa bezwen okipe mesaj sa a.
email-verify-subject = Kòd Puerta ou: { $code }
email-verify-body = Kòd pou konfime adrès imèl ou se { $code }. Li bon pou 10 minit. Pa bay pèsonn kòd sa a.
email-already-registered-subject = Yon moun te eseye kreye yon kont Puerta ak imèl ou
email-already-registered-body = Yon moun te eseye kreye yon nouvo kont ak adrès imèl sa a, men ou gen yon kont deja. Si se te ou, konekte, oswa fè yon nouvo modpas si ou bliye l. Si se pa t ou, ou pa bezwen fè anyen.
email-sign-in-subject = Nouvo koneksyon nan kont Puerta ou
email-sign-in-body = Gen yon nouvo koneksyon nan kont ou jou { $time }. Si se te ou, ou pa bezwen fè anyen.
email-sign-in-wasnt-me = Si se pa t ou, louvri lyen sa a. N ap dekonekte tout sesyon yo, epi ou pral chwazi yon nouvo modpas: { $link }
email-reset-subject = Kòd Puerta ou pou fè yon nouvo modpas: { $code }
email-reset-body = Kòd ou pou fè yon nouvo modpas se { $code }. Li bon pou 30 minit. Ou ka louvri lyen sa a tou: { $link }
email-change-subject = Konfime nouvo adrès imèl ou pou Puerta: { $code }
email-change-body = Kòd pou konfime nouvo adrès imèl sa a se { $code }. Li bon pou 10 minit.
email-password-changed-subject = Modpas Puerta ou chanje
email-password-changed-body = Modpas kont Puerta ou chanje. Si se pa ou ki fè sa, fè yon nouvo modpas kounye a.
email-email-changed-subject = Adrès imèl Puerta ou chanje
email-email-changed-body = Adrès imèl kont Puerta ou chanje pou yon lòt adrès. Si se pa ou ki fè sa, kontakte ekip sipò a kounye a.
sms-sign-in = Puerta: gen yon nouvo koneksyon nan kont ou jou { $time }. Se pa t ou? Gade imèl ou.

## Lè (yo parèt bò kote chak lè nan yon pò)

zone-america-phoenix = lè Arizona (lè Nogales)
zone-america-chicago = lè Santral (lè Texas)
zone-america-denver = lè Mòn (lè El Paso)
zone-america-los-angeles = lè Pasifik (lè San Diego)
zone-america-new-york = lè Lès (lè Nouyòk)

## Kondisyon pou antre

er-title = Kondisyon pou antre
er-intro = Sa pou ou pote, kijan pou ou mande yon randevou, ak sa k ap pase nan chak pò antre. Ou ka li paj sa yo menm si ou pa gen kont. Lè ou fin louvri yo yon fwa, ou ka li yo ankò san entènèt.
er-general-heading = Anvan ou vwayaje
er-ports-heading = Pò antre yo
er-fallback = Paj sa a poko tradui nan lang ou. Li parèt an angle.
er-in-english = an angle
er-updated = Dènye mizajou: { $date }
er-port-time = Lè li ye kounye a nan pò sa a: { $time }
er-back = Tout kondisyon pou antre yo
er-edit = Modifye paj sa a

## Paj prensipal

dashboard-er-text = Li sa pou ou pote ak kijan randevou yo mache.
dashboard-er-count = { $count ->
    [one] { $count } paj
   *[other] { $count } paj
}
dashboard-cases-title = Dosye ou yo
dashboard-cases-empty = Ou poko voye enfòmasyon ou. Lè ou voye yo, ou resevwa yon nimewo referans, epi dosye ou parèt isit la.
dashboard-appointments-title = Randevou
dashboard-appointments-empty = Ou pa gen randevou.
dashboard-messages-title = Mesaj
dashboard-messages-empty = Ou pa gen mesaj.
dashboard-notifications-title = Notifikasyon
dashboard-notifications-empty = Ou pa gen notifikasyon.
dashboard-unread = { $count ->
    [one] { $count } poko li
   *[other] { $count } poko li
}

## San entènèt

offline-title = Ou pa gen entènèt kounye a
offline-text = Paj sa a bezwen entènèt. Paj kondisyon pou antre ou te deja louvri yo toujou la.
offline-link = Li kondisyon pou antre yo

## Modifye kontni (administratè)

nav-admin-content = Kondisyon pou antre
admin-content-title = Modifye kondisyon pou antre yo
admin-content-language = Lang vèsyon sa a
field-title = Tit
field-summary = Rezime
field-summary-hint = Yon sèl fraz. Li parèt nan lis la.
field-body = Tèks
field-body-hint = Markdown: ## pou yon tit, - pou yon eleman nan yon lis, yon liy vid ant de paragraf.
admin-content-preview = Apèsi
admin-content-save = Anrejistre kòm yon nouvo vèsyon
admin-content-saved = Nouvo vèsyon an anrejistre epi li pibliye.
admin-content-preview-title = Apèsi
admin-content-history = Vèsyon yo
admin-content-version = Vèsyon { $version }, { $date }
error-content-slug = Paj sa a pa egziste.
error-content-title = Ekri yon tit ki pa gen plis pase 200 karaktè.
error-content-summary = Ekri yon rezime ki pa gen plis pase 300 karaktè.
error-content-body = Ekri tèks la. Li pa ka gen plis pase 50 000 karaktè.

## Akèy pou anplwaye yo

staff-capacity-title = Kantite randevou chak jou nan chak pò
staff-port = Pò antre
staff-zone = Lè pò a
staff-daily-capacity = Randevou pa jou
staff-total = Tout pò yo

## Òganizasyon patnè ak mesaj Puerta voye yo

nav-partner = Paj òganizasyon patnè yo
nav-admin-deliveries = Mesaj Puerta voye yo
partner-title = Paj òganizasyon patnè yo
partner-intro = Isit la ou ka wè pò antre yo, ak konbyen randevou chak pò bay chak jou. Konsa, ou ka ede moun ou sèvi yo prepare vwayaj yo.
partner-entry-requirements = Li kondisyon pou antre yo pou ou ka pataje yo ak moun ou ede yo
admin-deliveries-title = Mesaj Puerta voye yo
admin-deliveries-intro = Tout imèl ak mesaj tèks Puerta voye, ak si yo rive oswa non. Adrès imèl, nimewo telefòn ak sa ki ekri nan mesaj yo pa janm parèt isit la.
admin-deliveries-status = Estati
admin-deliveries-any = Nenpòt estati
admin-deliveries-empty = Pa gen mesaj ki koresponn.
admin-deliveries-created = Lè li te antre nan fil la
admin-deliveries-kind = Mesaj
admin-deliveries-attempts = Kantite esè
admin-deliveries-next = Pwochen esè
delivery-status-created = Ap tann pou nou voye l
delivery-status-sending = N ap voye l kounye a
delivery-status-delivered = Li rive
delivery-status-temporary_failure = Li poko rive (n ap eseye ankò)
delivery-status-permanent_failure = Li pa t ka rive (adrès la oswa nimewo a refize l)
delivery-status-technical_failure = Nou pa t voye l (gen yon pwoblèm bò kote pa nou)
delivery-channel-email = imèl
delivery-channel-sms = mesaj tèks
list-next-page = Paj swivan
error-id-invalid = Idantifyan sa a pa valab. Kopye l ankò nan lis la.
error-cursor-invalid = Lyen paj sa a pa valab. Retounen nan premye paj la epi eseye ankò.
error-audit-action-unknown = Aksyon sa a pa egziste. Sèvi ak yon non ki nan lis la, pa egzanp sign_in_failed.
error-delivery-status-unknown = Estati sa a pa egziste. Chwazi youn nan lis la.

## Account guards and busy networks (issue 8)
problem-sign_in_locked = Yo eseye twòp modpas ki pa kòrèk sou kont sa a. Tann { $minutes } minit epi eseye ankò, oswa fè yon nouvo modpas kounye a: n ap voye yon kòd ba ou pa imèl.
problem-proof_required = Anpil demann ap soti nan rezo ou a kounye a. Rezoud verifikasyon ki nan chan "challenge" la, epi voye demann lan ankò ak repons lan.
error-proof-required = Anpil moun ap sèvi ak koneksyon sa a kounye a. Navigatè ou a ap fè yon ti verifikasyon anvan. Lè li di li fini, voye fòmilè a ankò.
proof-working = N ap verifye koneksyon ou. Sa pran kèk segonn.
proof-done = Fini. Ou ka voye fòmilè a kounye a.
proof-no-script = Verifikasyon sa a bezwen JavaScript. Aktive JavaScript, oswa eseye ankò nan kèk minit.
email-mfa-enabled-subject = Verifikasyon an de etap aktive sou kont Puerta ou
email-mfa-enabled-body = Verifikasyon an de etap aktive sou kont Puerta ou, epi nou dekonekte tout lòt aparèy yo. Si se pa ou ki fè sa, fè yon nouvo modpas kounye a.
totp-password = Modpas ou
totp-password-hint = Pou pwoteje kont ou, ekri modpas ou ankò.

## The reader's time zone (issue 9)
account-time-zone = Lè kote ou ye a
field-time-zone-hint = Nou montre tout lè yo nan lè ou chwazi a, epi nou ekri non li.
account-change-time-zone-title = Chwazi lè kote ou ye a
account-change-time-zone-submit = Anrejistre lè a
account-time-zone-changed = Nou anrejistre lè kote ou ye a.
error-time-zone-invalid = Chwazi yon lè nan lis la.
zone-america-mexico-city = lè vil Meksiko (Guadalajara, Monterrey)
zone-america-tijuana = lè Pasifik (Tijuana, Mexicali)
zone-america-hermosillo = lè Arizona ak Sonora (Hermosillo, Nogales)
zone-america-ciudad-juarez = lè Mòn (Ciudad Juárez, menm lè ak El Paso)
zone-america-matamoros = lè Texas (Matamoros, Reynosa, Nuevo Laredo)
zone-america-cancun = lè Cancún (Quintana Roo)
# The language page (the header links to it from every page).
language-title = Chwazi lang ou
language-back = Retounen san chanje lang lan

## Cases and documents (issue 10)
error-reference-format = Ekri nimewo referans lan ak 3 lèt epi 10 chif, tankou PUE 4829 3017 58.
error-reference-check-digit = Gen yon erè nan fason nimewo referans sa a ekri. Konpare chak chif ak resi ou a, epi eseye ankò.
error-case-status-unknown = Estati dosye sa a pa egziste. Chwazi youn nan lis la.
case-status-received = Nou resevwa enfòmasyon ou yo.
case-status-in_review = Yon ofisye ap egzamine dosye ou.
case-status-evidence_requested = Nou bezwen plis dokiman nan men ou.
case-status-evidence_received = Nou resevwa dokiman ou voye yo.
case-status-approved = Yo apwouve dosye ou.
case-status-denied = Yo refize dosye ou.
case-status-appeal_received = Nou resevwa apèl ou.
case-status-appeal_upheld = Yo pran desizyon sou apèl ou a: dosye ou rete refize.
case-status-appeal_granted = Yo pran desizyon sou apèl ou a: yo anile refi a.
case-status-withdrawn = Ou retire dosye sa a.
case-next-received = Ou pa bezwen fè anyen kounye a. Yon ofisye pral egzamine dosye ou. N ap fè ou konnen si nou bezwen kèk lòt bagay.
case-next-in_review = Ou pa bezwen fè anyen kounye a. N ap fè ou konnen si nou bezwen plis dokiman.
case-next-evidence_requested = Voye dokiman nou mande ou yo anvan dat limit la. Dosye ou ap rete ann atant jiskaske ou voye yo.
case-next-evidence_received = Ou pa bezwen fè anyen kounye a. Yon ofisye pral gade dokiman ou yo.
case-next-approved = Li pwochen etap yo nan avi desizyon an.
case-next-denied = Li rezon yo nan avi desizyon an. Ou ka fè apèl anvan 30 jou pase apre dat desizyon an.
case-next-appeal_received = Ou pa bezwen fè anyen kounye a. Se yon sipèvizè ki pa t pran premye desizyon an ki pral deside apèl ou a.
case-next-appeal_upheld = Dosye ou fèmen. Li rezon yo nan desizyon sou apèl la.
case-next-appeal_granted = Li pwochen etap yo nan desizyon sou apèl la.
case-next-withdrawn = Dosye ou fèmen. Ou pa bezwen fè anyen.
problem-illegal_transition = Dosye sa a pa ka pase nan estati sa a, apati estati li genyen kounye a. Rechaje dosye a pou wè kote li ye.
problem-evidence_not_due = Vwayajè a gen tan toujou pou li voye dokiman yo te mande li yo. Ou ka deside apre dat limit la, oswa lè li reponn.
problem-appeal_late = Tan pou fè apèl la fini. Yon apèl dwe rive anvan 30 jou pase apre dat desizyon an.
problem-appeal_already_made = Yo deja fè apèl pou dosye sa a. Yo ka fè apèl pou yon dosye yon sèl fwa sèlman.
problem-appeal_same_decider = Se ou ki te pran desizyon sou dosye sa a, kidonk ou pa ka deside apèl li. Se yon lòt sipèvizè ki dwe deside li.
problem-group_full = Yon gwoup ka gen 10 vwayajè pou pi plis: ou menm ak 9 moun k ap vwayaje avè ou.
problem-already_open = Vwayajè sa a gen yon dosye ki louvri deja. Swiv dosye sa a olye ou voye enfòmasyon yo ankò.
error-group-empty = Chwazi omwen yon vwayajè.
error-group-duplicate = Chak vwayajè ka parèt yon sèl fwa nan enfòmasyon ou voye yo.
error-traveler-unknown = Vwayajè sa a pa nan kont ou. Ajoute li an premye.
error-text-too-long = Ekri 100 karaktè oswa mwens.
error-text-control = Ekri sa a sou yon sèl liy, san tabilasyon ni lòt karaktè espesyal.
error-text-bidi = Tèks sa a gen karaktè kache ki chanje direksyon tèks la. Tape li ankò olye ou kopye li.
error-text-separator = Ekri sa a sou yon sèl liy, san ou pa ale alaliy ni chanje paragraf.
error-country-invalid = Chwazi yon peyi nan lis la.
error-date-of-birth-format = Ekri dat nesans lan ak ane, mwa ak jou, tankou 1990-07-04.
error-date-of-birth-future = Dat nesans lan dwe jodi a oswa yon dat ki pase deja.
error-date-of-birth-too-old = Tcheke ane a: dat nesans lan dwe an 1900 oswa apre, epi moun nan pa ka gen plis pase 120 an.
error-gender-invalid = Chwazi youn nan opsyon yo, oswa kite li vid.
gender-female = Fi
gender-male = Gason
gender-non_binary = Non-binè
gender-unspecified = Mwen pito pa di
error-document-type-invalid = Chwazi kalite dokiman an nan lis la.
error-document-number-required = Ekri nimewo dokiman an.
error-document-number-invalid = Ekri nimewo dokiman an ak lèt A rive Z, chif ak tirè sèlman, 30 karaktè pou pi plis.
error-document-expiry-format = Ekri dat ekspirasyon an ak ane, mwa ak jou, tankou 2030-01-31.
error-document-expiry-too-late = Tcheke dat ekspirasyon an: li twò lwen nan lavni.
notice-document-expired = Dokiman sa a ekspire. Ou ka toujou sèvi avè li; yon ofisye ap pran sa an konsiderasyon.
error-us-state-invalid = Chwazi yon eta oswa yon teritwa Etazini nan lis la.
error-us-postal-code-invalid = Ekri yon kòd postal (ZIP) 5 chif, tankou 78520, oswa ZIP+4, tankou 78520-1234.
error-document-empty = Fichye a vid. Chwazi fichye a ankò.
error-document-too-big = Fichye a pi gwo pase { $limit }. Voye yon fichye ki pi piti, oswa eskane li ak yon rezolisyon ki pi ba.
error-document-type = Fichye a dwe yon PDF, JPEG, PNG oswa TIFF.
error-document-name-mismatch = Non fichye a pa koresponn ak kalite fichye a. Chanje non li pou li fini ak bon ekstansyon an (.pdf, .jpg, .png oswa .tif), epi voye li ankò.
error-document-corrupt = Fichye a domaje oswa li pa konplè. Anrejistre li oswa eskane li ankò, epi voye nouvo fichye a.
error-document-polyglot = Fichye a gen lòt bagay ladan li anplis dokiman an, pa egzanp done ki kache apre fen li. Anrejistre li ankò an PDF, JPEG, PNG oswa TIFF, epi voye nouvo fichye a.
error-document-active-content = PDF la gen script, aksyon oswa fichye atache ladan li. Enprime li nan yon nouvo PDF, epi voye nouvo PDF sa a.
error-document-encrypted = PDF la pwoteje ak yon modpas. Retire modpas la, epi voye li ankò.
error-document-pixels = Imaj la gen twòp piksèl. Eskane li oswa anrejistre li ak yon rezolisyon ki pi ba.
error-document-pages = TIFF la gen plis pase yon paj. Voye chak paj apa, oswa voye yon PDF.
error-document-name = Nou pa ka sèvi ak non fichye sa a. Chanje non li, epi sèvi sèlman ak lèt, chif, espas, pwen ak tirè.
error-document-kind = Chwazi ki dokiman sa a ye: paspò, kat idantite nasyonal, batistè, prèv, apèl oswa lòt.
error-document-quota = Dosye sa a gen deja tout dokiman li ka kenbe ({ $limit } an tout). Kontakte nou si ou bezwen voye plis.

## Receipt email (issue 10)
email-application-received-subject = Nou resevwa enfòmasyon ou yo
email-application-received-body = Nou resevwa enfòmasyon ou voye pou gwoup ou a. Chak vwayajè gen pwòp dosye pa l ak pwòp nimewo referans pa l:

    { $references }

    Kenbe nimewo sa yo. Ou ka swiv chak dosye nan kont Puerta ou.

## Travay sou dosye yo: pran dosye, mande dokiman, desizyon, apèl (issue 10)
problem-already_claimed = Yon lòt ofisye deja pran dosye sa a. Rechaje lis la epi chwazi yon lòt dosye.
error-long-text-too-long = Ekri 4 000 karaktè oswa mwens.
error-evidence-items = Ekri omwen 1 dokiman pou mande, e pa plis pase 20.
error-evidence-due-date = Chwazi yon dat limit ant demen ak 12 semèn apati jodi a, tankou 2027-01-15. Kite li vid pou bay 30 jou.
error-outcome-invalid = Chwazi youn nan rezilta ki nan lis la.
error-reason-codes-required = Pou refize yon dosye, fòk gen omwen 1 rezon. Chwazi rezon yo nan lis la.
error-reason-code-unknown = Youn nan rezon yo pa nan lis la. Chwazi rezon yo nan lis la.
reason-incomplete_information = Gen enfòmasyon nou bezwen ki manke nan enfòmasyon ou voye yo.
reason-inconsistent_information = Gen enfòmasyon ou bay ki pa dakò ak lòt enfòmasyon oswa lòt dokiman.
reason-identity_not_established = Nou pa t ka konfime kiyès ou ye.
reason-insufficient_evidence = Dokiman ou voye yo pa montre sa ou di nan enfòmasyon ou voye yo.
reason-no_evidence_response = Nou pa t resevwa dokiman nou te mande ou yo anvan dat limit la.
email-case-updated-subject = Gen nouvèl sou dosye ou { $reference }
email-case-updated-body = Gen nouvèl sou dosye ou { $reference }. Ou ka wè yo lè ou konekte nan kont Puerta ou.
email-evidence-requested-subject = Nou bezwen plis dokiman pou dosye ou { $reference }
email-evidence-requested-body = Pou nou kontinye ak dosye ou { $reference }, yon ofisye bezwen dokiman sa yo:

    { $items }

    Voye yo nan kont Puerta ou anvan { $date } fini. Dosye ou a ap tann jiskaske ou voye yo. Si ou pa voye yo alè, ofisye a ka deside ak enfòmasyon li genyen yo.
email-case-approved-subject = Yo apwouve dosye ou { $reference }
email-case-approved-body = Yo apwouve dosye ou { $reference }. Konekte nan kont Puerta ou pou li desizyon an ak sa pou ou fè apre.
email-case-denied-subject = Desizyon sou dosye ou { $reference }
email-case-denied-body = Yo refize dosye ou { $reference }, pou rezon sa yo:

    { $reasons }

    Ou ka li tout desizyon an nan kont Puerta ou.
email-case-denied-appeal = Ou ka fè apèl kont desizyon sa a. Pou fè apèl, konekte nan kont Puerta ou, louvri dosye a epi eksplike poukisa desizyon an dwe chanje. Apèl ou a dwe rive anvan { $date } fini. Se yon sipèvizè ki pa t pran desizyon sa a ki pral deside apèl ou a.
email-appeal-decided-subject = Desizyon sou apèl ou pou dosye { $reference }
email-appeal-granted-body = Yo aksepte apèl ou pou dosye { $reference }: yo anile refi a. Konekte nan kont Puerta ou pou li desizyon an ak sa pou ou fè apre.
email-appeal-upheld-body = Yo pran desizyon sou apèl ou pou dosye { $reference }: dosye ou rete refize. Konekte nan kont Puerta ou pou li rezon yo.

# Officer work on cases (queue, notes, assignment, reasons)
error-port-unknown = Chwazi yon pò antre nan lis la.
error-queue-age = Ekri yon kantite jou ant 1 ak 3650.
error-assignee-not-officer = Chwazi yon ofisye oswa yon sipèvizè ki aktif.
error-reason-code-format = Sèvi ak 2 a 64 ti lèt, chif oswa tirè anba, epi kòmanse ak yon lèt, pa egzanp document_expired.
error-reason-title-too-long = Pa depase 300 karaktè.
problem-reason_code_taken = Gen yon rezon ki gen kòd sa a deja. Chwazi yon lòt kòd.
email-evidence-arrived-subject = Dokiman rive pou dosye { $reference }
email-evidence-arrived-body = Vwayajè a voye dokiman yo te mande pou dosye { $reference }. Dosye a tounen nan lis travay ou.
decision-approved-next-steps = Kounye a, ou ka mande yon randevou nan yon pò antre. Kenbe nimewo referans ou. Jou randevou a, pote dokiman idantite ou ak dokiman ou te voye ba nou yo.

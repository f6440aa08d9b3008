# Biwo anndan: lis travay ofisye yo, yon dosye pou anplwaye yo, ak lis rezon administratè yo.

bo-staff-home-queue = Lis travay: dosye pou trete
bo-nav-reason-codes = Rezon pou refize
bo-back-to-staff = Retounen nan paj anplwaye yo
bo-back-to-queue = Retounen nan lis travay la

## Lis travay la

bo-queue-title = Lis travay
bo-queue-intro = Dosye ki pi ansyen yo parèt an premye. Jou dosye a louvri yo pa konte jou n ap tann dokiman vwayajè a.
bo-queue-empty = Pa gen okenn dosye ki koresponn ak filt sa yo.
bo-filter-status = Kote dosye a ye
bo-filter-any-status = Nenpòt ki kote
bo-filter-port = Pò antre
bo-filter-any-port = Nenpòt ki pò antre
bo-filter-age = Louvri depi omwen kantite jou sa a
bo-filter-age-hint = Yon kantite jou, pa egzanp 30. Kite l vid pou wè tout dosye yo.
bo-filter-only = Montre sèlman
bo-filter-mine = Dosye mwen genyen
bo-filter-unassigned = Dosye pèsonn pa genyen
bo-filter-overdue = Dosye ki gen dokiman an reta
bo-filter-submit = Montre dosye yo
bo-col-case = Vwayajè ak nimewo referans
bo-col-status = Kote dosye a ye
bo-col-port = Pò antre
bo-col-days-open = Jou li louvri
bo-col-days-waiting = Jou n ap tann dokiman
bo-col-holder = Moun ki genyen l
bo-col-evidence = Dokiman yo mande
bo-days = { $count ->
    [one] 1 jou
   *[other] { $count } jou
}
bo-queue-evidence-due = Dat limit: { $date }
bo-queue-evidence-overdue = An reta depi { $date }
bo-holder-nobody = Pèsonn
bo-holder-you = Ou menm
bo-holder-other = Yon lòt ofisye

## Yon dosye

bo-case-title = Dosye { $name }
bo-holder-title = Ki moun ki genyen dosye sa a
bo-holder-is = Moun ki genyen l: { $name }
bo-claim = Pran dosye sa a
bo-assign-label = Bay dosye a
bo-assign-submit = Bay dosye a
bo-profile-title = Pwofil vwayajè a
bo-profile-name = Non
bo-profile-born = Dat nesans
bo-profile-nationality = Nasyonalite
bo-profile-birthplace = Kote li fèt
bo-profile-residence = Peyi kote li rete
bo-profile-gender = Sèks
bo-profile-language = Lang
bo-profile-phone = Telefòn
bo-profile-email = Adrès imèl
bo-profile-document = Dokiman idantite
bo-profile-document-number = Nimewo dokiman an
bo-profile-document-country = Peyi ki bay dokiman an
bo-profile-document-expiry = Dat dokiman an ekspire
bo-not-given = Li pa bay li
bo-destination-title = Adrès nan Etazini
bo-group-title = Lòt moun nan gwoup la
bo-group-alone = Vwayajè sa a pou kont li nan gwoup la.
bo-documents-title = Dokiman
bo-documents-empty = Poko gen dokiman.
bo-checks-title = Rezilta verifikasyon yo
bo-checks-none = Poko gen okenn verifikasyon ki fèt sou dosye sa a.
bo-checks-ran = Fèt { $time }
bo-checks-run = Refè verifikasyon yo
bo-check-clear = Anyen pa parèt
bo-check-hit = Gen yon bagay ki parèt
bo-check-kind-watchlist = Lis siveyans
bo-check-kind-duplicate_person = Menm moun nan nan yon lòt dosye ki louvri
bo-check-kind-shared_address = Adrès anpil gwoup bay
bo-requests-title = Demann dokiman
bo-request-asked = Yo mande yo { $time }
bo-request-due = Dat limit: { $date }
bo-request-answered = Vwayajè a reponn { $time }.
bo-request-overdue = Dat limit la pase, li pa reponn. Ou ka pran desizyon ak enfòmasyon ou genyen yo.
bo-decision-title = Desizyon
bo-outcome-approved = Apwouve
bo-outcome-denied = Refize
bo-appeal-title = Apèl
bo-appeal-submitted = Voye { $time }
bo-appeal-statement = Sa vwayajè a ekri
bo-appeal-decided-title = Desizyon sou apèl la
bo-appeal-outcome-upheld = Rejte: refi a rete
bo-appeal-outcome-granted = Aksepte: yo anile refi a
bo-actions-title = Sa ou ka fè kounye a
bo-actions-none = Pa gen okenn etap pou fè sou dosye sa a kounye a.
bo-start-review = Kòmanse egzamine dosye a
bo-mark-received-intro = Sèvi ak sa a lè dokiman yo rive yon lòt jan, pa nan Puerta.
bo-mark-received = Anrejistre dokiman yo kòm resevwa
bo-request-title = Mande dokiman
bo-request-items = Dokiman pou mande
bo-request-items-hint = Ekri yon dokiman sou chak liy. Vwayajè a wè mo sa yo.
bo-request-due-label = Dat limit
bo-evidence-due-hint = Pa egzanp 27 3 2027. Kite l vid pou 30 jou, sa vle di { $date }. 12 semèn pou pi plis.
bo-date-day = Jou
bo-date-month = Mwa
bo-date-year = Ane
bo-error-due-date = Mete yon dat limit ant demen ak 12 semèn apre jodi a, pa egzanp 27 3 2027. Kite twa chan yo vid pou 30 jou.
bo-request-submit = Voye demann lan
bo-decide-title = Pran desizyon
bo-decide-on-record = Vwayajè a pa reponn demann dokiman an. Ou ka pran desizyon ak enfòmasyon ou genyen yo sèlman apre dat limit la.
bo-decide-outcome = Desizyon
bo-decide-approve = Apwouve
bo-decide-deny = Refize
bo-decide-reasons = Rezon pou refi a
bo-decide-reasons-hint = Si ou refize, chwazi omwen 1 rezon. Vwayajè a li chak rezon nan lang li.
bo-decide-narrative = Eksplikasyon
bo-decide-narrative-hint = Vwayajè a li sa a. Si ou apwouve, di sa k ap pase apre.
bo-decide-submit = Anrejistre desizyon an
bo-appeal-decide-title = Deside apèl la
bo-appeal-own-decision = Se ou ki te pran desizyon sou dosye sa a, kidonk se yon lòt sipèvizè ki pou deside apèl la.
bo-appeal-decide-outcome = Desizyon sou apèl la
bo-appeal-uphold = Rejte: refi a rete
bo-appeal-grant = Aksepte: anile refi a
bo-appeal-narrative = Rezon desizyon sou apèl la
bo-appeal-decide-submit = Anrejistre desizyon sou apèl la
bo-notes-title = Nòt ofisye yo
bo-notes-intro = Se sèlman ofisye ak sipèvizè ki wè nòt sa yo. Vwayajè a pa janm wè yo.
bo-notes-empty = Poko gen nòt.
bo-note-label = Ajoute yon nòt
bo-note-submit = Anrejistre nòt la
bo-history-title = Istorik
bo-history-entry = { $status }, pa { $name }
bo-history-nobody = Sistèm nan

## Mesaj apre yon etap

bo-notice-claimed = Kounye a se ou ki genyen dosye sa a.
bo-notice-assigned = Dosye a bay.
bo-notice-note-added = Nòt ou a anrejistre.
bo-notice-moved = Kote dosye a ye chanje.
bo-notice-evidence-requested = Demann dokiman an ale jwenn vwayajè a.
bo-notice-decided = Desizyon an anrejistre epi yo avèti vwayajè a.
bo-notice-appeal-decided = Desizyon sou apèl la anrejistre epi yo avèti vwayajè a.
bo-notice-checks-run = Verifikasyon yo refèt.
bo-notice-reason-added = Rezon an ajoute.
bo-notice-reason-retired = Rezon an retire. Ofisye yo pa ka chwazi l ankò.

## Rezon pou refize (administratè)

bo-reasons-title = Rezon pou refize
bo-reasons-intro = Ofisye yo chwazi nan rezon sa yo lè yo refize yon dosye. Yon rezon ki retire rete sou desizyon ki site l yo.
bo-reason-retired = Retire
bo-reason-retire = Retire { $code }
bo-reason-add-title = Ajoute yon rezon
bo-reason-add-intro = Vwayajè a li rezon an nan pwòp lang li, kidonk ekri l nan tout lang yo.
bo-reason-code = Kòd
bo-reason-code-hint = 2 a 64 ti lèt, chif oswa tirè anba, ki kòmanse ak yon lèt, pa egzanp document_expired.
bo-reason-title = Non pou anplwaye yo (an anglè)
bo-reason-title-hint = Ofisye yo wè non sa a nan lis rezon yo.
bo-reason-words = Mo pou vwayajè a an { $language }
bo-reason-add-submit = Ajoute rezon an

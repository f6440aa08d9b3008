# Espace interne : la liste de travail des agents, un dossier pour le personnel et la liste des motifs des administrateurs.

bo-staff-home-queue = Liste de travail : dossiers à traiter
bo-nav-reason-codes = Motifs de refus
bo-back-to-staff = Retour à la page du personnel
bo-back-to-queue = Retour à la liste de travail

## La liste de travail

bo-queue-title = Liste de travail
bo-queue-intro = Les dossiers les plus anciens apparaissent en premier. Les jours d'ouverture ne comptent pas les jours d'attente des documents du voyageur.
bo-queue-empty = Aucun dossier ne correspond à ces filtres.
bo-filter-status = État
bo-filter-any-status = Tous les états
bo-filter-port = Point d'entrée
bo-filter-any-port = Tous les points d'entrée
bo-filter-age = Ouvert depuis au moins ce nombre de jours
bo-filter-age-hint = Un nombre de jours, par exemple 30. Laissez vide pour voir tous les dossiers.
bo-filter-only = Afficher seulement
bo-filter-mine = Les dossiers que je traite
bo-filter-unassigned = Les dossiers que personne ne traite
bo-filter-overdue = Les dossiers dont les documents sont en retard
bo-filter-submit = Afficher les dossiers
bo-col-case = Voyageur et numéro de référence
bo-col-status = État
bo-col-port = Point d'entrée
bo-col-days-open = Jours d'ouverture
bo-col-days-waiting = Jours d'attente des documents
bo-col-holder = Traité par
bo-col-evidence = Documents demandés
bo-days = { $count ->
    [one] 1 jour
   *[other] { $count } jours
}
bo-queue-evidence-due = À rendre le { $date }
bo-queue-evidence-overdue = En retard depuis le { $date }
bo-holder-nobody = Personne
bo-holder-you = Vous
bo-holder-other = Un autre agent

## Un dossier

bo-case-title = Dossier de { $name }
bo-holder-title = Qui traite ce dossier
bo-holder-is = Traité par : { $name }
bo-claim = Prendre ce dossier
bo-assign-label = Confier à
bo-assign-submit = Confier le dossier
bo-profile-title = Profil du voyageur
bo-profile-name = Nom
bo-profile-born = Date de naissance
bo-profile-nationality = Nationalité
bo-profile-birthplace = Lieu de naissance
bo-profile-residence = Pays de résidence
bo-profile-gender = Genre
bo-profile-language = Langue
bo-profile-phone = Téléphone
bo-profile-email = Adresse e-mail
bo-profile-document = Pièce d'identité
bo-profile-document-number = Numéro du document
bo-profile-document-country = Pays qui a délivré le document
bo-profile-document-expiry = Date d'expiration du document
bo-not-given = Non indiqué
bo-destination-title = Adresse aux États-Unis
bo-group-title = Autres personnes du groupe
bo-group-alone = Ce voyageur est seul dans le groupe.
bo-documents-title = Documents
bo-documents-empty = Aucun document pour l'instant.
bo-checks-title = Résultats des vérifications
bo-checks-none = Aucune vérification n'a encore été faite sur ce dossier.
bo-checks-ran = Faite le { $time }
bo-checks-run = Refaire les vérifications
bo-check-clear = Rien trouvé
bo-check-hit = Alerte
bo-check-kind-watchlist = Liste de surveillance
bo-check-kind-duplicate_person = La même personne dans un autre dossier ouvert
bo-check-kind-shared_address = Adresse donnée par de nombreux groupes
bo-requests-title = Demandes de documents
bo-request-asked = Demandés le { $time }
bo-request-due = Date limite : { $date }
bo-request-answered = Le voyageur a répondu le { $time }.
bo-request-overdue = La date limite est passée sans réponse. Vous pouvez décider avec les informations du dossier.
bo-decision-title = Décision
bo-outcome-approved = Approuvé
bo-outcome-denied = Refusé
bo-appeal-title = Recours
bo-appeal-submitted = Envoyé le { $time }
bo-appeal-statement = Ce que le voyageur a écrit
bo-appeal-decided-title = Décision sur le recours
bo-appeal-outcome-upheld = Rejeté : le refus est maintenu
bo-appeal-outcome-granted = Accepté : le refus est annulé
bo-actions-title = Ce que vous pouvez faire maintenant
bo-actions-none = Ce dossier n'a aucune étape à faire maintenant.
bo-start-review = Commencer l'examen
bo-mark-received-intro = Utilisez ceci quand les documents sont arrivés autrement, pas par Puerta.
bo-mark-received = Enregistrer les documents comme reçus
bo-request-title = Demander des documents
bo-request-items = Documents à demander
bo-request-items-hint = Écrivez un document par ligne. Le voyageur voit ces mots.
bo-request-due-label = Date limite
bo-evidence-due-hint = Par exemple 27 3 2027. Laissez vide pour 30 jours, c'est-à-dire le { $date }. Au maximum 12 semaines.
bo-date-day = Jour
bo-date-month = Mois
bo-date-year = Année
bo-error-due-date = Indiquez une date limite entre demain et 12 semaines à partir d'aujourd'hui, par exemple 27 3 2027. Laissez les trois champs vides pour 30 jours.
bo-request-submit = Envoyer la demande
bo-decide-title = Décider
bo-decide-on-record = Le voyageur n'a pas répondu à la demande de documents. Vous pouvez décider avec les informations du dossier seulement après la date limite.
bo-decide-outcome = Décision
bo-decide-approve = Approuver
bo-decide-deny = Refuser
bo-decide-reasons = Motifs du refus
bo-decide-reasons-hint = Si vous refusez, choisissez au moins 1 motif. Le voyageur lit chaque motif dans sa langue.
bo-decide-narrative = Explication
bo-decide-narrative-hint = Le voyageur lit ceci. Pour une approbation, dites ce qui se passe ensuite.
bo-decide-submit = Enregistrer la décision
bo-appeal-decide-title = Décider le recours
bo-appeal-own-decision = Vous avez pris la décision sur ce dossier, donc un autre superviseur doit décider le recours.
bo-appeal-decide-outcome = Décision sur le recours
bo-appeal-uphold = Rejeter : le refus est maintenu
bo-appeal-grant = Accepter : annuler le refus
bo-appeal-narrative = Motifs de la décision sur le recours
bo-appeal-decide-submit = Enregistrer la décision sur le recours
bo-notes-title = Notes des agents
bo-notes-intro = Seuls les agents et les superviseurs voient ces notes. Le voyageur ne les voit jamais.
bo-notes-empty = Aucune note pour l'instant.
bo-note-label = Ajouter une note
bo-note-submit = Enregistrer la note
bo-history-title = Historique
bo-history-entry = { $status }, par { $name }
bo-history-nobody = Le système

## Messages après une étape

bo-notice-claimed = Vous traitez maintenant ce dossier.
bo-notice-assigned = Le dossier est confié.
bo-notice-note-added = Votre note est enregistrée.
bo-notice-moved = L'état du dossier a changé.
bo-notice-evidence-requested = La demande de documents est envoyée au voyageur.
bo-notice-decided = La décision est enregistrée et le voyageur est prévenu.
bo-notice-appeal-decided = La décision sur le recours est enregistrée et le voyageur est prévenu.
bo-notice-checks-run = Les vérifications ont été refaites.
bo-notice-reason-added = Le motif est ajouté.
bo-notice-reason-retired = Le motif est retiré. Les agents ne peuvent plus le choisir.

## Motifs de refus (administrateurs)

bo-reasons-title = Motifs de refus
bo-reasons-intro = Les agents choisissent parmi ces motifs quand ils refusent un dossier. Un motif retiré reste sur les décisions qui le citent.
bo-reason-retired = Retiré
bo-reason-retire = Retirer { $code }
bo-reason-add-title = Ajouter un motif
bo-reason-add-intro = Le voyageur lit le motif dans sa propre langue, donc écrivez-le dans toutes les langues.
bo-reason-code = Code
bo-reason-code-hint = De 2 à 64 lettres minuscules, chiffres ou tirets bas, en commençant par une lettre, par exemple document_expired.
bo-reason-title = Nom pour le personnel (en anglais)
bo-reason-title-hint = Les agents voient ce nom dans la liste des motifs.
bo-reason-words = Mots pour le voyageur en { $language }
bo-reason-add-submit = Ajouter le motif

## Notifications : la boîte de notifications, les e-mails et SMS faits à partir d'elles, les erreurs de messagerie et les réponses toutes prêtes.
## Variables : $reference (le numéro de référence d'un dossier), $status (l'état d'un dossier, en mots), $port
## (le nom d'un point d'entrée), $scheduled_at / $deadline / $due / $at (une date et une heure avec leur fuseau horaire),
## $number (un numéro de confirmation), $granted / $expired (« yes » ou « no »), $subject (l'objet d'une
## conversation, tel que le voyageur l'a écrit), $references (des numéros de référence séparés par des virgules).

notification-application-received-title = Nous avons reçu vos informations
notification-application-received-body = Vos numéros de référence : { $references }. Gardez-les bien : vous en aurez besoin pour suivre chaque dossier.
notification-case-updated-title = Votre dossier { $reference } a changé
notification-case-updated-body = Nouvel état : { $status }.
notification-evidence-requested-title = Nous avons besoin de documents pour votre dossier { $reference }
notification-evidence-requested-body = Merci de les envoyer avant le { $due }. Ouvrez le dossier pour voir les documents dont nous avons besoin.
notification-case-approved-title = Votre dossier { $reference } est approuvé
notification-case-approved-body = Ouvrez le dossier pour voir la décision et ce que vous devez faire ensuite.
notification-case-denied-title = Votre dossier { $reference } est refusé
notification-case-denied-body = Ouvrez le dossier pour lire les motifs. Vous avez jusqu'au { $deadline } pour faire un recours.
notification-appeal-decided-title = Une décision a été prise sur votre recours (dossier { $reference })
notification-appeal-decided-body = { $granted ->
    [yes] Votre recours est accepté. Ouvrez le dossier pour voir la suite.
   *[no] La première décision est maintenue. Ouvrez le dossier pour savoir pourquoi.
}
notification-appointment-offered-title = Vous avez obtenu une place pour un rendez-vous
notification-appointment-offered-body = Rendez-vous à { $port } le { $scheduled_at }. Confirmez-le avant le { $deadline }, sinon la place ira à un autre groupe.
notification-offer-expiring-title = Le délai pour confirmer votre rendez-vous se termine bientôt
notification-offer-expiring-body = Confirmez votre rendez-vous à { $port } avant le { $deadline }, sinon la place ira à un autre groupe.
notification-appointment-confirmed-title = Votre rendez-vous est confirmé
notification-appointment-confirmed-body = Rendez-vous à { $port } le { $scheduled_at }. Votre numéro de confirmation : { $number }.
notification-appointment-reminder-title = Votre rendez-vous est demain
notification-appointment-reminder-body = Rendez-vous à { $port } le { $scheduled_at }. Apportez votre numéro de confirmation ({ $number }) et les documents de chaque personne du groupe.
notification-appointment-released-title = Le rendez-vous proposé n'est plus disponible
notification-appointment-released-body = { $expired ->
    [yes] Le rendez-vous à { $port } n'a pas été confirmé à temps, donc la place est allée à un autre groupe. Vous pouvez demander un nouveau rendez-vous.
   *[no] Vous avez annulé votre rendez-vous à { $port }. Vous pouvez demander un nouveau rendez-vous.
}
notification-appointment-cancelled-title = Le point d'entrée a annulé votre rendez-vous
notification-appointment-cancelled-body = Le point d'entrée a annulé votre rendez-vous à { $port } du { $scheduled_at }. Nous en sommes désolés. Vous pouvez demander un nouveau rendez-vous.
notification-scheduling-changed-title = Les règles des rendez-vous ont changé
notification-scheduling-changed-body = Une règle du tirage au sort pour lequel vous avez fait une demande a changé. Ouvrez la page Rendez-vous pour voir ce qui change.
notification-new-message-title = Nouveau message d'un agent
notification-new-message-body = Objet : { $subject }. Ouvrez la page Messages pour le lire.
notification-sign-in-title = Nouvelle connexion à votre compte
notification-sign-in-body = Quelqu'un s'est connecté à votre compte le { $at }. Si ce n'était pas vous, changez votre mot de passe maintenant.
notification-policy-notice-title = Avis
notification-policy-notice-body = Un nouvel avis a été publié.

sms-sign-in-to-read = Connectez-vous à Puerta pour en savoir plus.
email-sign-in-to-read = Connectez-vous à Puerta pour voir les détails. Nous ne vous demandons jamais votre mot de passe ni de l'argent par e-mail.

error-message-subject-missing = Écrivez un objet.
error-message-subject-too-long = L'objet peut avoir 200 caractères au maximum.
error-message-body-missing = Écrivez votre message.
error-message-body-too-long = Un message peut avoir 5 000 caractères au maximum. Divisez-le en deux messages.
error-message-attachments-too-many = Vous pouvez joindre 5 documents au maximum à un message.
error-message-case-unknown = Ce n'est le numéro de référence d'aucun de vos dossiers.
error-message-attachment-unknown = Ce document ne fait pas partie des documents de ce dossier.
error-message-attachment-needs-case = Vous ne pouvez envoyer des documents que dans une conversation sur un dossier.
error-message-officer-unknown = Choisissez un agent actif.
error-message-filter-unknown = Choisissez « non attribuées », « les miennes » ou « toutes ».
error-preferences-critical = Ce type de message est trop important pour être désactivé : gardez l'e-mail ou le SMS.
error-preferences-category = Ce type de notification n'existe pas.
error-notice-language-unknown = Utilisez seulement les langues proposées par Puerta (en, es, ht, pt, fr).
error-notice-too-long = Un titre peut avoir 200 caractères au maximum, et un texte 5 000.
error-notice-languages-missing = Écrivez-le au moins en anglais, en espagnol et en créole haïtien.
error-notice-publish-at = Indiquez une date et une heure entre maintenant et l'année 2200.
error-notice-port-unknown = Choisissez l'un des huit points d'entrée.
error-notice-audience = Choisissez tout le monde, un point d'entrée ou le personnel.
error-limit-range = Choisissez un nombre de 1 à 200.

reply-template-received-label = Nous avons reçu votre message
reply-template-received-body = Merci de nous avoir écrit. Nous avons bien reçu votre message, et un agent vous répondra dès que possible.
reply-template-need-documents-label = Demander des documents
reply-template-need-documents-body = Pour continuer, nous avons besoin d'autres documents. Merci de les envoyer dans cette conversation ou sur la page de votre dossier.
reply-template-appointment-info-label = Comment fonctionnent les rendez-vous
reply-template-appointment-info-body = Les rendez-vous sont attribués par un tirage au sort quotidien. Vous pouvez demander un rendez-vous une fois par jour, aux heures indiquées sur la page Rendez-vous, si vous êtes dans la zone que nous desservons. C'est gratuit, et personne ne peut vous vendre une place.
reply-template-status-unchanged-label = Rien de nouveau pour l'instant
reply-template-status-unchanged-body = Votre dossier est toujours en cours d'examen. Nous vous écrirons dès qu'il y aura du nouveau. Vous n'avez rien à faire pour le moment.
reply-template-closing-label = Clore la conversation
reply-template-closing-body = Nous espérons avoir répondu à votre question. Si vous avez besoin d'autre chose, écrivez-nous ici.

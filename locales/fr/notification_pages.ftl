## Pages : messages avec les agents, notifications, comment nous vous prévenons, avis sur la page principale.
## Variables : $reference (le numéro de référence d'un dossier, groupé ainsi : PUE 4829 3017 58), $name (le
## nom d'un voyageur), $time (une date et une heure avec leur fuseau horaire), $count (un nombre), $status
## (l'état de l'envoi d'un e-mail ou d'un SMS : delivered, failed ou sending).

## Messages

msgpage-intro = Écrivez aux agents qui traitent les dossiers. Un agent vous répondra ici. Quand il y a une réponse, nous vous prévenons par e-mail ou par SMS.
msgpage-scam-warning = Les agents ne vous demandent jamais d'argent ni votre mot de passe. N'envoyez ni argent ni mot de passe à personne.
msgpage-threads-title = Vos conversations
msgpage-threads-empty = Vous n'avez encore écrit à aucun agent.
msgpage-tag-unread = Nouvelle réponse
msgpage-tag-answered = Réponse reçue
msgpage-tag-waiting = En attente de réponse
msgpage-about-case = À propos du dossier { $reference }
msgpage-last-message = Dernier message : { $time }
msgpage-write-title = Écrire à un agent
msgpage-subject-label = Objet
msgpage-subject-hint = Quelques mots sur votre question, par exemple : Documents pour mon dossier.
msgpage-case-label = Dossier (facultatif)
msgpage-case-hint = Choisissez un dossier si votre question le concerne. Vous pourrez alors aussi envoyer des documents dans cette conversation.
msgpage-case-none = Aucun dossier en particulier
msgpage-case-option = { $reference }, { $name }
msgpage-body-label = Votre message
msgpage-body-hint = 5 000 caractères au maximum. Vous pouvez écrire dans votre langue.
msgpage-send = Envoyer le message
msgpage-notice-sent = Votre message a été envoyé. Un agent vous répondra ici.
msgpage-thread-back = Toutes vos conversations
msgpage-author-you = Vous
msgpage-author-officer = Agent
msgpage-attachments = Documents envoyés avec ce message :
msgpage-attachment-unnamed = Document
msgpage-reply-title = Écrire une réponse
msgpage-file-label = Ajouter un document (facultatif)
msgpage-file-hint = Il sera ajouté au dossier { $reference }.
msgpage-file-no-case = Pour envoyer un document, commencez une nouvelle conversation sur votre dossier.
msgpage-reply-send = Envoyer
msgpage-notice-replied = Votre message a été envoyé.
msgpage-live-new-message = Un nouveau message est arrivé dans cette conversation.

## Notifications

notifpage-intro = Toutes les notifications que nous vous avons envoyées, des plus récentes aux plus anciennes. Nous envoyons aussi les informations importantes par e-mail ou par SMS.
notifpage-preferences-link = Choisissez comment nous vous prévenons : par e-mail, par SMS ou les deux
notifpage-empty = Vous n'avez aucune notification.
notifpage-tag-unread = Non lue
notifpage-tag-notice = Avis
notifpage-mark-read = Marquer comme lue
notifpage-dismiss = Masquer
notifpage-notice-read = La notification est marquée comme lue.
notifpage-notice-dismissed = L'avis est masqué. Vous pouvez encore le lire sur la page Notifications.
notifpage-latest = Voici vos { $count } notifications les plus récentes.
notifpage-back-to-inbox = Retour à vos notifications
notifpage-standing-title = Avis
notifpage-delivery-email = { $status ->
    [delivered] Envoyée par e-mail.
    [failed] Envoyée par e-mail, mais elle n'est pas arrivée.
   *[sending] Envoi par e-mail en cours.
}
notifpage-delivery-sms = { $status ->
    [delivered] Envoyée par SMS.
    [failed] Envoyée par SMS, mais elle n'est pas arrivée.
   *[sending] Envoi par SMS en cours.
}
notifpage-delivery-email-fallback = { $status ->
    [delivered] Envoyée par e-mail à la place du SMS.
    [failed] Envoyée par e-mail à la place du SMS, mais elle n'est pas arrivée.
   *[sending] Envoi par e-mail en cours, à la place du SMS.
}
notifpage-delivery-sms-fallback = { $status ->
    [delivered] Envoyée par SMS à la place de l'e-mail.
    [failed] Envoyée par SMS à la place de l'e-mail, mais elle n'est pas arrivée.
   *[sending] Envoi par SMS en cours, à la place de l'e-mail.
}

## Comment nous vous prévenons (préférences de notification)

notifpage-prefs-title = Comment nous vous prévenons
notifpage-prefs-intro = Vous pouvez toujours tout lire sur la page Notifications. Pour chaque type d'information, choisissez si nous vous envoyons aussi un e-mail, un SMS ou les deux.
notifpage-prefs-critical = C'est important : gardez l'e-mail, le SMS ou les deux.
notifpage-prefs-no-phone = Vous n'avez pas donné de numéro de téléphone portable, donc nous ne pouvons pas vous envoyer de SMS. Pour les informations importantes, nous vous envoyons un e-mail à la place.
notifpage-prefs-add-phone = Ajouter un numéro de téléphone portable
notifpage-prefs-save = Enregistrer mes choix
notifpage-notice-preferences-saved = Vos choix sont enregistrés.
notifpage-channel-email = E-mail
notifpage-channel-sms = SMS
notifpage-category-case-updates = Votre dossier
notifpage-category-case-updates-hint = Quand nous recevons vos informations, et quand l'état d'un dossier change.
notifpage-category-deadlines = Documents à envoyer
notifpage-category-deadlines-hint = Quand nous vous demandons d'envoyer des documents avant une date.
notifpage-category-decisions = Décisions
notifpage-category-decisions-hint = Quand une décision est prise sur un dossier ou sur un recours.
notifpage-category-offers = Rendez-vous proposés
notifpage-category-offers-hint = Quand vous obtenez une place pour un rendez-vous, et avant la fin du délai pour le confirmer.
notifpage-category-appointments = Rendez-vous
notifpage-category-appointments-hint = Confirmations, rappels, annulations et changements des règles des rendez-vous.
notifpage-category-messages = Messages des agents
notifpage-category-messages-hint = Quand un agent vous répond.
notifpage-category-security = Connexions
notifpage-category-security-hint = Quand quelqu'un se connecte à votre compte.
notifpage-category-policy-notices = Avis
notifpage-category-policy-notices-hint = Informations sur les règles et les points d'entrée, pour tout le monde.

## Page principale

notifpage-dashboard-messages-text = Écrivez à un agent et lisez ses réponses.
notifpage-dashboard-notifications-text = Informations sur vos dossiers et vos rendez-vous, les plus récentes en premier.

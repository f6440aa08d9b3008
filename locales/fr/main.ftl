# Puerta — français. Un terme par concept ; voir locales/GLOSSARY.md. Toujours « vous ».
# Message ids: area-thing. Variables: { $name }.

## Cadre du site

site-name = Puerta
site-tagline = Rendez-vous aux points d'entrée terrestres des États-Unis
skip-link = Aller au contenu principal
nav-label = Menu principal
nav-dashboard = Votre page principale
nav-account = Votre compte
nav-sign-in = Se connecter
nav-register = Créer un compte
nav-sign-out = Se déconnecter
nav-staff = Accueil du personnel
nav-admin-users = Utilisateurs
nav-admin-audit = Journal d'audit
language-switcher-label = Langue
footer-text = Puerta est gratuit. Personne ne peut vous vendre un rendez-vous. Ne payez jamais personne pour un rendez-vous.
error-summary-title = Il y a un problème
request-id-label = Référence de l'erreur, pour l'équipe d'assistance : { $id }
session-warning = Votre session va bientôt se fermer, car vous n'avez rien fait depuis un moment.
session-stay = Garder ma session ouverte
back-link = Retour

## Accueil

home-title = Demander un rendez-vous pour passer la frontière des États-Unis
home-intro = Sur Puerta, vous envoyez vos informations avant de voyager. Vous pouvez aussi y demander un rendez-vous à l'un des huit points d'entrée de la frontière avec le Mexique.
home-start = Créer un compte
home-have-account = Vous avez déjà un compte ?

## Champs des formulaires

field-email = Adresse e-mail
field-email-hint = Nous allons envoyer un code à cette adresse.
field-full-name = Nom complet
field-full-name-hint = Écrivez votre nom comme sur votre passeport ou votre pièce d'identité.
field-phone = Numéro de téléphone portable (facultatif)
field-phone-hint = Ajoutez l'indicatif du pays, par exemple +52 55 1234 5678.
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-current-password = Mot de passe actuel
field-password-hint = Utilisez au moins 12 caractères, dans un mot de passe difficile à deviner. Trois ou quatre mots sans rapport entre eux, faciles à retenir, conviennent bien.
field-language = Langue préférée
field-code = Code
field-code-hint = Le code à 6 chiffres que nous vous avons envoyé.
field-totp-code = Code de votre application d'authentification
field-totp-code-hint = 6 chiffres. Si vous avez perdu votre téléphone, entrez un de vos codes de récupération.
field-role = Rôle
field-new-email = Nouvelle adresse e-mail

## Messages de validation (à côté du champ)

error-email-invalid = Entrez une adresse e-mail au bon format, par exemple nom@example.com.
error-email-undeliverable = Nous ne pouvons pas envoyer d'e-mail à une adresse écrite de cette façon. Utilisez une adresse sans espaces, guillemets ni crochets, par exemple nom@example.com.
error-password-too-short = Votre mot de passe doit avoir au moins 12 caractères.
error-password-too-long = Votre mot de passe doit avoir 128 caractères au maximum.
error-password-common = Beaucoup de personnes utilisent ce mot de passe. Il est donc facile à deviner. Choisissez-en un autre.
error-password-weak = Ce mot de passe est facile à deviner. Choisissez un mot de passe plus long et difficile à deviner : trois ou quatre mots sans rapport entre eux conviennent bien. Évitez votre nom, votre adresse e-mail, le mot « Puerta », les lettres répétées, les suites de touches du clavier et les suites de chiffres (comme 1234).
error-full-name-required = Entrez votre nom complet.
error-full-name-too-long = Votre nom complet doit avoir 200 caractères au maximum.
error-full-name-control = Votre nom ne peut pas contenir de retours à la ligne, de tabulations ni d'autres caractères spéciaux. Écrivez-le sur une seule ligne.
error-full-name-bidi = Votre nom contient des caractères cachés qui changent le sens du texte. Tapez votre nom à nouveau au lieu de le copier.
error-full-name-separator = Votre nom ne peut pas contenir de sauts de ligne ou de paragraphe. Écrivez-le sur une seule ligne.
error-phone-invalid = Entrez un numéro de portable avec l'indicatif du pays, par exemple +52 55 1234 5678.
error-language-invalid = Choisissez une des langues de la liste.
error-code-format = Entrez le code à 6 chiffres.
error-code-wrong = Ce code n'est pas correct ou il a expiré. Vérifiez le code ou demandez-en un nouveau.
error-current-password-wrong = Votre mot de passe actuel n'est pas correct.
error-role-invalid = Choisissez un des rôles de la liste.
error-field-required = Ce champ est obligatoire.
error-field-invalid = Ce que vous avez entré ici n'est pas correct ou n'est pas écrit de la bonne façon. Vérifiez et réessayez.

## Problèmes (détails de l'API et erreurs de page)

problem-not_found = Il n'y a rien à cette adresse.
problem-method_not_allowed = Cette adresse n'accepte pas cette méthode.
problem-payload_too_large = Ce que vous avez envoyé est trop volumineux.
problem-unsupported_media_type = Envoyez le corps de la requête en JSON, avec Content-Type: application/json.
problem-malformed_json = Le corps de la requête n'est pas du JSON valide.
problem-unreadable_body = Impossible de lire le corps de la requête.
problem-validation_failed = Des informations manquent ou ne sont pas valides. Ci-dessous, nous signalons chaque champ qui pose problème.
problem-too_many_requests = Trop de tentatives. Attendez { $seconds } secondes, puis réessayez.
problem-internal_error = Nous avons eu un problème dans notre système. Réessayez plus tard.
problem-timed_out = Le serveur n'a pas pu répondre à temps. Réessayez dans un moment.
problem-database_unavailable = Le service n'est pas disponible pour le moment. Réessayez dans un moment.
problem-overloaded = Le service est très sollicité en ce moment. Réessayez dans un moment.
problem-bad_request = Nous n'avons pas pu comprendre la requête.
problem-invalid_credentials = L'adresse e-mail ou le mot de passe n'est pas correct.
problem-email_not_verified = Vous n'avez pas encore confirmé votre adresse e-mail. Nous pouvons vous envoyer un nouveau code.
problem-totp_required = Entrez le code de votre application d'authentification.
problem-totp_invalid = Le code de l'application d'authentification n'est pas correct.
problem-unauthenticated = Vous devez vous connecter pour faire cela.
problem-forbidden = Vous n'avez pas l'autorisation de faire cela.
problem-mfa_required = Le personnel doit activer la vérification en deux étapes avant d'utiliser les fonctions du personnel.
problem-csrf_failed = Ce formulaire a expiré ou ne vient pas de Puerta. Revenez en arrière, rechargez la page et réessayez.
problem-code_invalid = Ce code n'est pas correct ou il a expiré. Demandez un nouveau code.
problem-account_disabled = Ce compte est désactivé. Contactez l'équipe d'assistance.
problem-totp_already_enabled = La vérification en deux étapes est déjà activée.
problem-totp_not_started = Commencez d'abord à configurer la vérification en deux étapes.
problem-conflict = Quelque chose a changé sur cette page depuis que vous l'avez ouverte, donc nous n'avons pas enregistré votre modification. Rechargez la page, vérifiez-la et réessayez.
problem-last_admin = Vous ne pouvez pas retirer le dernier administrateur.
problem-password_reset_required = Pour votre sécurité, choisissez un nouveau mot de passe avant de vous connecter. Utilisez « Mot de passe oublié ? » pour recevoir un code.
problem-email_taken = Un autre compte utilise déjà cette adresse e-mail.

## Inscription et confirmation de l'adresse e-mail

register-title = Créer un compte
register-intro = Vous avez besoin d'un compte pour envoyer vos informations et demander un rendez-vous. C'est gratuit.
register-submit = Créer le compte
verify-title = Regardez vos e-mails
verify-intro = Si l'adresse est correcte, nous y avons envoyé un code à 6 chiffres. Le code est valable 10 minutes.
verify-submit = Confirmer l'adresse e-mail
verify-resend = Envoyer un nouveau code
verify-resent = S'il existe un compte avec cette adresse et qu'il n'est pas encore confirmé, nous avons envoyé un nouveau code.
verify-done = Votre adresse e-mail est confirmée. Vous pouvez maintenant vous connecter.

## Connexion et déconnexion

sign-in-title = Se connecter
sign-in-submit = Se connecter
sign-in-forgot = Mot de passe oublié ?
sign-in-no-account = Vous n'avez pas encore de compte ?
sign-in-not-verified = Vous n'avez pas encore confirmé votre adresse e-mail.
sign-in-totp-title = Vérification en deux étapes
sign-in-totp-submit = Continuer
signed-out = Votre session est fermée.
session-expired = Votre session est fermée parce que vous n'avez rien fait pendant 15 minutes, ou parce que 12 heures sont passées depuis votre connexion. Connectez-vous de nouveau pour continuer.

## Réinitialisation du mot de passe

forgot-title = Réinitialiser votre mot de passe
forgot-intro = Entrez l'adresse e-mail de votre compte. S'il existe un compte avec cette adresse, nous enverrons un code pour réinitialiser votre mot de passe. Le code est valable 30 minutes.
forgot-submit = Envoyer le code
reset-title = Choisissez un nouveau mot de passe
reset-intro = Entrez le code reçu par e-mail et un nouveau mot de passe. Toutes vos autres sessions seront fermées.
reset-submit = Enregistrer le nouveau mot de passe
reset-done = Votre mot de passe est modifié. Connectez-vous avec votre nouveau mot de passe.

## Compte

account-title = Votre compte
account-email = Adresse e-mail
account-name = Nom complet
account-phone = Téléphone portable
account-phone-none = Non indiqué
account-language = Langue
account-role = Rôle
account-mfa = Vérification en deux étapes
account-mfa-on = Activée
account-mfa-off = Désactivée
account-change = Modifier
account-change-password-title = Changer votre mot de passe
account-change-password-submit = Changer le mot de passe
account-password-changed = Votre mot de passe est modifié.
account-change-email-title = Changer votre adresse e-mail
account-change-email-intro = Nous allons envoyer un code à la nouvelle adresse. Le changement se fera quand vous entrerez le code.
account-change-email-submit = Envoyer le code à la nouvelle adresse
account-email-code-title = Confirmez votre nouvelle adresse e-mail
account-email-changed = Votre adresse e-mail est modifiée.
account-change-language-submit = Enregistrer la langue
account-language-changed = Votre langue est enregistrée.
account-change-phone-title = Changer votre numéro de téléphone portable
account-change-phone-submit = Enregistrer le numéro
account-phone-changed = Votre numéro de téléphone est enregistré.
account-data-title = Vos données
account-data-intro = Vous pouvez télécharger dans un fichier tout ce que Puerta garde sur vous.
account-data-download = Télécharger mes données
account-delete-title = Supprimer votre compte
account-delete-intro = Cette action vous déconnecte partout et supprime vos données personnelles. Pour des raisons légales, nous devons garder certaines informations, sans votre nom ni vos coordonnées. Vous ne pourrez pas annuler cette action.
account-delete-submit = Supprimer mon compte
account-deleted = Votre compte est supprimé.
account-wasnt-me-title = Protégez votre compte
account-wasnt-me-done-title = Votre compte est protégé
account-wasnt-me-done = Nous avons fermé toutes les sessions de votre compte. Pour vous connecter de nouveau, choisissez un nouveau mot de passe : sur la page de connexion, appuyez sur « Mot de passe oublié ? » et nous vous enverrons un code par e-mail.
account-wasnt-me-intro = Si une autre personne s'est connectée à votre compte, appuyez sur le bouton. Nous fermerons toutes les sessions, puis vous choisirez un nouveau mot de passe.
account-wasnt-me-submit = Se déconnecter partout

## Vérification en deux étapes (TOTP)

totp-title = Configurer la vérification en deux étapes
totp-intro = Avec la vérification en deux étapes, vous devez entrer un code donné par une application de votre téléphone à chaque connexion. Ainsi, personne ne peut se connecter avec seulement votre mot de passe.
totp-step-scan = Scannez ce code QR avec une application d'authentification.
totp-step-key = Si vous ne pouvez pas le scanner, tapez cette clé dans l'application :
totp-step-confirm = Entrez le code à 6 chiffres affiché par l'application.
totp-submit = Activer la vérification en deux étapes
totp-enabled = La vérification en deux étapes est activée.
totp-recovery-title = Notez vos codes de récupération
totp-recovery-intro = Si vous perdez votre téléphone, chacun de ces codes vous permet de vous connecter une fois. Écrivez-les sur papier et gardez-les dans un endroit sûr. Nous ne les afficherons plus.
totp-recovery-continue = J'ai noté mes codes

## Rôles

role-traveler = Voyageur
role-officer = Agent
role-supervisor = Superviseur
role-admin = Administrateur
role-partner = Organisation partenaire

## Page principale et personnel

dashboard-title = Bienvenue, { $name }
dashboard-intro = Voici votre page principale.
staff-title = Accueil du personnel
staff-intro = Les fonctions du personnel sont ici.
staff-mfa-needed = Activez la vérification en deux étapes pour utiliser les fonctions du personnel.

## Administration

admin-users-title = Utilisateurs
admin-users-email = E-mail
admin-users-role = Rôle
admin-users-status = Statut
admin-users-created = Créé le
admin-users-active = Actif
admin-users-disabled = Désactivé
admin-users-set-role = Changer le rôle
admin-users-disable = Désactiver
admin-users-enable = Activer
admin-users-reset-mfa = Réinitialiser la vérification en deux étapes
admin-users-updated = L'utilisateur est mis à jour.
admin-audit-title = Journal d'audit
admin-audit-time = Date et heure
admin-audit-action = Action
admin-audit-actor = Fait par
admin-audit-target = Compte
admin-audit-ip = Adresse IP
admin-audit-filter = Filtrer
admin-audit-empty = Aucune entrée ne correspond.

## E-mails

email-greeting = Bonjour { $name },
email-greeting-unnamed = Bonjour,
email-signature = Puerta
email-ignore = Si vous n'avez rien demandé, vous pouvez ignorer ce message.
email-verify-subject = Votre code Puerta : { $code }
email-verify-body = Votre code pour confirmer votre adresse e-mail est { $code }. Il est valable 10 minutes. Ne le donnez à personne.
email-already-registered-subject = Quelqu'un a essayé de créer un compte Puerta avec votre adresse e-mail
email-already-registered-body = Quelqu'un a essayé de créer un nouveau compte avec cette adresse e-mail, mais vous avez déjà un compte. Si c'était vous, connectez-vous, ou réinitialisez votre mot de passe si vous l'avez oublié. Si ce n'était pas vous, vous n'avez rien à faire.
email-sign-in-subject = Nouvelle connexion à votre compte Puerta
email-sign-in-body = Quelqu'un s'est connecté à votre compte le { $time }. Si c'était vous, vous n'avez rien à faire.
email-sign-in-wasnt-me = Si ce n'était pas vous, ouvrez ce lien. Nous fermerons toutes les sessions et vous choisirez un nouveau mot de passe : { $link }
email-reset-subject = Votre code Puerta pour réinitialiser votre mot de passe : { $code }
email-reset-body = Votre code pour réinitialiser votre mot de passe est { $code }. Il est valable 30 minutes. Vous pouvez aussi ouvrir ce lien : { $link }
email-change-subject = Confirmez votre nouvelle adresse e-mail pour Puerta : { $code }
email-change-body = Votre code pour confirmer cette nouvelle adresse e-mail est { $code }. Il est valable 10 minutes.
email-password-changed-subject = Votre mot de passe Puerta a été modifié
email-password-changed-body = Le mot de passe de votre compte Puerta a été modifié. Si ce n'était pas vous, réinitialisez votre mot de passe maintenant.
email-email-changed-subject = Votre adresse e-mail Puerta a été modifiée
email-email-changed-body = L'adresse e-mail de votre compte Puerta a été remplacée par une autre adresse. Si ce n'était pas vous, contactez l'équipe d'assistance maintenant.
sms-sign-in = Puerta : quelqu'un s'est connecté à votre compte le { $time }. Ce n'était pas vous ? Regardez vos e-mails.

## Fuseaux horaires (affichés à côté de chaque heure d'un point d'entrée)

zone-america-phoenix = heure de l'Arizona (Nogales)
zone-america-chicago = heure du Centre (Texas)
zone-america-denver = heure des Rocheuses (El Paso)
zone-america-los-angeles = heure du Pacifique (San Diego)
zone-america-new-york = heure de l'Est (New York)

## Conditions d'entrée

er-title = Conditions d'entrée
er-intro = Ce qu'il faut apporter, comment demander un rendez-vous et ce qui se passe à chaque point d'entrée. Vous pouvez lire ces pages sans compte. Après les avoir ouvertes une fois, vous pouvez aussi les lire sans internet.
er-general-heading = Avant de voyager
er-ports-heading = Points d'entrée
er-fallback = Cette page n'est pas encore traduite dans votre langue. Elle est affichée en anglais.
er-in-english = en anglais
er-updated = Dernière mise à jour : { $date }
er-port-time = Heure actuelle à ce point d'entrée : { $time }
er-back = Toutes les conditions d'entrée
er-edit = Modifier cette page

## Page principale

dashboard-er-text = Lisez ce qu'il faut apporter et comment fonctionnent les rendez-vous.
dashboard-er-count = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
dashboard-cases-title = Mes dossiers
dashboard-cases-empty = Vous n'avez pas encore envoyé vos informations. Quand vous les enverrez, vous recevrez un numéro de référence, et votre dossier apparaîtra ici.
dashboard-appointments-title = Rendez-vous
dashboard-appointments-empty = Vous n'avez aucun rendez-vous.
dashboard-messages-title = Messages
dashboard-messages-empty = Vous n'avez aucun message.
dashboard-notifications-title = Notifications
dashboard-notifications-empty = Vous n'avez aucune notification.
dashboard-unread = { $count ->
    [one] { $count } à lire
   *[other] { $count } à lire
}

## Hors ligne

offline-title = Pas de connexion internet
offline-text = Cette page a besoin d'une connexion internet. Les conditions d'entrée que vous avez déjà ouvertes sont toujours disponibles.
offline-link = Lire les conditions d'entrée

## Modification du contenu (administrateurs)

nav-admin-content = Conditions d'entrée
admin-content-title = Modifier les conditions d'entrée
admin-content-language = Langue de cette version
field-title = Titre
field-summary = Résumé
field-summary-hint = Une phrase, affichée dans la liste.
field-body = Texte
field-body-hint = Markdown : ## pour un titre, - pour un élément de liste, une ligne vide entre les paragraphes.
admin-content-preview = Aperçu
admin-content-save = Enregistrer comme nouvelle version
admin-content-saved = La nouvelle version est enregistrée et publiée.
admin-content-preview-title = Aperçu
admin-content-history = Versions
admin-content-version = Version { $version }, { $date }
error-content-slug = Cette page n'existe pas.
error-content-title = Entrez un titre de 200 caractères au maximum.
error-content-summary = Écrivez un résumé de 300 caractères au maximum.
error-content-body = Entrez le texte, jusqu'à 50 000 caractères.

## Accueil du personnel

staff-capacity-title = Capacité par jour à chaque point d'entrée
staff-port = Point d'entrée
staff-zone = Fuseau horaire
staff-daily-capacity = Rendez-vous par jour
staff-total = Tous les points d'entrée

## Organisations partenaires et envoi des messages

nav-partner = Accueil des organisations partenaires
nav-admin-deliveries = Envoi des messages
partner-title = Accueil des organisations partenaires
partner-intro = Ici, vous voyez les points d'entrée et le nombre de rendez-vous que chacun propose par jour. Vous pouvez ainsi aider les personnes que vous accompagnez à préparer leur voyage.
partner-entry-requirements = Lire les conditions d'entrée pour les partager avec les personnes que vous aidez
admin-deliveries-title = Envoi des messages
admin-deliveries-intro = Tous les e-mails et SMS envoyés par Puerta, et s'ils sont arrivés. Les adresses e-mail, les numéros de téléphone et le contenu des messages ne sont jamais affichés ici.
admin-deliveries-status = Statut
admin-deliveries-any = Tous les statuts
admin-deliveries-empty = Aucun message ne correspond.
admin-deliveries-created = Mis en file d'attente le
admin-deliveries-kind = Message
admin-deliveries-attempts = Tentatives
admin-deliveries-next = Prochaine tentative
delivery-status-created = En attente d'envoi
delivery-status-sending = En cours d'envoi
delivery-status-delivered = Remis
delivery-status-temporary_failure = Pas encore remis (nouvel essai prévu)
delivery-status-permanent_failure = Impossible à remettre (adresse ou numéro refusé)
delivery-status-technical_failure = Non envoyé (problème dans notre système)
delivery-channel-email = e-mail
delivery-channel-sms = SMS
list-next-page = Page suivante
error-id-invalid = Cet identifiant n'est pas valide. Copiez-le de nouveau depuis la liste.
error-cursor-invalid = Ce lien de page n'est pas valide. Revenez à la première page et réessayez.
error-audit-action-unknown = Cette action n'existe pas. Utilisez un nom de la liste, par exemple sign_in_failed.
error-delivery-status-unknown = Ce statut n'existe pas. Choisissez-en un dans la liste.

## Account guards and busy networks (issue 8)
problem-sign_in_locked = Trop de mauvais mots de passe ont été essayés sur ce compte. Réessayez dans { $minutes } minutes, ou réinitialisez votre mot de passe maintenant : nous vous enverrons un code par e-mail.
problem-proof_required = Beaucoup de demandes arrivent de votre réseau en ce moment. Résolvez la vérification du champ « challenge » et renvoyez la demande avec la réponse.
error-proof-required = Beaucoup de personnes utilisent cette connexion en ce moment. Votre navigateur fait d'abord une vérification rapide. Quand il indique qu'elle est terminée, renvoyez le formulaire.
proof-working = Vérification de votre connexion. Cela prend quelques secondes.
proof-done = C'est fait. Vous pouvez envoyer le formulaire.
proof-no-script = Cette vérification a besoin de JavaScript. Activez JavaScript, ou réessayez dans quelques minutes.
email-mfa-enabled-subject = La vérification en deux étapes est activée sur votre compte Puerta
email-mfa-enabled-body = La vérification en deux étapes a été activée sur votre compte Puerta, et tous les autres appareils ont été déconnectés. Si ce n'était pas vous, réinitialisez votre mot de passe maintenant.
totp-password = Votre mot de passe
totp-password-hint = Pour protéger votre compte, saisissez à nouveau votre mot de passe.

## The reader's time zone (issue 9)
account-time-zone = Fuseau horaire
field-time-zone-hint = Nous affichons toutes les heures dans ce fuseau, avec son nom.
account-change-time-zone-title = Choisissez votre fuseau horaire
account-change-time-zone-submit = Enregistrer le fuseau horaire
account-time-zone-changed = Votre fuseau horaire est enregistré.
error-time-zone-invalid = Choisissez un fuseau horaire dans la liste.
zone-america-mexico-city = heure de Mexico (Guadalajara, Monterrey)
zone-america-tijuana = heure du Pacifique (Tijuana, Mexicali)
zone-america-hermosillo = heure de l'Arizona et du Sonora (Hermosillo, Nogales)
zone-america-ciudad-juarez = heure des Rocheuses (Ciudad Juárez, la même qu'à El Paso)
zone-america-matamoros = heure du Texas (Matamoros, Reynosa, Nuevo Laredo)
zone-america-cancun = heure de Cancún (Quintana Roo)
# The language page (the header links to it from every page).
language-title = Choisissez votre langue
language-back = Revenir sans changer de langue

## Cases and documents (issue 10)
error-reference-format = Entrez le numéro de référence avec 3 lettres et 10 chiffres, par exemple PUE 4829 3017 58.
error-reference-check-digit = Ce numéro de référence contient une faute de frappe. Vérifiez chaque chiffre sur votre reçu et réessayez.
error-case-status-unknown = Ce statut de dossier n'existe pas. Choisissez-en un dans la liste.
case-status-received = Nous avons reçu vos informations.
case-status-in_review = Un agent examine votre dossier.
case-status-evidence_requested = Nous avons besoin d'autres documents de votre part.
case-status-evidence_received = Nous avons reçu les documents que vous avez envoyés.
case-status-approved = Votre dossier est approuvé.
case-status-denied = Votre dossier est refusé.
case-status-appeal_received = Nous avons reçu votre recours.
case-status-appeal_upheld = Une décision a été prise sur votre recours : le refus est maintenu.
case-status-appeal_granted = Une décision a été prise sur votre recours : le refus est annulé.
case-status-withdrawn = Vous avez retiré ce dossier.
case-next-received = Vous n'avez rien à faire pour l'instant. Un agent va examiner votre dossier. Nous vous préviendrons si nous avons besoin de quelque chose.
case-next-in_review = Vous n'avez rien à faire pour l'instant. Nous vous préviendrons si nous avons besoin d'autres documents.
case-next-evidence_requested = Envoyez les documents demandés avant la date limite. Votre dossier reste en attente tant que vous ne les avez pas envoyés.
case-next-evidence_received = Vous n'avez rien à faire pour l'instant. Un agent va examiner vos documents.
case-next-approved = Lisez les prochaines étapes dans l'avis de décision.
case-next-denied = Lisez les motifs dans l'avis de décision. Vous pouvez faire un recours dans les 30 jours qui suivent la décision.
case-next-appeal_received = Vous n'avez rien à faire pour l'instant. Un superviseur qui n'a pas pris la première décision va décider de votre recours.
case-next-appeal_upheld = Votre dossier est fermé. Lisez les motifs dans la décision sur votre recours.
case-next-appeal_granted = Lisez les prochaines étapes dans la décision sur votre recours.
case-next-withdrawn = Votre dossier est fermé. Vous n'avez rien à faire.
problem-illegal_transition = Ce dossier ne peut pas passer à ce statut depuis son statut actuel. Rechargez le dossier pour voir où il en est.
problem-evidence_not_due = Le voyageur a encore le temps d'envoyer les documents demandés. Vous pourrez décider après la date limite, ou quand il aura répondu.
problem-appeal_late = Le délai de recours est terminé. Un recours doit arriver dans les 30 jours qui suivent la décision.
problem-appeal_already_made = Ce dossier a déjà fait l'objet d'un recours. Un seul recours est possible par dossier.
problem-appeal_same_decider = Vous avez pris la décision sur ce dossier : vous ne pouvez donc pas décider du recours. Un autre superviseur doit le faire.
problem-group_full = Un groupe peut compter 10 voyageurs au maximum : vous et 9 personnes qui voyagent avec vous.
problem-already_open = Ce voyageur a déjà un dossier ouvert. Suivez ce dossier au lieu d'envoyer de nouveau les informations.
error-group-empty = Choisissez au moins un voyageur.
error-group-duplicate = Chaque voyageur ne peut figurer qu'une seule fois dans les informations que vous envoyez.
error-traveler-unknown = Ce voyageur n'est pas dans votre compte. Ajoutez-le d'abord.
error-text-too-long = Écrivez 100 caractères au maximum.
error-text-control = Écrivez ce texte sur une seule ligne, sans tabulations ni autres caractères spéciaux.
error-text-bidi = Ce texte contient des caractères cachés qui changent le sens de l'écriture. Tapez-le de nouveau au lieu de le copier.
error-text-separator = Écrivez ce texte sur une seule ligne, sans retour à la ligne ni saut de paragraphe.
error-country-invalid = Choisissez un pays dans la liste.
error-date-of-birth-format = Entrez la date de naissance avec l'année, le mois et le jour, par exemple 1990-07-04.
error-date-of-birth-future = La date de naissance doit être aujourd'hui ou dans le passé.
error-date-of-birth-too-old = Vérifiez l'année : la date de naissance doit être en 1900 ou après, et ne pas remonter à plus de 120 ans.
error-gender-invalid = Choisissez une des options, ou laissez ce champ vide.
gender-female = Femme
gender-male = Homme
gender-non_binary = Non binaire
gender-unspecified = Je préfère ne pas répondre
error-document-type-invalid = Choisissez le type de document dans la liste.
error-document-number-required = Entrez le numéro du document.
error-document-number-invalid = Entrez le numéro du document avec seulement des lettres de A à Z, des chiffres et des tirets, 30 caractères au maximum.
error-document-expiry-format = Entrez la date d'expiration avec l'année, le mois et le jour, par exemple 2030-01-31.
error-document-expiry-too-late = Vérifiez la date d'expiration : elle est trop loin dans le futur.
notice-document-expired = Ce document a expiré. Vous pouvez quand même l'utiliser ; un agent en tiendra compte.
error-us-state-invalid = Choisissez dans la liste un État ou un territoire des États-Unis.
error-us-postal-code-invalid = Entrez un code postal américain (ZIP) de 5 chiffres, par exemple 78520, ou ZIP+4, par exemple 78520-1234.
error-document-empty = Le fichier est vide. Choisissez de nouveau le fichier.
error-document-too-big = Le fichier dépasse { $limit }. Envoyez un fichier plus petit, ou numérisez-le avec une résolution plus basse.
error-document-type = Le fichier doit être un PDF, JPEG, PNG ou TIFF.
error-document-name-mismatch = Le nom du fichier ne correspond pas à son type. Renommez-le avec la bonne extension (.pdf, .jpg, .png ou .tif) et envoyez-le de nouveau.
error-document-corrupt = Le fichier est endommagé ou incomplet. Enregistrez-le ou numérisez-le de nouveau, puis envoyez le nouveau fichier.
error-document-polyglot = Le fichier contient autre chose que le document, par exemple des données cachées après sa fin. Enregistrez-le de nouveau en PDF, JPEG, PNG ou TIFF, puis envoyez le nouveau fichier.
error-document-active-content = Le PDF contient des scripts, des actions ou des fichiers joints. Imprimez-le dans un nouveau PDF et envoyez celui-ci.
error-document-encrypted = Le PDF est protégé par un mot de passe. Retirez le mot de passe et envoyez-le de nouveau.
error-document-pixels = L'image a trop de pixels. Numérisez-la ou enregistrez-la avec une résolution plus basse.
error-document-pages = Le TIFF a plus d'une page. Envoyez chaque page séparément, ou envoyez un PDF.
error-document-name = Ce nom de fichier ne peut pas être utilisé. Renommez le fichier avec seulement des lettres, des chiffres, des espaces, des points et des tirets.
error-document-kind = Choisissez ce qu’est le document : passeport, carte nationale d’identité, acte de naissance, justificatif, recours ou autre.
error-document-quota = Ce dossier contient déjà autant de documents que possible ({ $limit } au total). Contactez-nous si vous devez en envoyer d’autres.

## Receipt email (issue 10)
email-application-received-subject = Nous avons reçu vos informations
email-application-received-body = Nous avons reçu les informations que vous avez envoyées pour votre groupe. Chaque voyageur a son propre dossier et son numéro de référence :

    { $references }

    Gardez ces numéros. Vous pouvez suivre chaque dossier dans votre compte Puerta.

## Traitement des dossiers : prise en charge, demandes de documents, décisions, recours (issue 10)
problem-already_claimed = Un autre agent a déjà pris ce dossier. Rechargez la liste et choisissez un autre dossier.
error-long-text-too-long = Écrivez 4 000 caractères ou moins.
error-evidence-items = Indiquez au moins 1 document à demander, et 20 au maximum.
error-evidence-due-date = Choisissez une date limite entre demain et 12 semaines à partir d'aujourd'hui, par exemple 2027-01-15. Laissez vide pour donner 30 jours.
error-outcome-invalid = Choisissez une des décisions de la liste.
error-reason-codes-required = Un refus doit indiquer au moins 1 motif. Choisissez les motifs dans la liste.
error-reason-code-unknown = Un des motifs n'est pas dans la liste. Choisissez les motifs dans la liste.
reason-incomplete_information = Il manque des informations dont nous avons besoin dans votre formulaire envoyé.
reason-inconsistent_information = Certaines informations que vous avez données ne correspondent pas à d'autres informations ou documents.
reason-identity_not_established = Nous n'avons pas pu confirmer votre identité.
reason-insufficient_evidence = Les documents que vous avez envoyés ne montrent pas ce que dit votre formulaire envoyé.
reason-no_evidence_response = Nous n'avons pas reçu les documents demandés avant la date limite.
email-case-updated-subject = Du nouveau dans votre dossier { $reference }
email-case-updated-body = Il y a du nouveau dans votre dossier { $reference }. Vous pouvez le voir quand vous vous connectez à votre compte Puerta.
email-evidence-requested-subject = Nous avons besoin d'autres documents pour votre dossier { $reference }
email-evidence-requested-body = Pour continuer l'examen de votre dossier { $reference }, un agent a besoin de ces documents :

    { $items }

    Envoyez-les dans votre compte Puerta au plus tard le { $date }. Votre dossier est en attente jusqu'à ce que vous les envoyiez. Si vous ne les envoyez pas à temps, l'agent peut décider avec les informations qu'il a.
email-case-approved-subject = Votre dossier { $reference } est approuvé
email-case-approved-body = Votre dossier { $reference } est approuvé. Connectez-vous à votre compte Puerta pour lire la décision et les prochaines étapes.
email-case-denied-subject = Décision sur votre dossier { $reference }
email-case-denied-body = Votre dossier { $reference } est refusé, pour ces motifs :

    { $reasons }

    Vous pouvez lire toute la décision dans votre compte Puerta.
email-case-denied-appeal = Vous pouvez faire un recours contre cette décision. Pour cela, connectez-vous à votre compte Puerta, ouvrez le dossier et expliquez pourquoi la décision doit changer. Votre recours doit arriver au plus tard le { $date }. Un superviseur qui n'a pas pris cette décision décidera de votre recours.
email-appeal-decided-subject = Décision sur votre recours pour le dossier { $reference }
email-appeal-granted-body = Votre recours pour le dossier { $reference } est accepté : le refus est annulé. Connectez-vous à votre compte Puerta pour lire la décision et les prochaines étapes.
email-appeal-upheld-body = Une décision a été prise sur votre recours pour le dossier { $reference } : le refus est maintenu. Connectez-vous à votre compte Puerta pour lire les motifs.

# Officer work on cases (queue, notes, assignment, reasons)
error-port-unknown = Choisissez un point d'entrée dans la liste.
error-queue-age = Saisissez un nombre de jours entre 1 et 3650.
error-assignee-not-officer = Choisissez un agent ou un superviseur actif.
error-reason-code-format = Utilisez de 2 à 64 lettres minuscules, chiffres ou tirets bas, en commençant par une lettre, par exemple document_expired.
error-reason-title-too-long = Utilisez 300 caractères au maximum.
problem-reason_code_taken = Un motif avec ce code existe déjà. Choisissez un autre code.
email-evidence-arrived-subject = Documents reçus pour le dossier { $reference }
email-evidence-arrived-body = Le voyageur a envoyé les documents demandés pour le dossier { $reference }. Le dossier est de retour dans votre liste de travail.
decision-approved-next-steps = Vous pouvez maintenant demander un rendez-vous à un point d'entrée. Gardez votre numéro de référence. Le jour venu, apportez votre pièce d'identité et les documents que vous nous avez envoyés.

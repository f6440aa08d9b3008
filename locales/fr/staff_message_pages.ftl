# Pages du personnel pour les messages des voyageurs (la boîte de réception des agents et une conversation) et le
# formulaire des administrateurs pour les avis généraux.

## Noms des langues, pour le personnel (la langue nommée dans la langue du lecteur, puis dans cette langue elle-même)

staffmsg-language-en = anglais (English)
staffmsg-language-es = espagnol (español)
staffmsg-language-ht = créole haïtien (kreyòl ayisyen)
staffmsg-language-pt = portugais (português)
staffmsg-language-fr = français

## Page principale du personnel

staffmsg-home-link = { $count ->
    [0] Messages des voyageurs (aucun en attente)
    [one] Messages des voyageurs (1 en attente)
   *[other] Messages des voyageurs ({ $count } en attente)
}

## La boîte de réception des agents

staffmsg-inbox-title = Messages des voyageurs
staffmsg-inbox-intro = Les conversations qui ont le message le plus récent apparaissent en premier. « En attente » veut dire que le voyageur a écrit et qu'aucun agent n'a encore lu le message.
staffmsg-tabs-label = Conversations à afficher
staffmsg-tab-unassigned = Non attribuées
staffmsg-tab-mine = Celles que je traite
staffmsg-tab-all = Toutes les conversations
staffmsg-inbox-empty = Il n'y a aucune conversation ici.
staffmsg-col-subject = Objet
staffmsg-col-case = Dossier
staffmsg-col-last = Dernier message
staffmsg-col-state = État
staffmsg-col-holder = Traitée par
staffmsg-no-case = Sans lien avec un dossier
staffmsg-state-waiting = En attente
staffmsg-state-answered = Réponse envoyée
staffmsg-state-read = Lue, pas encore de réponse

## Une conversation

staffmsg-case-label = Dossier
staffmsg-language-label = Langue du voyageur
staffmsg-holder-title = Qui traite cette conversation
staffmsg-holder-is = Traitée par : { $name }
staffmsg-take = Prendre cette conversation
staffmsg-release = Laisser cette conversation
staffmsg-assign-label = Confier cette conversation à
staffmsg-assign-submit = Confier la conversation
staffmsg-conversation-title = Messages
staffmsg-from-traveler = Le voyageur
staffmsg-from-officer = Un agent
staffmsg-attachment = Document
staffmsg-reply-title = Réponse
staffmsg-templates-title = Réponses toutes prêtes
staffmsg-templates-intro = Ces réponses sont écrites en { $language }, la langue du voyageur. Choisissez-en une pour la mettre dans la zone de réponse. Ensuite, modifiez-la si besoin avant de l'envoyer.
staffmsg-reply-label = Votre réponse
staffmsg-reply-hint = Le voyageur voit exactement ce que vous écrivez. Les liens ne fonctionnent pas dans les messages. Écrivez 5 000 caractères au maximum.
staffmsg-reply-submit = Envoyer la réponse
staffmsg-back-to-inbox = Retour aux messages

## Messages après une étape

staffmsg-notice-taken = Vous traitez maintenant cette conversation.
staffmsg-notice-released = Vous avez laissé cette conversation. N'importe quel agent peut maintenant la prendre.
staffmsg-notice-assigned = La conversation est confiée à l'agent que vous avez choisi.
staffmsg-notice-sent = Votre réponse est envoyée. Le voyageur est prévenu qu'il a un nouveau message.

## Avis généraux (administrateurs)

adminnotice-nav = Avis généraux
adminnotice-title = Publier un avis général
adminnotice-intro = Un avis général apparaît dans les notifications de toutes les personnes concernées, y compris celles qui créeront un compte plus tard. Les personnes qui ont choisi de recevoir les avis généraux par e-mail ou par SMS le reçoivent aussi de cette façon.
adminnotice-words-title = Ce que dit l'avis
adminnotice-words-hint = Écrivez le titre et le texte en anglais, en espagnol et en créole haïtien. Le portugais et le français sont facultatifs : si vous les laissez vides, les personnes qui lisent ces langues voient le texte en anglais.
adminnotice-legend-required = Version en { $language } (obligatoire)
adminnotice-legend-optional = Version en { $language } (facultative)
adminnotice-title-label = Titre
adminnotice-body-label = Texte
adminnotice-who-title = À qui il s'adresse
adminnotice-audience-legend = Qui doit voir cet avis ?
adminnotice-audience-all = Tout le monde
adminnotice-audience-port = Les voyageurs qui ont demandé un rendez-vous, ou qui en ont un, à un seul point d'entrée
adminnotice-audience-staff = Le personnel seulement
adminnotice-port-label = Point d'entrée
adminnotice-port-hint = Seulement si l'avis s'adresse aux voyageurs d'un seul point d'entrée.
adminnotice-port-choose = Choisissez un point d'entrée
adminnotice-when-title = Quand il apparaît
adminnotice-publish-label = Date et heure (facultatif)
adminnotice-publish-hint = Laissez vide pour publier l'avis tout de suite. L'heure est celle de votre fuseau horaire : { $zone }.
adminnotice-submit = Publier l'avis
adminnotice-error-title-missing = Écrivez le titre en { $language }.
adminnotice-error-body-missing = Écrivez le texte en { $language }.
adminnotice-error-publish-format = Indiquez la date et l'heure, par exemple 2026-03-27 09:30.
adminnotice-error-publish-skipped = Cette heure n'existe pas dans votre fuseau horaire, car on avance les horloges à ce moment-là. Choisissez une autre heure.
adminnotice-notice-published = L'avis est publié.
adminnotice-notice-scheduled = L'avis est enregistré. Il apparaîtra à l'heure que vous avez choisie.

adminnotice-list-title = Avis déjà rédigés
adminnotice-list-empty = Aucun avis n’a encore été rédigé.
adminnotice-list-state = État
adminnotice-state-published = Publié
adminnotice-state-scheduled = Programmé

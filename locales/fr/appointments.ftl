# Rendez-vous (issue 11) : la vérification de la zone desservie, à la demande et à la confirmation d'un rendez-vous.
geofence-refused-position = Nous n'avons pas pu lire votre position. Vérifiez que la localisation de votre téléphone est activée, puis réessayez.
geofence-refused-accuracy = Votre téléphone n'a donné qu'une position approximative. Activez la localisation de votre téléphone, autorisez ce site à utiliser votre position exacte, sortez ou approchez-vous d'une fenêtre, puis réessayez.
geofence-retry = Vérifier de nouveau ma position
geofence-outside-north-of-19 = Votre position est en dehors de la zone que nous desservons. Vous pouvez demander un rendez-vous, et le confirmer, seulement si vous êtes dans le nord ou le centre du Mexique : par exemple dans une ville de la frontière, à Monterrey, Guadalajara, Mexico, Puebla, Veracruz, Mérida ou Cancún. Plus au sud, ce n'est pas possible : par exemple à Cuernavaca, Acapulco, Oaxaca, Villahermosa, Tapachula ou Chetumal.
geofence-outside-north-of-19-chiapas-tabasco = Votre position est en dehors de la zone que nous desservons. Vous pouvez demander un rendez-vous, et le confirmer, seulement si vous êtes dans le nord ou le centre du Mexique (par exemple dans une ville de la frontière, à Monterrey, Guadalajara, Mexico, Puebla, Veracruz, Mérida ou Cancún) ou dans les États du Chiapas et du Tabasco. Ailleurs dans le sud, ce n'est pas possible : par exemple à Cuernavaca, Acapulco, Oaxaca ou Chetumal.
geofence-outside-mexico = Votre position est en dehors de la zone que nous desservons. Vous pouvez demander un rendez-vous, et le confirmer, seulement si vous êtes au Mexique (n'importe où dans le pays).

# Refus de l'API et des pages de rendez-vous.
problem-request_window_closed = Les demandes de rendez-vous ne sont pas acceptées en ce moment. Vous pourrez demander un rendez-vous à partir du { $time }.
problem-outside_service_area = Votre position est en dehors de la zone que nous desservons.
problem-location_imprecise = Votre téléphone n'a donné qu'une position approximative. Activez la localisation précise, puis réessayez.
problem-already_requested = Vous avez déjà fait une demande pour ce voyageur dans ce tirage au sort. Attendez le résultat, qui arrive demain.
problem-already_scheduled = Ce voyageur a déjà un rendez-vous proposé ou un rendez-vous confirmé. Utilisez-le, ou annulez-le d'abord.
problem-draw_closed = La période de demande de ce tirage au sort est terminée, la demande ne peut donc plus être retirée.
problem-draw_frozen = La liste des demandes de ce tirage au sort est déjà arrêtée, ses places ne peuvent donc plus changer.
problem-draw_not_frozen = La valeur aléatoire publique ne peut être enregistrée qu'une seule fois, après la fin de la période de demande et avant le tirage au sort.
problem-draw_already_run = Ce tirage au sort a déjà eu lieu.
problem-public_randomness_missing = Ce tirage au sort attend sa valeur aléatoire publique. Enregistrez-la d'abord.
problem-offer_expired = Le délai pour confirmer ce rendez-vous est terminé. Vous pouvez demander un nouveau rendez-vous.
problem-not_offered = Ce rendez-vous ne peut plus être confirmé.
problem-not_cancellable = Ce rendez-vous ne peut plus être annulé.
problem-photo_required = Chaque voyageur a besoin d'une photo prise aujourd'hui. Prenez les photos qui manquent, puis confirmez.
problem-already_checked_in = L'arrivée de ce groupe a déjà été enregistrée.
appointment-error-date = Entrez une date, par exemple 2026-12-24.
appointment-error-no-travelers = Choisissez au moins un voyageur.
appointment-error-traveler-twice = Chaque voyageur ne peut être choisi qu'une seule fois.
appointment-error-no-case = Envoyez d'abord les informations de ce voyageur. Ensuite, vous pourrez demander un rendez-vous.
appointment-error-photo-required = Prenez maintenant une photo de ce voyageur.
appointment-error-photo-missing = Choisissez ou prenez une photo.
appointment-error-photo-type = La photo doit être une image JPEG ou PNG prise avec votre appareil photo.
appointment-error-birth-mismatch = Personne dans ce groupe n'a cette date de naissance. Vérifiez la date et le numéro de confirmation.
appointment-error-randomness-source = Indiquez où la valeur a été publiée, en 200 caractères au maximum.
appointment-error-randomness-value = Entrez la valeur en hexadécimal, avec au moins 32 chiffres.
appointment-error-time = Entrez une heure, par exemple 12:00.
appointment-error-zone = Entrez un fuseau horaire, par exemple America/New_York.
appointment-error-share = Entrez un nombre de 0 à 1000 (en millièmes : 500 correspond à la moitié).
appointment-error-lead-days = Entrez un nombre de jours de 0 à 60.
appointment-error-policy = Choisissez une des zones desservies de la liste.
appointment-error-window = La période de demande doit commencer avant de se terminer.
appointment-error-places = Entrez un nombre de places de 0 à 10000.

# E-mails et SMS sur les rendez-vous.
email-appointment-offered-subject = Un rendez-vous vous est proposé : confirmez-le à temps
email-appointment-offered-body = Votre groupe a obtenu une place pour un rendez-vous à { $port } le { $time }. Connectez-vous à votre compte Puerta et confirmez le rendez-vous avant le { $deadline }. Pour le confirmer, vous devez être dans la zone que nous desservons et prendre une photo de chaque voyageur. Si vous ne confirmez pas à temps, la place ira à un autre groupe. Les rendez-vous sont gratuits : personne n'a le droit de vous demander de l'argent.
sms-appointment-offered = Puerta : votre groupe a obtenu une place pour un rendez-vous à { $port }. Connectez-vous et confirmez avant le { $deadline }. Les rendez-vous sont gratuits.
email-appointment-confirmed-subject = Votre rendez-vous est confirmé
email-appointment-confirmed-body = Votre rendez-vous à { $port } est prévu le { $time }. Votre numéro de confirmation est { $number }. Présentez-le au point d'entrée avec les pièces d'identité de chaque voyageur. Arrivez à l'heure.
email-appointment-released-subject = Le rendez-vous proposé n'est plus disponible
email-appointment-expired-body = Le délai pour confirmer votre rendez-vous à { $port } est terminé, la place a donc été donnée à un autre groupe. Vous pourrez demander un nouveau rendez-vous lors de la prochaine période de demande.
email-appointment-cancelled-body = Vous avez annulé votre rendez-vous à { $port }, la place a donc été donnée à un autre groupe. Vous pourrez demander un nouveau rendez-vous lors de la prochaine période de demande.
email-scheduling-changed-subject = Les règles des rendez-vous ont changé
email-scheduling-changed-body = Les règles des rendez-vous ont changé après votre demande (les horaires, les places ou la zone desservie). Connectez-vous à votre compte Puerta pour voir ce que cela change pour votre demande.

# Citas (issue 11): la revisión de la zona atendida al pedir y al confirmar una cita.
geofence-refused-position = No pudimos leer su ubicación. Revise que la ubicación de su teléfono esté activada y vuelva a intentarlo.
geofence-refused-accuracy = Su teléfono solo dio una ubicación aproximada. Active la ubicación de su teléfono, permita que esta página use su ubicación exacta, salga al aire libre o acérquese a una ventana y vuelva a intentarlo.
geofence-retry = Revisar mi ubicación otra vez
geofence-outside-north-of-19 = Su ubicación está fuera de la zona que atendemos. Solo puede pedir una cita, y confirmarla, si está en el norte o el centro de México: por ejemplo en una ciudad de la frontera, Monterrey, Guadalajara, la Ciudad de México, Puebla, Veracruz, Mérida o Cancún. Más al sur no se puede: por ejemplo en Cuernavaca, Acapulco, Oaxaca, Villahermosa, Tapachula o Chetumal.
geofence-outside-north-of-19-chiapas-tabasco = Su ubicación está fuera de la zona que atendemos. Solo puede pedir una cita, y confirmarla, si está en el norte o el centro de México (por ejemplo en una ciudad de la frontera, Monterrey, Guadalajara, la Ciudad de México, Puebla, Veracruz, Mérida o Cancún) o en los estados de Chiapas y Tabasco. En el resto del sur no se puede: por ejemplo en Cuernavaca, Acapulco, Oaxaca o Chetumal.
geofence-outside-mexico = Su ubicación está fuera de la zona que atendemos. Solo puede pedir una cita, y confirmarla, si está en México (en cualquier parte del país).

# Rechazos de la API y de las páginas de citas.
problem-request_window_closed = En este momento no se reciben peticiones de cita. Puede volver a pedir una cita a partir del { $time }.
problem-outside_service_area = Su ubicación está fuera de la zona que atendemos.
problem-location_imprecise = Su teléfono solo dio una ubicación aproximada. Active la ubicación exacta y vuelva a intentarlo.
problem-already_requested = Ya pidió una cita para este viajero en este sorteo. Espere el resultado, que llega mañana.
problem-already_scheduled = Este viajero ya tiene una cita ofrecida o una cita confirmada. Úsela, o primero cancélela.
problem-draw_closed = Ya terminó el horario para pedir citas de este sorteo, así que la petición ya no se puede retirar.
problem-draw_frozen = La lista de peticiones de este sorteo ya quedó fija, así que sus lugares ya no pueden cambiar.
problem-draw_not_frozen = El valor aleatorio público solo se puede registrar una vez, después de que cierre el horario para pedir citas y antes del sorteo.
problem-draw_already_run = Este sorteo ya se realizó.
problem-public_randomness_missing = Este sorteo está esperando su valor aleatorio público. Regístrelo primero.
problem-offer_expired = Ya terminó el plazo para confirmar esta cita. Puede volver a pedir una cita.
problem-not_offered = Esta cita ya no se puede confirmar.
problem-not_cancellable = Esta cita ya no se puede cancelar.
problem-photo_required = Cada viajero necesita una foto tomada hoy. Tome las fotos que faltan y después confirme.
problem-already_checked_in = La llegada de este grupo ya se registró.
appointment-error-date = Escriba una fecha, por ejemplo 2026-12-24.
appointment-error-no-travelers = Elija al menos un viajero.
appointment-error-traveler-twice = Cada viajero se puede elegir solo una vez.
appointment-error-no-case = Primero envíe los datos de este viajero. Después podrá pedir una cita.
appointment-error-photo-required = Tómele una foto a este viajero en este momento.
appointment-error-photo-missing = Elija o tome una foto.
appointment-error-photo-type = La foto debe ser una imagen JPEG o PNG tomada con su cámara.
appointment-error-birth-mismatch = Nadie en este grupo tiene esa fecha de nacimiento. Revise la fecha y el número de confirmación.
appointment-error-randomness-source = Indique dónde se publicó el valor, en 200 caracteres como máximo.
appointment-error-randomness-value = Escriba el valor en hexadecimal, con 32 dígitos como mínimo.
appointment-error-time = Escriba una hora, por ejemplo 12:00.
appointment-error-zone = Escriba una zona horaria, por ejemplo America/New_York.
appointment-error-share = Escriba un número del 0 al 1000 (en milésimas: 500 es la mitad).
appointment-error-lead-days = Escriba un número de días del 0 al 60.
appointment-error-policy = Elija una de las zonas atendidas de la lista.
appointment-error-window = El horario para pedir citas debe empezar antes de terminar.
appointment-error-places = Escriba un número de lugares del 0 al 10000.

# Correos y mensajes de texto sobre las citas.
email-appointment-offered-subject = Le tocó un lugar para una cita: confírmela a tiempo
email-appointment-offered-body = A su grupo le tocó un lugar para una cita en { $port } el { $time }. Inicie sesión en su cuenta de Puerta y confirme la cita antes del { $deadline }. Para confirmarla, necesita estar en la zona que atendemos y tomarle una foto a cada viajero. Si no la confirma a tiempo, el lugar pasa a otro grupo. Las citas son gratis: nadie tiene derecho a pedirle dinero.
sms-appointment-offered = Puerta: su grupo tiene un lugar para una cita en { $port }. Entre a su cuenta y confirme antes del { $deadline }. Las citas son gratis.
email-appointment-confirmed-subject = Su cita está confirmada
email-appointment-confirmed-body = Su cita en { $port } es el { $time }. Su número de confirmación es { $number }. Muéstrelo en el puerto de entrada (garita), junto con los documentos de identidad de cada viajero. Llegue a tiempo.
email-appointment-released-subject = La cita ofrecida ya no está disponible
email-appointment-expired-body = Terminó el plazo para confirmar su cita en { $port }, así que el lugar pasó a otro grupo. Puede volver a pedir una cita la próxima vez que abra el horario para pedir citas.
email-appointment-cancelled-body = Usted canceló su cita en { $port }, así que el lugar pasó a otro grupo. Puede volver a pedir una cita la próxima vez que abra el horario para pedir citas.
email-scheduling-changed-subject = Cambiaron las reglas de las citas
email-scheduling-changed-body = Las reglas de las citas cambiaron después de que usted pidió una (los horarios, los lugares o la zona atendida). Inicie sesión en su cuenta de Puerta para ver qué cambia para su petición de cita.

## Avisos: la bandeja de avisos, los correos y mensajes de texto que se hacen con ellos, los errores de mensajes y las respuestas predefinidas.
## Variables: $reference (un número de referencia de un caso), $status (el estado de un caso, en palabras), $port
## (el nombre de un puerto de entrada), $scheduled_at / $deadline / $due / $at (una fecha y hora con su zona horaria),
## $number (un número de confirmación), $granted / $expired ("yes" o "no"), $subject (el asunto de una
## conversación, tal como lo escribió el viajero), $references (números de referencia separados por comas).

notification-application-received-title = Recibimos sus datos
notification-application-received-body = Sus números de referencia son: { $references }. Guárdelos bien: los va a necesitar para seguir cada caso.
notification-case-updated-title = Hubo un cambio en su caso { $reference }
notification-case-updated-body = Nuevo estado: { $status }.
notification-evidence-requested-title = Necesitamos documentos para su caso { $reference }
notification-evidence-requested-body = Por favor, envíelos antes del { $due }. Abra el caso para ver qué documentos necesitamos.
notification-case-approved-title = Su caso { $reference } fue aprobado
notification-case-approved-body = Abra el caso para ver la decisión y lo que tiene que hacer después.
notification-case-denied-title = Su caso { $reference } fue negado
notification-case-denied-body = Abra el caso para leer los motivos. Tiene hasta el { $deadline } para apelar.
notification-appeal-decided-title = Ya hay una decisión sobre su apelación del caso { $reference }
notification-appeal-decided-body = { $granted ->
    [yes] Su apelación fue aceptada. Abra el caso para ver qué sigue.
   *[no] La primera decisión se mantiene. Abra el caso para leer por qué.
}
notification-appointment-offered-title = Le tocó un lugar para una cita
notification-appointment-offered-body = Cita en { $port } el { $scheduled_at }. Confírmela antes del { $deadline }. Si no la confirma a tiempo, el lugar pasa a otro grupo.
notification-offer-expiring-title = Queda poco tiempo para confirmar su cita
notification-offer-expiring-body = Confirme su cita en { $port } antes del { $deadline }. Si no la confirma a tiempo, el lugar pasa a otro grupo.
notification-appointment-confirmed-title = Su cita está confirmada
notification-appointment-confirmed-body = Cita en { $port } el { $scheduled_at }. Su número de confirmación es { $number }.
notification-appointment-reminder-title = Su cita es mañana
notification-appointment-reminder-body = Cita en { $port } el { $scheduled_at }. Lleve su número de confirmación ({ $number }) y los documentos de todas las personas de su grupo.
notification-appointment-released-title = La cita ofrecida ya no está disponible
notification-appointment-released-body = { $expired ->
    [yes] La cita en { $port } no se confirmó a tiempo, así que el lugar pasó a otro grupo. Puede volver a pedir una cita.
   *[no] Usted canceló su cita en { $port }. Puede volver a pedir una cita.
}
notification-appointment-cancelled-title = El puerto de entrada (garita) canceló su cita
notification-appointment-cancelled-body = El puerto de entrada canceló su cita en { $port } del { $scheduled_at }. Lo sentimos mucho. Puede volver a pedir una cita.
notification-scheduling-changed-title = Cambiaron las reglas de las citas
notification-scheduling-changed-body = Cambió una regla del sorteo en el que usted pidió una cita. Abra Citas para ver qué cambió.
notification-new-message-title = Nuevo mensaje de un oficial
notification-new-message-body = Asunto: { $subject }. Abra Mensajes para leerlo.
notification-sign-in-title = Nuevo inicio de sesión en su cuenta
notification-sign-in-body = Alguien inició sesión en su cuenta el { $at }. Si no fue usted, cambie su contraseña ahora.
notification-policy-notice-title = Aviso
notification-policy-notice-body = Se publicó un aviso nuevo.

# Mensaje de texto (SMS): solo caracteres GSM-7, sin acentos.
sms-sign-in-to-read = Entre a su cuenta de Puerta para ver los detalles.
email-sign-in-to-read = Inicie sesión en Puerta para ver los detalles. Nunca le pedimos su contraseña ni dinero por correo electrónico.

error-message-subject-missing = Escriba un asunto.
error-message-subject-too-long = El asunto puede tener hasta 200 caracteres.
error-message-body-missing = Escriba su mensaje.
error-message-body-too-long = Un mensaje puede tener hasta 5,000 caracteres. Divídalo en dos mensajes.
error-message-attachments-too-many = Puede adjuntar hasta 5 documentos en cada mensaje.
error-message-case-unknown = Este no es el número de referencia de ninguno de sus casos.
error-message-attachment-unknown = Este documento no es uno de los documentos de este caso.
error-message-attachment-needs-case = Solo se pueden enviar documentos en una conversación sobre un caso.
error-message-officer-unknown = Elija un oficial activo.
error-message-filter-unknown = Elija "sin asignar", "mías" o "todas".
error-preferences-critical = Este tipo de mensaje es demasiado importante para desactivarlo: deje activado el correo electrónico o el mensaje de texto.
error-preferences-category = Ese tipo de aviso no existe.
error-notice-language-unknown = Use solo los idiomas que ofrece Puerta (en, es, ht, pt, fr).
error-notice-too-long = El título puede tener hasta 200 caracteres, y el texto hasta 5,000.
error-notice-languages-missing = Escríbalo por lo menos en inglés, español y criollo haitiano.
error-notice-publish-at = Escriba una fecha y hora entre ahora y el año 2200.
error-notice-port-unknown = Elija uno de los ocho puertos de entrada.
error-notice-audience = Elija todos, un puerto de entrada o el personal.
error-limit-range = Elija un número del 1 al 200.

reply-template-received-label = Recibimos su mensaje
reply-template-received-body = Gracias por escribirnos. Recibimos su mensaje y un oficial le va a responder lo antes posible.
reply-template-need-documents-label = Pedir documentos
reply-template-need-documents-body = Para continuar, necesitamos más documentos. Por favor, súbalos en esta conversación o en la página de su caso.
reply-template-appointment-info-label = Cómo funcionan las citas
reply-template-appointment-info-body = Las citas se dan por medio de un sorteo diario. Puede pedir una cita una vez al día, en el horario que aparece en la página de Citas, si está en la zona que atendemos. Las citas son gratis, y nadie le puede vender un lugar.
reply-template-status-unchanged-label = Todavía no hay novedades
reply-template-status-unchanged-body = Todavía estamos revisando su caso. Le vamos a escribir en cuanto haya novedades. Por ahora no tiene que hacer nada.
reply-template-closing-label = Cerrar la conversación
reply-template-closing-body = Esperamos haber respondido su pregunta. Si necesita algo más, escríbanos aquí.

## Páginas: mensajes con los oficiales, avisos, cómo le avisamos, avisos en la página principal.
## Variables: $reference (un número de referencia de un caso, agrupado así: PUE 4829 3017 58), $name (el
## nombre de un viajero), $time (una fecha y hora con su zona horaria), $count (un número), $status (cómo
## fue el envío de un correo o mensaje de texto: delivered, failed o sending).

## Mensajes

msgpage-intro = Escriba a los oficiales que revisan los casos. Un oficial le va a responder aquí. Cuando haya una respuesta, le avisamos por correo electrónico o por mensaje de texto.
msgpage-scam-warning = Los oficiales nunca le piden dinero ni su contraseña. No le envíe dinero ni su contraseña a nadie.
msgpage-threads-title = Sus conversaciones
msgpage-threads-empty = Todavía no le ha escrito a ningún oficial.
msgpage-tag-unread = Respuesta nueva
msgpage-tag-answered = Respondida
msgpage-tag-waiting = Esperando respuesta
msgpage-about-case = Sobre el caso { $reference }
msgpage-last-message = Último mensaje: { $time }
msgpage-write-title = Escribir a un oficial
msgpage-subject-label = Asunto
msgpage-subject-hint = Unas pocas palabras sobre su pregunta, por ejemplo: Documentos para mi caso.
msgpage-case-label = Caso (opcional)
msgpage-case-hint = Elija un caso si su pregunta es sobre ese caso. Así también podrá enviar documentos en esta conversación.
msgpage-case-none = No es sobre un caso
msgpage-case-option = { $reference }, { $name }
msgpage-body-label = Su mensaje
msgpage-body-hint = Hasta 5,000 caracteres. Puede escribir en su propio idioma.
msgpage-send = Enviar mensaje
msgpage-notice-sent = Se envió su mensaje. Un oficial le va a responder aquí.
msgpage-thread-back = Todas sus conversaciones
msgpage-author-you = Usted
msgpage-author-officer = Oficial
msgpage-attachments = Documentos enviados con este mensaje:
msgpage-attachment-unnamed = Documento
msgpage-reply-title = Escribir una respuesta
msgpage-file-label = Agregar un documento (opcional)
msgpage-file-hint = Se agrega al caso { $reference }.
msgpage-file-no-case = Para enviar un documento, empiece una conversación nueva sobre su caso.
msgpage-reply-send = Enviar
msgpage-notice-replied = Se envió su mensaje.
msgpage-live-new-message = Llegó un mensaje nuevo a esta conversación.

## Avisos

notifpage-intro = Aquí está todo lo que le hemos avisado, lo más reciente primero. Las noticias importantes también se las enviamos por correo electrónico o por mensaje de texto.
notifpage-preferences-link = Elija cómo le avisamos: por correo electrónico, por mensaje de texto o por los dos
notifpage-empty = No tiene avisos.
notifpage-tag-unread = Sin leer
notifpage-tag-notice = Aviso general
notifpage-mark-read = Marcar como leído
notifpage-dismiss = Ocultar
notifpage-notice-read = El aviso quedó marcado como leído.
notifpage-notice-dismissed = Se ocultó el aviso general. Puede seguir leyéndolo en Avisos.
notifpage-latest = Estos son sus { $count } avisos más recientes.
notifpage-back-to-inbox = Volver a sus avisos
notifpage-standing-title = Avisos generales
notifpage-delivery-email = { $status ->
    [delivered] Se envió por correo electrónico.
    [failed] Se envió por correo electrónico, pero no llegó.
   *[sending] Se está enviando por correo electrónico.
}
notifpage-delivery-sms = { $status ->
    [delivered] Se envió por mensaje de texto.
    [failed] Se envió por mensaje de texto, pero no llegó.
   *[sending] Se está enviando por mensaje de texto.
}
notifpage-delivery-email-fallback = { $status ->
    [delivered] Se envió por correo electrónico en lugar de mensaje de texto.
    [failed] Se envió por correo electrónico en lugar de mensaje de texto, pero no llegó.
   *[sending] Se está enviando por correo electrónico en lugar de mensaje de texto.
}
notifpage-delivery-sms-fallback = { $status ->
    [delivered] Se envió por mensaje de texto en lugar de correo electrónico.
    [failed] Se envió por mensaje de texto en lugar de correo electrónico, pero no llegó.
   *[sending] Se está enviando por mensaje de texto en lugar de correo electrónico.
}

## Cómo le avisamos (preferencias de avisos)

notifpage-prefs-title = Cómo le avisamos
notifpage-prefs-intro = Siempre puede leer todo en Avisos. Para cada tipo de noticia, elija si también quiere que le enviemos un correo electrónico, un mensaje de texto o los dos.
notifpage-prefs-critical = Esto es importante: deje activado el correo electrónico, el mensaje de texto o los dos.
notifpage-prefs-no-phone = No nos ha dado un número de celular, así que no le podemos enviar mensajes de texto. Las noticias importantes se las enviamos por correo electrónico.
notifpage-prefs-add-phone = Agregar un número de celular
notifpage-prefs-save = Guardar mis opciones
notifpage-notice-preferences-saved = Se guardaron sus opciones.
notifpage-channel-email = Correo electrónico
notifpage-channel-sms = Mensaje de texto
notifpage-category-case-updates = Su caso
notifpage-category-case-updates-hint = Cuando recibimos sus datos y cuando cambia el estado de un caso.
notifpage-category-deadlines = Documentos que le pedimos
notifpage-category-deadlines-hint = Cuando le pedimos que envíe documentos antes de una fecha.
notifpage-category-decisions = Decisiones
notifpage-category-decisions-hint = Cuando hay una decisión sobre un caso o una apelación.
notifpage-category-offers = Citas ofrecidas
notifpage-category-offers-hint = Cuando le toca un lugar para una cita, y antes de que se acabe el plazo para confirmarla.
notifpage-category-appointments = Citas
notifpage-category-appointments-hint = Confirmaciones, recordatorios, cancelaciones y cambios en las reglas de las citas.
notifpage-category-messages = Mensajes de los oficiales
notifpage-category-messages-hint = Cuando un oficial le responde.
notifpage-category-security = Inicios de sesión
notifpage-category-security-hint = Cuando alguien inicia sesión en su cuenta.
notifpage-category-policy-notices = Avisos generales
notifpage-category-policy-notices-hint = Noticias sobre las reglas y los puertos de entrada, para todas las personas.

## Página principal

notifpage-dashboard-messages-text = Escriba a un oficial y lea sus respuestas.
notifpage-dashboard-notifications-text = Noticias sobre sus casos y sus citas, lo más reciente primero.

# Páginas del personal para los mensajes de los viajeros (la bandeja de los oficiales y una conversación) y el
# formulario de los administradores para los avisos generales.

## Nombres de los idiomas, para el personal (el idioma en el idioma de quien lee, y después en ese mismo idioma)

staffmsg-language-en = inglés (English)
staffmsg-language-es = español
staffmsg-language-ht = criollo haitiano (kreyòl ayisyen)
staffmsg-language-pt = portugués (português)
staffmsg-language-fr = francés (français)

## Página principal del personal

staffmsg-home-link = { $count ->
    [0] Mensajes de los viajeros (ninguno en espera)
    [one] Mensajes de los viajeros (1 en espera)
   *[other] Mensajes de los viajeros ({ $count } en espera)
}

## La bandeja de los oficiales

staffmsg-inbox-title = Mensajes de los viajeros
staffmsg-inbox-intro = Primero aparecen las conversaciones con el mensaje más reciente. "En espera" quiere decir que el viajero escribió y ningún oficial ha leído todavía el mensaje.
staffmsg-tabs-label = Qué conversaciones mostrar
staffmsg-tab-unassigned = Sin asignar
staffmsg-tab-mine = Las que tengo yo
staffmsg-tab-all = Todas las conversaciones
staffmsg-inbox-empty = No hay conversaciones aquí.
staffmsg-col-subject = Asunto
staffmsg-col-case = Caso
staffmsg-col-last = Último mensaje
staffmsg-col-state = Estado
staffmsg-col-holder = La tiene
staffmsg-no-case = No es sobre un caso
staffmsg-state-waiting = En espera
staffmsg-state-answered = Respondida
staffmsg-state-read = Leída, todavía sin respuesta

## Una conversación

staffmsg-case-label = Caso
staffmsg-language-label = Idioma del viajero
staffmsg-holder-title = Quién tiene esta conversación
staffmsg-holder-is = La tiene: { $name }
staffmsg-take = Tomar esta conversación
staffmsg-release = Dejar esta conversación
staffmsg-assign-label = Asignar esta conversación a
staffmsg-assign-submit = Asignar la conversación
staffmsg-conversation-title = Mensajes
staffmsg-from-traveler = El viajero
staffmsg-from-officer = Un oficial
staffmsg-attachment = Documento
staffmsg-reply-title = Respuesta
staffmsg-templates-title = Respuestas predefinidas
staffmsg-templates-intro = Estas respuestas están escritas en { $language }, el idioma del viajero. Elija una para ponerla en el cuadro de respuesta. Después, cámbiela como haga falta antes de enviarla.
staffmsg-reply-label = Su respuesta
staffmsg-reply-hint = El viajero ve exactamente lo que usted escribe. Los enlaces no funcionan en los mensajes. Escriba 5,000 caracteres como máximo.
staffmsg-reply-submit = Enviar la respuesta
staffmsg-back-to-inbox = Volver a los mensajes

## Avisos después de un paso

staffmsg-notice-taken = Ahora usted tiene esta conversación.
staffmsg-notice-released = Dejó esta conversación. Ahora cualquier oficial la puede tomar.
staffmsg-notice-assigned = La conversación se asignó al oficial que usted eligió.
staffmsg-notice-sent = Se envió su respuesta. Se le avisó al viajero que tiene un mensaje nuevo.

## Avisos generales (administradores)

adminnotice-nav = Avisos generales
adminnotice-title = Publicar un aviso general
adminnotice-intro = Un aviso general aparece en los avisos de todas las personas a las que va dirigido, también de las que creen una cuenta después. Las personas que eligieron recibir los avisos generales por correo electrónico o por mensaje de texto también lo reciben así.
adminnotice-words-title = Qué dice el aviso
adminnotice-words-hint = Escriba el título y el texto en inglés, español y criollo haitiano. El portugués y el francés son opcionales: si los deja vacíos, las personas que leen en esos idiomas ven el texto en inglés.
adminnotice-legend-required = Versión en { $language } (obligatoria)
adminnotice-legend-optional = Versión en { $language } (opcional)
adminnotice-title-label = Título
adminnotice-body-label = Texto
adminnotice-who-title = A quién va dirigido
adminnotice-audience-legend = ¿Quién debe ver este aviso?
adminnotice-audience-all = Todas las personas
adminnotice-audience-port = Los viajeros que pidieron una cita, o que ya tienen una, en un solo puerto de entrada (garita)
adminnotice-audience-staff = Solo el personal
adminnotice-port-label = Puerto de entrada (garita)
adminnotice-port-hint = Solo si el aviso es para los viajeros de un puerto de entrada.
adminnotice-port-choose = Elija un puerto de entrada
adminnotice-when-title = Cuándo aparece
adminnotice-publish-label = Fecha y hora (opcional)
adminnotice-publish-hint = Déjelo vacío para publicar el aviso ahora. La hora es la de su zona horaria: { $zone }.
adminnotice-submit = Publicar el aviso
adminnotice-error-title-missing = Escriba el título en { $language }.
adminnotice-error-body-missing = Escriba el texto en { $language }.
adminnotice-error-publish-format = Escriba la fecha y la hora, por ejemplo 2026-03-27 09:30.
adminnotice-error-publish-skipped = Esa hora no existe en su zona horaria, porque a esa hora se adelantan los relojes. Elija otra hora.
adminnotice-notice-published = Se publicó el aviso.
adminnotice-notice-scheduled = Se guardó el aviso. Va a aparecer a la hora que usted eligió.

adminnotice-list-title = Avisos ya escritos
adminnotice-list-empty = Todavía no se ha escrito ningún aviso.
adminnotice-list-state = Estado
adminnotice-state-published = Publicado
adminnotice-state-scheduled = Programado

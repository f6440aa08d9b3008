# Puerta — español (México). Un término por concepto; vea locales/GLOSSARY.md. Siempre "usted".
# Message ids: area-thing. Variables: { $name }.

## Marco del sitio

site-name = Puerta
site-tagline = Citas en los puertos de entrada (garitas) de Estados Unidos
skip-link = Ir al contenido principal
nav-label = Menú principal
nav-dashboard = Su página principal
nav-account = Su cuenta
nav-sign-in = Iniciar sesión
nav-register = Crear una cuenta
nav-sign-out = Cerrar sesión
nav-staff = Inicio del personal
nav-admin-users = Usuarios
nav-admin-audit = Registro de auditoría
language-switcher-label = Idioma
footer-text = Puerta es gratis. Nadie le puede vender una cita. Nunca le pague a nadie por una cita.
error-summary-title = Hay un problema
request-id-label = Folio para soporte: { $id }
session-warning = Su sesión se cerrará pronto porque lleva un rato sin actividad.
session-stay = Mantener la sesión abierta
back-link = Regresar

## Inicio

home-title = Pida una cita para cruzar la frontera a Estados Unidos
home-intro = Use Puerta para enviar sus datos antes de viajar. También puede pedir una cita en uno de los ocho puertos de entrada (garitas) de la frontera entre México y Estados Unidos.
home-start = Crear una cuenta
home-have-account = ¿Ya tiene una cuenta?

## Campos de formularios

field-email = Correo electrónico
field-email-hint = Le enviaremos un código a este correo.
field-full-name = Nombre completo
field-full-name-hint = Escriba su nombre como aparece en su pasaporte o identificación.
field-phone = Número de celular (opcional)
field-phone-hint = Incluya el código de país, por ejemplo +52 55 1234 5678.
field-password = Contraseña
field-new-password = Contraseña nueva
field-current-password = Contraseña actual
field-password-hint = Use al menos 12 caracteres que sean difíciles de adivinar. Funcionan bien tres o cuatro palabras sin relación entre sí que usted pueda recordar.
field-language = Idioma preferido
field-code = Código
field-code-hint = El código de 6 dígitos que le enviamos.
field-totp-code = Código de su aplicación de autenticación
field-totp-code-hint = 6 dígitos. Si perdió su teléfono, escriba uno de sus códigos de recuperación.
field-role = Rol
field-new-email = Correo electrónico nuevo

## Mensajes de validación (junto al campo)

error-email-invalid = Escriba un correo electrónico con el formato correcto, por ejemplo nombre@example.com.
error-email-undeliverable = No podemos enviar mensajes a un correo electrónico escrito así. Use un correo sin espacios, comillas ni corchetes, por ejemplo nombre@example.com.
error-password-too-short = Su contraseña debe tener al menos 12 caracteres.
error-password-too-long = Su contraseña debe tener 128 caracteres o menos.
error-password-common = Mucha gente usa esta contraseña, así que es fácil de adivinar. Elija otra.
error-password-weak = Esta contraseña es fácil de adivinar. Elija una contraseña más larga y difícil de adivinar: tres o cuatro palabras sin relación entre sí funcionan bien. No use su nombre, su correo electrónico, la palabra "Puerta", letras repetidas, filas del teclado ni números seguidos (como 1234).
error-full-name-required = Escriba su nombre completo.
error-full-name-too-long = Su nombre completo debe tener 200 caracteres o menos.
error-full-name-control = Su nombre no puede tener saltos de línea, tabulaciones ni otros caracteres especiales. Escríbalo en una sola línea.
error-full-name-bidi = Su nombre tiene caracteres ocultos que cambian la dirección del texto. Escriba su nombre otra vez, sin copiarlo y pegarlo.
error-full-name-separator = Su nombre no puede tener saltos de línea ni de párrafo. Escríbalo en una sola línea.
error-phone-invalid = Escriba un número de celular con el código de país, por ejemplo +52 55 1234 5678.
error-language-invalid = Elija uno de los idiomas de la lista.
error-code-format = Escriba el código de 6 dígitos.
error-code-wrong = Este código no es correcto o ya venció. Revise el código o pida uno nuevo.
error-current-password-wrong = Su contraseña actual no es correcta.
error-role-invalid = Elija uno de los roles de la lista.
error-field-required = Este campo es obligatorio.
error-field-invalid = Lo que escribió aquí no es correcto o no está bien escrito. Revíselo e inténtelo de nuevo.

## Problemas (detalles de la API y errores de página)

problem-not_found = No hay nada en esta dirección web.
problem-method_not_allowed = Esta dirección web no acepta este método.
problem-payload_too_large = Lo que envió es demasiado grande.
problem-unsupported_media_type = Envíe el cuerpo de la petición en formato JSON, con Content-Type: application/json.
problem-malformed_json = El cuerpo de la petición no es JSON válido.
problem-unreadable_body = No se pudo leer el cuerpo de la petición.
problem-validation_failed = Falta información o hay datos que no son válidos. Abajo le indicamos cada campo que tiene un problema.
problem-too_many_requests = Demasiados intentos. Espere { $seconds } segundos y vuelva a intentarlo.
problem-internal_error = Tuvimos un problema en nuestro sistema. Por favor, inténtelo más tarde.
problem-timed_out = El servidor no pudo responder a tiempo. Por favor, inténtelo de nuevo en un momento.
problem-database_unavailable = El servicio no está disponible en este momento. Por favor, inténtelo de nuevo en un momento.
problem-overloaded = El servicio está muy ocupado en este momento. Por favor, inténtelo de nuevo en un momento.
problem-bad_request = No se pudo entender la petición.
problem-invalid_credentials = El correo electrónico o la contraseña no son correctos.
problem-email_not_verified = Todavía no ha confirmado su correo electrónico. Podemos enviarle un código nuevo.
problem-totp_required = Escriba el código de su aplicación de autenticación.
problem-totp_invalid = El código de la aplicación de autenticación no es correcto.
problem-unauthenticated = Necesita iniciar sesión para hacer esto.
problem-forbidden = No tiene permiso para hacer esto.
problem-mfa_required = El personal debe activar la verificación en dos pasos antes de usar las funciones del personal.
problem-csrf_failed = Este formulario ya venció o no viene de Puerta. Regrese, vuelva a cargar la página e inténtelo de nuevo.
problem-code_invalid = Este código no es correcto o ya venció. Pida un código nuevo.
problem-account_disabled = Esta cuenta está desactivada. Comuníquese con soporte.
problem-totp_already_enabled = La verificación en dos pasos ya está activada.
problem-totp_not_started = Primero empiece a configurar la verificación en dos pasos.
problem-conflict = Algo cambió en esta página después de que usted la abrió, por eso no guardamos su cambio. Vuelva a cargar la página, revísela e inténtelo de nuevo.
problem-last_admin = No puede quitar al último administrador.
problem-password_reset_required = Por su seguridad, elija una contraseña nueva antes de iniciar sesión. Use "¿Olvidó su contraseña?" para recibir un código.
problem-email_taken = Otra cuenta ya usa este correo electrónico.

## Registro y confirmación

register-title = Cree una cuenta
register-intro = Necesita una cuenta para enviar sus datos y pedir una cita. Es gratis.
register-submit = Crear cuenta
verify-title = Revise su correo electrónico
verify-intro = Si el correo es correcto, le enviamos un código de 6 dígitos. El código sirve durante 10 minutos.
verify-submit = Confirmar correo electrónico
verify-resend = Enviar un código nuevo
verify-resent = Si hay una cuenta con ese correo y todavía no está confirmada, le enviamos un código nuevo.
verify-done = Su correo electrónico está confirmado. Ya puede iniciar sesión.

## Iniciar y cerrar sesión

sign-in-title = Inicie sesión
sign-in-submit = Iniciar sesión
sign-in-forgot = ¿Olvidó su contraseña?
sign-in-no-account = ¿Todavía no tiene cuenta?
sign-in-not-verified = Todavía no ha confirmado su correo electrónico.
sign-in-totp-title = Verificación en dos pasos
sign-in-totp-submit = Continuar
signed-out = Se cerró su sesión.
session-expired = Se cerró su sesión porque estuvo 15 minutos sin actividad o porque ya pasaron 12 horas desde que inició sesión. Vuelva a iniciar sesión para continuar.

## Restablecer la contraseña

forgot-title = Restablezca su contraseña
forgot-intro = Escriba el correo electrónico de su cuenta. Si hay una cuenta con ese correo, le enviaremos un código para restablecer su contraseña. El código sirve durante 30 minutos.
forgot-submit = Enviar código
reset-title = Elija una contraseña nueva
reset-intro = Escriba el código del correo y una contraseña nueva. Se cerrarán todas sus otras sesiones.
reset-submit = Guardar la contraseña nueva
reset-done = Se cambió su contraseña. Inicie sesión con su contraseña nueva.

## Cuenta

account-title = Su cuenta
account-email = Correo electrónico
account-name = Nombre completo
account-phone = Celular
account-phone-none = Sin número
account-language = Idioma
account-role = Rol
account-mfa = Verificación en dos pasos
account-mfa-on = Activada
account-mfa-off = Desactivada
account-change = Cambiar
account-change-password-title = Cambie su contraseña
account-change-password-submit = Cambiar contraseña
account-password-changed = Se cambió su contraseña.
account-change-email-title = Cambie su correo electrónico
account-change-email-intro = Le enviaremos un código al correo nuevo. El cambio se hará cuando escriba el código.
account-change-email-submit = Enviar código al correo nuevo
account-email-code-title = Confirme su correo electrónico nuevo
account-email-changed = Se cambió su correo electrónico.
account-change-language-submit = Guardar idioma
account-language-changed = Se guardó su idioma.
account-change-phone-title = Cambie su número de celular
account-change-phone-submit = Guardar número de celular
account-phone-changed = Se guardó su número de celular.
account-data-title = Sus datos
account-data-intro = Puede descargar en un archivo toda la información que Puerta tiene sobre usted.
account-data-download = Descargar mis datos
account-delete-title = Elimine su cuenta
account-delete-intro = Esto cierra su sesión en todos lados y borra sus datos personales. Por ley debemos guardar algunos registros, pero sin su nombre ni sus datos de contacto. Esto no se puede deshacer.
account-delete-submit = Eliminar mi cuenta
account-deleted = Se eliminó su cuenta.
account-wasnt-me-title = Proteja su cuenta
account-wasnt-me-done-title = Su cuenta está protegida
account-wasnt-me-done = Cerramos todas las sesiones de su cuenta. Para volver a iniciar sesión, elija una contraseña nueva: en la página de inicio de sesión, presione "¿Olvidó su contraseña?" y le enviaremos un código a su correo electrónico.
account-wasnt-me-intro = Si otra persona inició sesión en su cuenta, presione el botón. Cerraremos todas las sesiones y después usted elegirá una contraseña nueva.
account-wasnt-me-submit = Cerrar sesión en todos lados

## Verificación en dos pasos (TOTP)

totp-title = Configure la verificación en dos pasos
totp-intro = La verificación en dos pasos le pide un código de una aplicación de su teléfono cada vez que inicia sesión. Así nadie puede iniciar sesión solo con su contraseña.
totp-step-scan = Escanee este código QR con una aplicación de autenticación.
totp-step-key = Si no puede escanearlo, escriba esta clave en la aplicación:
totp-step-confirm = Escriba el código de 6 dígitos que muestra la aplicación.
totp-submit = Activar la verificación en dos pasos
totp-enabled = La verificación en dos pasos está activada.
totp-recovery-title = Guarde sus códigos de recuperación
totp-recovery-intro = Si pierde su teléfono, cada uno de estos códigos le permite iniciar sesión una vez. Anótelos en papel y guárdelos en un lugar seguro. No los volveremos a mostrar.
totp-recovery-continue = Ya guardé mis códigos

## Roles

role-traveler = Viajero
role-officer = Oficial
role-supervisor = Supervisor
role-admin = Administrador
role-partner = Organización aliada

## Página principal y personal

dashboard-title = Hola, { $name }
dashboard-intro = Esta es su página principal.
staff-title = Inicio del personal
staff-intro = Aquí están las funciones del personal.
staff-mfa-needed = Active la verificación en dos pasos para usar las funciones del personal.

## Administración

admin-users-title = Usuarios
admin-users-email = Correo electrónico
admin-users-role = Rol
admin-users-status = Estado
admin-users-created = Fecha de creación
admin-users-active = Activo
admin-users-disabled = Desactivado
admin-users-set-role = Cambiar rol
admin-users-disable = Desactivar
admin-users-enable = Activar
admin-users-reset-mfa = Restablecer la verificación en dos pasos
admin-users-updated = Se actualizó el usuario.
admin-audit-title = Registro de auditoría
admin-audit-time = Fecha y hora
admin-audit-action = Acción
admin-audit-actor = Realizado por
admin-audit-target = Cuenta
admin-audit-ip = Dirección IP
admin-audit-filter = Filtrar
admin-audit-empty = No hay registros que coincidan.

## Correos electrónicos

email-greeting = Hola, { $name }:
email-greeting-unnamed = Hola:
email-signature = Puerta
email-ignore = Si usted no pidió esto, puede ignorar este mensaje.
email-verify-subject = Su código de Puerta: { $code }
email-verify-body = Su código para confirmar su correo electrónico es { $code }. Sirve durante 10 minutos. No se lo dé a nadie.
email-already-registered-subject = Alguien intentó crear una cuenta de Puerta con su correo electrónico
email-already-registered-body = Alguien intentó crear una cuenta nueva con este correo electrónico, pero usted ya tiene una. Si fue usted, inicie sesión, o restablezca su contraseña si la olvidó. Si no fue usted, no tiene que hacer nada.
email-sign-in-subject = Nuevo inicio de sesión en su cuenta de Puerta
email-sign-in-body = Alguien inició sesión en su cuenta el { $time }. Si fue usted, no tiene que hacer nada.
email-sign-in-wasnt-me = Si no fue usted, abra este enlace. Cerraremos todas las sesiones y usted elegirá una contraseña nueva: { $link }
email-reset-subject = Su código de Puerta para restablecer la contraseña: { $code }
email-reset-body = Su código para restablecer su contraseña es { $code }. Sirve durante 30 minutos. También puede abrir este enlace: { $link }
email-change-subject = Confirme su correo electrónico nuevo para Puerta: { $code }
email-change-body = Su código para confirmar este correo electrónico nuevo es { $code }. Sirve durante 10 minutos.
email-password-changed-subject = Se cambió su contraseña de Puerta
email-password-changed-body = Se cambió la contraseña de su cuenta de Puerta. Si usted no hizo esto, restablezca su contraseña ahora.
email-email-changed-subject = Se cambió su correo electrónico de Puerta
email-email-changed-body = El correo electrónico de su cuenta de Puerta se cambió por otro. Si usted no hizo esto, comuníquese con soporte ahora.
sms-sign-in = Puerta: hubo un nuevo acceso a su cuenta el { $time }. ¿No fue usted? Revise su correo.

## Zonas horarias (se muestran junto a cada hora en un puerto)

zone-america-phoenix = hora de Arizona (Nogales)
zone-america-chicago = hora del Centro de Estados Unidos (Texas)
zone-america-denver = hora de la Montaña (El Paso)
zone-america-los-angeles = hora del Pacífico (San Diego)
zone-america-new-york = hora del Este (Nueva York)

## Requisitos de entrada

er-title = Requisitos de entrada
er-intro = Qué debe llevar, cómo pedir una cita y qué pasa en cada puerto de entrada (garita). Puede leer estas páginas sin tener una cuenta. Después de abrirlas una vez, también puede leerlas sin internet.
er-general-heading = Antes de viajar
er-ports-heading = Puertos de entrada (garitas)
er-fallback = Esta página todavía no está traducida a su idioma. Se muestra en inglés.
er-in-english = en inglés
er-updated = Última actualización: { $date }
er-port-time = Hora actual en este puerto: { $time }
er-back = Todos los requisitos de entrada
er-edit = Editar esta página

## Página principal

dashboard-er-text = Lea qué debe llevar y cómo funcionan las citas.
dashboard-er-count = { $count ->
    [one] { $count } página
   *[other] { $count } páginas
}
dashboard-cases-title = Sus casos
dashboard-cases-empty = Todavía no ha enviado sus datos. Cuando los envíe, recibirá un número de referencia y su caso aparecerá aquí.
dashboard-appointments-title = Citas
dashboard-appointments-empty = No tiene ninguna cita.
dashboard-messages-title = Mensajes
dashboard-messages-empty = No tiene mensajes.
dashboard-notifications-title = Avisos
dashboard-notifications-empty = No tiene avisos.
dashboard-unread = { $count ->
    [one] { $count } sin leer
   *[other] { $count } sin leer
}

## Sin conexión

offline-title = No tiene conexión a internet
offline-text = Esta página necesita conexión a internet. Los requisitos de entrada que abrió antes siguen aquí.
offline-link = Leer los requisitos de entrada

## Edición de contenido (administradores)

nav-admin-content = Requisitos de entrada
admin-content-title = Edite los requisitos de entrada
admin-content-language = Idioma de esta versión
field-title = Título
field-summary = Resumen
field-summary-hint = Una sola oración. Se muestra en la lista.
field-body = Texto
field-body-hint = Markdown: ## para un título, - para un elemento de una lista, una línea en blanco entre párrafos.
admin-content-preview = Vista previa
admin-content-save = Guardar como versión nueva
admin-content-saved = La versión nueva se guardó y se publicó.
admin-content-preview-title = Vista previa
admin-content-history = Versiones
admin-content-version = Versión { $version }, { $date }
error-content-slug = Esta página no existe.
error-content-title = Escriba un título de 200 caracteres o menos.
error-content-summary = Escriba un resumen de 300 caracteres o menos.
error-content-body = Escriba el texto. Puede tener hasta 50,000 caracteres.

## Inicio del personal

staff-capacity-title = Capacidad diaria de cada puerto
staff-port = Puerto de entrada
staff-zone = Zona horaria
staff-daily-capacity = Citas por día
staff-total = Todos los puertos

## Organizaciones aliadas y envío de mensajes

nav-partner = Inicio para organizaciones aliadas
nav-admin-deliveries = Envío de mensajes
partner-title = Inicio para organizaciones aliadas
partner-intro = Aquí puede ver los puertos de entrada y cuántas citas da cada uno por día. Así puede ayudar a las personas que atiende a planear su viaje.
partner-entry-requirements = Lea los requisitos de entrada para compartirlos con las personas que ayuda
admin-deliveries-title = Envío de mensajes
admin-deliveries-intro = Aquí están todos los correos electrónicos y mensajes de texto que envía Puerta, y si llegaron o no. Aquí nunca se muestran las direcciones de correo, los números de celular ni el contenido de los mensajes.
admin-deliveries-status = Estado
admin-deliveries-any = Cualquier estado
admin-deliveries-empty = No hay mensajes que coincidan.
admin-deliveries-created = Agregado a la cola
admin-deliveries-kind = Mensaje
admin-deliveries-attempts = Intentos
admin-deliveries-next = Próximo intento
delivery-status-created = Esperando a que se envíe
delivery-status-sending = Se está enviando
delivery-status-delivered = Entregado
delivery-status-temporary_failure = Todavía no se entregó (se volverá a intentar)
delivery-status-permanent_failure = No se pudo entregar (la dirección o el número lo rechazó)
delivery-status-technical_failure = No se envió (hubo un problema en nuestro sistema)
delivery-channel-email = correo electrónico
delivery-channel-sms = mensaje de texto
list-next-page = Página siguiente
error-id-invalid = Este identificador no es válido. Cópielo otra vez de la lista.
error-cursor-invalid = El enlace de esta página no es válido. Regrese a la primera página e inténtelo de nuevo.
error-audit-action-unknown = Esa acción no existe. Use un nombre de la lista, por ejemplo sign_in_failed.
error-delivery-status-unknown = Ese estado no existe. Elija uno de la lista.

## Account guards and busy networks (issue 8)
problem-sign_in_locked = Se han probado demasiadas contraseñas incorrectas en esta cuenta. Vuelva a intentarlo en { $minutes } minutos, o restablezca su contraseña ahora: le enviaremos un código por correo electrónico.
problem-proof_required = En este momento llegan muchas peticiones desde su red. Resuelva la comprobación del campo "challenge" y envíe la petición otra vez con la respuesta.
error-proof-required = Mucha gente está usando esta conexión ahora. Su navegador está haciendo una comprobación rápida. Cuando diga que terminó, envíe el formulario otra vez.
proof-working = Comprobando su conexión. Esto tarda unos segundos.
proof-done = Listo. Ya puede enviar el formulario.
proof-no-script = Esta comprobación necesita JavaScript. Active JavaScript o vuelva a intentarlo en unos minutos.
email-mfa-enabled-subject = La verificación en dos pasos está activada en su cuenta de Puerta
email-mfa-enabled-body = Se activó la verificación en dos pasos en su cuenta de Puerta y se cerró la sesión en todos los demás dispositivos. Si usted no hizo esto, restablezca su contraseña ahora.
totp-password = Su contraseña
totp-password-hint = Para proteger su cuenta, escriba su contraseña otra vez.

## The reader's time zone (issue 9)
account-time-zone = Zona horaria
field-time-zone-hint = Le mostramos todas las horas en esta zona horaria, con el nombre de la zona.
account-change-time-zone-title = Elija su zona horaria
account-change-time-zone-submit = Guardar zona horaria
account-time-zone-changed = Se guardó su zona horaria.
error-time-zone-invalid = Elija una zona horaria de la lista.
zone-america-mexico-city = hora del centro de México (Ciudad de México, Guadalajara, Monterrey)
zone-america-tijuana = hora del Pacífico (Tijuana, Mexicali)
zone-america-hermosillo = hora de Arizona y Sonora (Hermosillo, Nogales)
zone-america-ciudad-juarez = hora de la Montaña (Ciudad Juárez, la misma que en El Paso)
zone-america-matamoros = hora de Texas (Matamoros, Reynosa, Nuevo Laredo)
zone-america-cancun = hora de Cancún (Quintana Roo)
# The language page (the header links to it from every page).
language-title = Elija su idioma
language-back = Regresar sin cambiar el idioma

## Cases and documents (issue 10)
error-reference-format = Escriba el número de referencia con 3 letras y 10 dígitos, por ejemplo PUE 4829 3017 58.
error-reference-check-digit = Este número de referencia tiene un error de escritura. Compare cada dígito con su comprobante e intente de nuevo.
error-case-status-unknown = Ese estado de caso no existe. Elija uno de la lista.
case-status-received = Recibimos sus datos.
case-status-in_review = Un oficial está revisando su caso.
case-status-evidence_requested = Necesitamos que nos envíe más documentos.
case-status-evidence_received = Recibimos los documentos que nos envió.
case-status-approved = Su caso fue aprobado.
case-status-denied = Su caso fue negado.
case-status-appeal_received = Recibimos su apelación.
case-status-appeal_upheld = Ya se decidió su apelación: la negativa se mantiene.
case-status-appeal_granted = Ya se decidió su apelación: la negativa se anuló.
case-status-withdrawn = Usted retiró este caso.
case-next-received = Por ahora no necesita hacer nada. Un oficial revisará su caso. Le avisaremos si necesitamos algo.
case-next-in_review = Por ahora no necesita hacer nada. Le avisaremos si necesitamos más documentos.
case-next-evidence_requested = Envíe los documentos que le pedimos antes de la fecha límite. Su caso queda en espera hasta que los envíe.
case-next-evidence_received = Por ahora no necesita hacer nada. Un oficial revisará sus documentos.
case-next-approved = Lea los siguientes pasos en el aviso de la decisión.
case-next-denied = Lea los motivos en el aviso de la decisión. Puede apelar dentro de los 30 días siguientes a la decisión.
case-next-appeal_received = Por ahora no necesita hacer nada. Un supervisor que no tomó la primera decisión va a decidir su apelación.
case-next-appeal_upheld = Su caso está cerrado. Lea los motivos en la decisión de la apelación.
case-next-appeal_granted = Lea los siguientes pasos en la decisión de la apelación.
case-next-withdrawn = Su caso está cerrado. No necesita hacer nada.
problem-illegal_transition = Este caso no puede pasar a ese estado desde el estado que tiene ahora. Vuelva a cargar el caso para ver en qué estado está.
problem-evidence_not_due = El viajero todavía tiene tiempo para enviar los documentos que se le pidieron. Puede decidir después de la fecha límite, o cuando responda.
problem-appeal_late = Ya terminó el plazo para apelar. La apelación debe llegar dentro de los 30 días siguientes a la decisión.
problem-appeal_already_made = Este caso ya se apeló. Un caso solo se puede apelar una vez.
problem-appeal_same_decider = Usted tomó la decisión de este caso, así que no puede decidir su apelación. Otro supervisor debe decidirla.
problem-group_full = Un grupo puede tener 10 viajeros como máximo: usted y 9 acompañantes.
problem-already_open = Este viajero ya tiene un caso abierto. Siga ese caso en lugar de enviar los datos otra vez.
error-group-empty = Elija al menos un viajero.
error-group-duplicate = Cada viajero puede aparecer solo una vez en los datos que envía.
error-traveler-unknown = Este viajero no está en su cuenta. Agréguelo primero.
error-text-too-long = Escriba 100 caracteres o menos.
error-text-control = Escriba esto en una sola línea, sin tabulaciones ni otros caracteres especiales.
error-text-bidi = Este texto tiene caracteres ocultos que cambian la dirección del texto. Escríbalo de nuevo en lugar de copiarlo.
error-text-separator = Escriba esto en una sola línea, sin saltos de línea ni de párrafo.
error-country-invalid = Elija un país de la lista.
error-date-of-birth-format = Escriba la fecha de nacimiento con año, mes y día, por ejemplo 1990-07-04.
error-date-of-birth-future = La fecha de nacimiento debe ser hoy o una fecha pasada.
error-date-of-birth-too-old = Revise el año: la fecha de nacimiento debe ser de 1900 o después, y no de hace más de 120 años.
error-gender-invalid = Elija una de las opciones o déjelo en blanco.
gender-female = Mujer
gender-male = Hombre
gender-non_binary = No binario
gender-unspecified = Prefiero no decirlo
error-document-type-invalid = Elija el tipo de documento de la lista.
error-document-number-required = Escriba el número del documento.
error-document-number-invalid = Escriba el número del documento solo con letras de la A a la Z, números y guiones, 30 caracteres como máximo.
error-document-expiry-format = Escriba la fecha de vencimiento con año, mes y día, por ejemplo 2030-01-31.
error-document-expiry-too-late = Revise la fecha de vencimiento: está demasiado lejos en el futuro.
notice-document-expired = Este documento ya venció. Todavía puede usarlo; un oficial lo tomará en cuenta.
error-us-state-invalid = Elija de la lista un estado o territorio de Estados Unidos.
error-us-postal-code-invalid = Escriba un código postal (ZIP) de 5 dígitos, por ejemplo 78520, o ZIP+4, por ejemplo 78520-1234.
error-document-empty = El archivo está vacío. Elija el archivo otra vez.
error-document-too-big = El archivo pesa más de { $limit }. Suba un archivo más pequeño o escanéelo con menor resolución.
error-document-type = El archivo debe ser PDF, JPEG, PNG o TIFF.
error-document-name-mismatch = El nombre del archivo no corresponde a su tipo. Cámbiele el nombre con la terminación correcta (.pdf, .jpg, .png o .tif) y súbalo otra vez.
error-document-corrupt = El archivo está dañado o incompleto. Guárdelo o escanéelo otra vez y suba el archivo nuevo.
error-document-polyglot = El archivo tiene otro contenido además del documento, por ejemplo datos ocultos después del final. Guárdelo otra vez como PDF, JPEG, PNG o TIFF y suba el archivo nuevo.
error-document-active-content = El PDF contiene scripts, acciones o archivos adjuntos. Imprímalo como un PDF nuevo y suba ese.
error-document-encrypted = El PDF está protegido con contraseña. Quítele la contraseña y súbalo otra vez.
error-document-pixels = La imagen tiene demasiados píxeles. Escanéela o guárdela con menor resolución.
error-document-pages = El TIFF tiene más de una página. Suba cada página por separado o suba un PDF.
error-document-name = No se puede usar el nombre del archivo. Cámbielo usando solo letras, números, espacios, puntos y guiones.
error-document-kind = Elija qué es el documento: pasaporte, documento nacional de identidad, acta de nacimiento, prueba, apelación u otro.
error-document-quota = Este caso ya tiene todos los documentos que puede guardar ({ $limit } en total). Comuníquese con nosotros si necesita enviar más.

## Receipt email (issue 10)
email-application-received-subject = Recibimos sus datos
email-application-received-body = Recibimos los datos que envió para su grupo. Cada viajero tiene su propio caso y su número de referencia:

    { $references }

    Guarde estos números. Puede seguir cada caso en su cuenta de Puerta.

## Trabajo en los casos: tomar, pedir documentos, decisiones, apelaciones (issue 10)
problem-already_claimed = Otro oficial ya tomó este caso. Vuelva a cargar la lista y elija otro caso.
error-long-text-too-long = Escriba 4,000 caracteres o menos.
error-evidence-items = Escriba al menos 1 documento para pedir, y 20 como máximo.
error-evidence-due-date = Elija una fecha límite entre mañana y 12 semanas a partir de hoy, por ejemplo 2027-01-15. Déjela vacía para dar 30 días.
error-outcome-invalid = Elija uno de los resultados de la lista.
error-reason-codes-required = Para negar un caso se necesita al menos 1 motivo. Elija los motivos de la lista.
error-reason-code-unknown = Uno de los motivos no está en la lista. Elija los motivos de la lista.
reason-incomplete_information = Faltan datos que necesitamos en su solicitud.
reason-inconsistent_information = Algunos de los datos que nos dio no coinciden con otros datos o documentos.
reason-identity_not_established = No pudimos confirmar quién es usted.
reason-insufficient_evidence = Los documentos que envió no demuestran lo que dice su solicitud.
reason-no_evidence_response = No recibimos los documentos que le pedimos antes de la fecha límite.
email-case-updated-subject = Novedades sobre su caso { $reference }
email-case-updated-body = Hay novedades sobre su caso { $reference }. Puede verlas cuando inicie sesión en su cuenta de Puerta.
email-evidence-requested-subject = Necesitamos más documentos para su caso { $reference }
email-evidence-requested-body = Para seguir con su caso { $reference }, un oficial necesita estos documentos:

    { $items }

    Envíelos en su cuenta de Puerta a más tardar el { $date }. Su caso queda en espera hasta que los envíe. Si no los envía a tiempo, el oficial puede decidir con la información que tiene.
email-case-approved-subject = Su caso { $reference } fue aprobado
email-case-approved-body = Su caso { $reference } fue aprobado. Inicie sesión en su cuenta de Puerta para leer la decisión y los siguientes pasos.
email-case-denied-subject = Decisión sobre su caso { $reference }
email-case-denied-body = Su caso { $reference } fue negado por estos motivos:

    { $reasons }

    Puede leer toda la decisión en su cuenta de Puerta.
email-case-denied-appeal = Usted puede apelar esta decisión. Para apelar, inicie sesión en su cuenta de Puerta, abra el caso y explique por qué la decisión debe cambiar. Su apelación debe llegar a más tardar el { $date }. Un supervisor que no tomó esta decisión va a decidir su apelación.
email-appeal-decided-subject = Decisión sobre su apelación del caso { $reference }
email-appeal-granted-body = Se aceptó su apelación del caso { $reference }: la negativa se anuló. Inicie sesión en su cuenta de Puerta para leer la decisión y los siguientes pasos.
email-appeal-upheld-body = Ya se decidió su apelación del caso { $reference }: la negativa se mantiene. Inicie sesión en su cuenta de Puerta para leer los motivos.

# Officer work on cases (queue, notes, assignment, reasons)
error-port-unknown = Elija un puerto de entrada (garita) de la lista.
error-queue-age = Escriba un número de días del 1 al 3650.
error-assignee-not-officer = Elija un oficial o supervisor activo.
error-reason-code-format = Use de 2 a 64 letras minúsculas, números o guiones bajos, empezando con una letra, por ejemplo document_expired.
error-reason-title-too-long = Use 300 caracteres como máximo.
problem-reason_code_taken = Ya existe un motivo con este código. Elija otro código.
email-evidence-arrived-subject = Llegaron documentos para el caso { $reference }
email-evidence-arrived-body = El viajero envió los documentos que se pidieron en el caso { $reference }. El caso volvió a su lista de trabajo.
decision-approved-next-steps = Ahora puede pedir una cita en un puerto de entrada. Guarde su número de referencia. El día de la cita, lleve su documento de identidad y los documentos que nos envió.

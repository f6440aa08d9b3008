# Oficina interna: la lista de trabajo de los oficiales, un caso para el personal y la lista de motivos de los administradores.

bo-staff-home-queue = Lista de trabajo: casos por tramitar
bo-nav-reason-codes = Motivos de negativa
bo-back-to-staff = Volver a la página del personal
bo-back-to-queue = Volver a la lista de trabajo

## La lista de trabajo

bo-queue-title = Lista de trabajo
bo-queue-intro = Los casos aparecen del más antiguo al más reciente. Los días abiertos no cuentan los días de espera de los documentos del viajero.
bo-queue-empty = Ningún caso coincide con estos filtros.
bo-filter-status = Estado
bo-filter-any-status = Cualquier estado
bo-filter-port = Puerto de entrada (garita)
bo-filter-any-port = Cualquier puerto de entrada
bo-filter-age = Abiertos desde hace al menos estos días
bo-filter-age-hint = Un número de días, por ejemplo 30. Déjelo vacío para ver todos los casos.
bo-filter-only = Mostrar solo
bo-filter-mine = Los casos que tengo yo
bo-filter-unassigned = Los casos que no tiene nadie
bo-filter-overdue = Los casos con documentos atrasados
bo-filter-submit = Mostrar los casos
bo-col-case = Viajero y número de referencia
bo-col-status = Estado
bo-col-port = Puerto de entrada
bo-col-days-open = Días abierto
bo-col-days-waiting = Días de espera de documentos
bo-col-holder = Lo tiene
bo-col-evidence = Documentos pedidos
bo-days = { $count ->
    [one] 1 día
   *[other] { $count } días
}
bo-queue-evidence-due = Vence el { $date }
bo-queue-evidence-overdue = Atrasado desde el { $date }
bo-holder-nobody = Nadie
bo-holder-you = Usted
bo-holder-other = Otro oficial

## Un caso

bo-case-title = Caso de { $name }
bo-holder-title = Quién tiene este caso
bo-holder-is = Lo tiene: { $name }
bo-claim = Tomar este caso
bo-assign-label = Asignar a
bo-assign-submit = Asignar el caso
bo-profile-title = Perfil del viajero
bo-profile-name = Nombre
bo-profile-born = Fecha de nacimiento
bo-profile-nationality = Nacionalidad
bo-profile-birthplace = Lugar de nacimiento
bo-profile-residence = País de residencia
bo-profile-gender = Género
bo-profile-language = Idioma
bo-profile-phone = Teléfono
bo-profile-email = Correo electrónico
bo-profile-document = Documento de identidad
bo-profile-document-number = Número del documento
bo-profile-document-country = País que emitió el documento
bo-profile-document-expiry = Fecha de vencimiento del documento
bo-not-given = No lo dio
bo-destination-title = Dirección en Estados Unidos
bo-group-title = Otras personas del grupo
bo-group-alone = Este viajero está solo en el grupo.
bo-documents-title = Documentos
bo-documents-empty = Todavía no hay documentos.
bo-checks-title = Resultados de las verificaciones
bo-checks-none = Todavía no se hizo ninguna verificación en este caso.
bo-checks-ran = Hecha el { $time }
bo-checks-run = Hacer las verificaciones otra vez
bo-check-clear = Sin coincidencias
bo-check-hit = Coincidencia
bo-check-kind-watchlist = Lista de vigilancia
bo-check-kind-duplicate_person = La misma persona en otro caso abierto
bo-check-kind-shared_address = Dirección que dieron muchos grupos
bo-requests-title = Peticiones de documentos
bo-request-asked = Pedidos el { $time }
bo-request-due = Fecha límite: { $date }
bo-request-answered = El viajero respondió el { $time }.
bo-request-overdue = La fecha límite pasó sin respuesta. Puede decidir con la información que tiene.
bo-decision-title = Decisión
bo-outcome-approved = Aprobado
bo-outcome-denied = Negado
bo-appeal-title = Apelación
bo-appeal-submitted = Enviada el { $time }
bo-appeal-statement = Lo que escribió el viajero
bo-appeal-decided-title = Decisión sobre la apelación
bo-appeal-outcome-upheld = Rechazada: la negativa se mantiene
bo-appeal-outcome-granted = Aceptada: la negativa se anula
bo-actions-title = Lo que puede hacer ahora
bo-actions-none = Este caso no tiene ningún paso que dar ahora.
bo-start-review = Empezar la revisión
bo-mark-received-intro = Use esto cuando los documentos llegaron por otro medio, no por Puerta.
bo-mark-received = Registrar los documentos como recibidos
bo-request-title = Pedir documentos
bo-request-items = Documentos que quiere pedir
bo-request-items-hint = Escriba un documento por línea. El viajero ve estas palabras.
bo-request-due-label = Fecha límite
bo-evidence-due-hint = Por ejemplo 27 3 2027. Déjela vacía para 30 días, es decir el { $date }. Como máximo 12 semanas.
bo-date-day = Día
bo-date-month = Mes
bo-date-year = Año
bo-error-due-date = Escriba una fecha límite entre mañana y 12 semanas a partir de hoy, por ejemplo 27 3 2027. Deje los tres campos vacíos para 30 días.
bo-request-submit = Enviar la petición
bo-decide-title = Decidir
bo-decide-on-record = El viajero no respondió a la petición de documentos. Solo puede decidir con la información que tiene después de la fecha límite.
bo-decide-outcome = Decisión
bo-decide-approve = Aprobar
bo-decide-deny = Negar
bo-decide-reasons = Motivos de la negativa
bo-decide-reasons-hint = Si niega el caso, elija al menos 1 motivo. El viajero lee cada motivo en su idioma.
bo-decide-narrative = Explicación
bo-decide-narrative-hint = El viajero lee esto. Si aprueba, diga qué pasa después.
bo-decide-submit = Registrar la decisión
bo-appeal-decide-title = Decidir la apelación
bo-appeal-own-decision = Usted tomó la decisión de este caso, así que otro supervisor debe decidir la apelación.
bo-appeal-decide-outcome = Decisión sobre la apelación
bo-appeal-uphold = Rechazar: la negativa se mantiene
bo-appeal-grant = Aceptar: anular la negativa
bo-appeal-narrative = Motivos de la decisión sobre la apelación
bo-appeal-decide-submit = Registrar la decisión sobre la apelación
bo-notes-title = Notas de los oficiales
bo-notes-intro = Solo los oficiales y los supervisores ven estas notas. El viajero nunca las ve.
bo-notes-empty = Todavía no hay notas.
bo-note-label = Agregar una nota
bo-note-submit = Guardar la nota
bo-history-title = Historial
bo-history-entry = { $status }, por { $name }
bo-history-nobody = El sistema

## Avisos después de un paso

bo-notice-claimed = Ahora usted tiene este caso.
bo-notice-assigned = El caso está asignado.
bo-notice-note-added = Se guardó su nota.
bo-notice-moved = Se cambió el estado del caso.
bo-notice-evidence-requested = Se envió la petición de documentos al viajero.
bo-notice-decided = Se registró la decisión y se avisó al viajero.
bo-notice-appeal-decided = Se registró la decisión sobre la apelación y se avisó al viajero.
bo-notice-checks-run = Se hicieron las verificaciones otra vez.
bo-notice-reason-added = Se agregó el motivo.
bo-notice-reason-retired = Se retiró el motivo. Los oficiales ya no pueden elegirlo.

## Motivos de negativa (administradores)

bo-reasons-title = Motivos de negativa
bo-reasons-intro = Los oficiales eligen entre estos motivos cuando niegan un caso. Un motivo retirado se queda en las decisiones que lo citan.
bo-reason-retired = Retirado
bo-reason-retire = Retirar { $code }
bo-reason-add-title = Agregar un motivo
bo-reason-add-intro = El viajero lee el motivo en su propio idioma, así que escríbalo en todos los idiomas.
bo-reason-code = Código
bo-reason-code-hint = De 2 a 64 letras minúsculas, números o guiones bajos, que empiece con una letra, por ejemplo document_expired.
bo-reason-title = Nombre para el personal (en inglés)
bo-reason-title-hint = Los oficiales ven este nombre en la lista de motivos.
bo-reason-words = Palabras para el viajero en { $language }
bo-reason-add-submit = Agregar el motivo

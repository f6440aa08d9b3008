# Área interna: a lista de trabalho dos agentes, um caso para a equipe e a lista de motivos dos administradores.

bo-staff-home-queue = Lista de trabalho: casos para analisar
bo-nav-reason-codes = Motivos de negativa
bo-back-to-staff = Voltar para a página da equipe
bo-back-to-queue = Voltar para a lista de trabalho

## A lista de trabalho

bo-queue-title = Lista de trabalho
bo-queue-intro = Os casos aparecem do mais antigo para o mais recente. Os dias em aberto não contam os dias de espera pelos documentos do viajante.
bo-queue-empty = Nenhum caso corresponde a estes filtros.
bo-filter-status = Situação
bo-filter-any-status = Qualquer situação
bo-filter-port = Ponto de entrada
bo-filter-any-port = Qualquer ponto de entrada
bo-filter-age = Em aberto há pelo menos este número de dias
bo-filter-age-hint = Um número de dias, por exemplo 30. Deixe vazio para ver todos os casos.
bo-filter-only = Mostrar só
bo-filter-mine = Casos que estão comigo
bo-filter-unassigned = Casos que não estão com ninguém
bo-filter-overdue = Casos com documentos atrasados
bo-filter-submit = Mostrar os casos
bo-col-case = Viajante e número de referência
bo-col-status = Situação
bo-col-port = Ponto de entrada
bo-col-days-open = Dias em aberto
bo-col-days-waiting = Dias de espera por documentos
bo-col-holder = Com quem está
bo-col-evidence = Documentos pedidos
bo-days = { $count ->
    [one] 1 dia
   *[other] { $count } dias
}
bo-queue-evidence-due = Prazo: { $date }
bo-queue-evidence-overdue = Atrasado desde { $date }
bo-holder-nobody = Ninguém
bo-holder-you = Você
bo-holder-other = Outro agente

## Um caso

bo-case-title = Caso de { $name }
bo-holder-title = Com quem está este caso
bo-holder-is = Com: { $name }
bo-claim = Pegar este caso
bo-assign-label = Passar para
bo-assign-submit = Passar o caso
bo-profile-title = Perfil do viajante
bo-profile-name = Nome
bo-profile-born = Data de nascimento
bo-profile-nationality = Nacionalidade
bo-profile-birthplace = Local de nascimento
bo-profile-residence = País onde mora
bo-profile-gender = Gênero
bo-profile-language = Idioma
bo-profile-phone = Telefone
bo-profile-email = Endereço de e-mail
bo-profile-document = Documento de identidade
bo-profile-document-number = Número do documento
bo-profile-document-country = País que emitiu o documento
bo-profile-document-expiry = Data de validade do documento
bo-not-given = Não informado
bo-destination-title = Endereço nos Estados Unidos
bo-group-title = Outras pessoas do grupo
bo-group-alone = Este viajante está sozinho no grupo.
bo-documents-title = Documentos
bo-documents-empty = Ainda não há documentos.
bo-checks-title = Resultados das verificações
bo-checks-none = Nenhuma verificação foi feita neste caso ainda.
bo-checks-ran = Feita em { $time }
bo-checks-run = Fazer as verificações de novo
bo-check-clear = Nada encontrado
bo-check-hit = Alerta
bo-check-kind-watchlist = Lista de vigilância
bo-check-kind-duplicate_person = A mesma pessoa em outro caso aberto
bo-check-kind-shared_address = Endereço informado por muitos grupos
bo-requests-title = Pedidos de documentos
bo-request-asked = Pedidos em { $time }
bo-request-due = Prazo: { $date }
bo-request-answered = O viajante respondeu em { $time }.
bo-request-overdue = O prazo passou sem resposta. Você pode decidir com as informações que tem.
bo-decision-title = Decisão
bo-outcome-approved = Aprovado
bo-outcome-denied = Negado
bo-appeal-title = Recurso
bo-appeal-submitted = Enviado em { $time }
bo-appeal-statement = O que o viajante escreveu
bo-appeal-decided-title = Decisão sobre o recurso
bo-appeal-outcome-upheld = Recusado: a negativa continua valendo
bo-appeal-outcome-granted = Aceito: a negativa foi anulada
bo-actions-title = O que você pode fazer agora
bo-actions-none = Este caso não tem nenhuma etapa a fazer agora.
bo-start-review = Começar a análise
bo-mark-received-intro = Use isto quando os documentos chegaram de outra forma, não pelo Puerta.
bo-mark-received = Registrar os documentos como recebidos
bo-request-title = Pedir documentos
bo-request-items = Documentos que você quer pedir
bo-request-items-hint = Escreva um documento por linha. O viajante vê estas palavras.
bo-request-due-label = Prazo
bo-evidence-due-hint = Por exemplo 27 3 2027. Deixe vazio para 30 dias, ou seja, { $date }. No máximo 12 semanas.
bo-date-day = Dia
bo-date-month = Mês
bo-date-year = Ano
bo-error-due-date = Informe um prazo entre amanhã e 12 semanas a partir de hoje, por exemplo 27 3 2027. Deixe os três campos vazios para 30 dias.
bo-request-submit = Enviar o pedido
bo-decide-title = Decidir
bo-decide-on-record = O viajante não respondeu ao pedido de documentos. Você só pode decidir com as informações que tem depois do prazo.
bo-decide-outcome = Decisão
bo-decide-approve = Aprovar
bo-decide-deny = Negar
bo-decide-reasons = Motivos da negativa
bo-decide-reasons-hint = Se você negar, escolha pelo menos 1 motivo. O viajante lê cada motivo no idioma dele.
bo-decide-narrative = Explicação
bo-decide-narrative-hint = O viajante lê isto. Se aprovar, diga o que acontece depois.
bo-decide-submit = Registrar a decisão
bo-appeal-decide-title = Decidir o recurso
bo-appeal-own-decision = Você tomou a decisão neste caso, então outro supervisor precisa decidir o recurso.
bo-appeal-decide-outcome = Decisão sobre o recurso
bo-appeal-uphold = Recusar: a negativa continua valendo
bo-appeal-grant = Aceitar: anular a negativa
bo-appeal-narrative = Motivos da decisão sobre o recurso
bo-appeal-decide-submit = Registrar a decisão sobre o recurso
bo-notes-title = Notas dos agentes
bo-notes-intro = Só agentes e supervisores veem estas notas. O viajante nunca as vê.
bo-notes-empty = Ainda não há notas.
bo-note-label = Adicionar uma nota
bo-note-submit = Salvar a nota
bo-history-title = Histórico
bo-history-entry = { $status }, por { $name }
bo-history-nobody = O sistema

## Avisos depois de uma etapa

bo-notice-claimed = Agora este caso está com você.
bo-notice-assigned = O caso foi passado.
bo-notice-note-added = Sua nota foi salva.
bo-notice-moved = A situação do caso mudou.
bo-notice-evidence-requested = O pedido de documentos foi enviado ao viajante.
bo-notice-decided = A decisão foi registrada e o viajante foi avisado.
bo-notice-appeal-decided = A decisão sobre o recurso foi registrada e o viajante foi avisado.
bo-notice-checks-run = As verificações foram feitas de novo.
bo-notice-reason-added = O motivo foi adicionado.
bo-notice-reason-retired = O motivo foi retirado. Os agentes não podem mais escolhê-lo.

## Motivos de negativa (administradores)

bo-reasons-title = Motivos de negativa
bo-reasons-intro = Os agentes escolhem entre estes motivos quando negam um caso. Um motivo retirado continua nas decisões que o citam.
bo-reason-retired = Retirado
bo-reason-retire = Retirar { $code }
bo-reason-add-title = Adicionar um motivo
bo-reason-add-intro = O viajante lê o motivo no próprio idioma, então escreva em todos os idiomas.
bo-reason-code = Código
bo-reason-code-hint = De 2 a 64 letras minúsculas, números ou sublinhados, começando com uma letra, por exemplo document_expired.
bo-reason-title = Nome para a equipe (em inglês)
bo-reason-title-hint = Os agentes veem este nome na lista de motivos.
bo-reason-words = Palavras para o viajante em { $language }
bo-reason-add-submit = Adicionar o motivo

## Notificações: a caixa de notificações, os e-mails e SMS feitos a partir delas, os erros de mensagens e as respostas prontas.
## Variáveis: $reference (o número de referência de um caso), $status (a situação de um caso, em palavras), $port
## (o nome de um ponto de entrada), $scheduled_at / $deadline / $due / $at (uma data e hora com o fuso horário),
## $number (um número de confirmação), $granted / $expired ("yes" ou "no"), $subject (o assunto de uma
## conversa, como o viajante escreveu), $references (números de referência separados por vírgulas).

notification-application-received-title = Recebemos suas informações
notification-application-received-body = Seus números de referência são: { $references }. Guarde esses números: você vai precisar deles para acompanhar cada caso.
notification-case-updated-title = Houve uma mudança no seu caso { $reference }
notification-case-updated-body = Nova situação: { $status }.
notification-evidence-requested-title = Precisamos de documentos para o seu caso { $reference }
notification-evidence-requested-body = Envie os documentos antes de { $due }. Abra o caso para ver do que precisamos.
notification-case-approved-title = Seu caso { $reference } foi aprovado
notification-case-approved-body = Abra o caso para ver a decisão e o que fazer agora.
notification-case-denied-title = Seu caso { $reference } foi negado
notification-case-denied-body = Abra o caso para ler os motivos. Você pode entrar com recurso até { $deadline }.
notification-appeal-decided-title = Seu recurso do caso { $reference } foi decidido
notification-appeal-decided-body = { $granted ->
    [yes] Seu recurso foi aceito. Abra o caso para ver os próximos passos.
   *[no] A primeira decisão foi mantida. Abra o caso para ler o motivo.
}
notification-appointment-offered-title = Você conseguiu uma vaga para um agendamento
notification-appointment-offered-body = Local: { $port }. Data e hora: { $scheduled_at }. Confirme antes de { $deadline }. Se você não confirmar a tempo, a vaga passa para outro grupo.
notification-offer-expiring-title = O prazo para confirmar seu agendamento está acabando
notification-offer-expiring-body = Confirme seu agendamento em { $port } antes de { $deadline }. Se você não confirmar a tempo, a vaga passa para outro grupo.
notification-appointment-confirmed-title = Seu agendamento está confirmado
notification-appointment-confirmed-body = Local: { $port }. Data e hora: { $scheduled_at }. Seu número de confirmação é { $number }.
notification-appointment-reminder-title = Seu agendamento é amanhã
notification-appointment-reminder-body = Local: { $port }. Data e hora: { $scheduled_at }. Leve seu número de confirmação ({ $number }) e os documentos de todas as pessoas do grupo.
notification-appointment-released-title = O agendamento oferecido não está mais disponível
notification-appointment-released-body = { $expired ->
    [yes] O agendamento em { $port } não foi confirmado a tempo, então a vaga passou para outro grupo. Você pode pedir um agendamento de novo.
   *[no] Você cancelou seu agendamento em { $port }. Você pode pedir um agendamento de novo.
}
notification-appointment-cancelled-title = O ponto de entrada cancelou seu agendamento
notification-appointment-cancelled-body = O ponto de entrada cancelou seu agendamento em { $port }, marcado para { $scheduled_at }. Sentimos muito. Você pode pedir um agendamento de novo.
notification-scheduling-changed-title = As regras dos agendamentos mudaram
notification-scheduling-changed-body = Mudou uma regra do sorteio em que você fez um pedido. Abra Agendamentos para ver o que mudou.
notification-new-message-title = Nova mensagem de um agente
notification-new-message-body = Assunto: { $subject }. Abra Mensagens para ler.
notification-sign-in-title = Novo acesso à sua conta
notification-sign-in-body = Alguém entrou na sua conta. Data e hora: { $at }. Se não foi você, troque sua senha agora.
notification-policy-notice-title = Aviso
notification-policy-notice-body = Um novo aviso foi publicado.

# SMS: só caracteres GSM-7, sem acentos.
sms-sign-in-to-read = Entre na sua conta do Puerta para ler mais.
email-sign-in-to-read = Entre na sua conta do Puerta para ver os detalhes. Nunca pedimos sua senha nem dinheiro por e-mail.

error-message-subject-missing = Digite um assunto.
error-message-subject-too-long = O assunto pode ter no máximo 200 caracteres.
error-message-body-missing = Digite sua mensagem.
error-message-body-too-long = Uma mensagem pode ter no máximo 5.000 caracteres. Divida o texto em duas mensagens.
error-message-attachments-too-many = Você pode anexar no máximo 5 documentos em uma mensagem.
error-message-case-unknown = Este não é o número de referência de nenhum dos seus casos.
error-message-attachment-unknown = Este documento não é um dos documentos deste caso.
error-message-attachment-needs-case = Só é possível enviar documentos em uma conversa sobre um caso.
error-message-officer-unknown = Escolha um agente ativo.
error-message-filter-unknown = Escolha "sem responsável", "minhas" ou "todas".
error-preferences-critical = Este tipo de mensagem é importante demais para ser desativado: mantenha o e-mail ou o SMS ativado.
error-preferences-category = Esse tipo de notificação não existe.
error-notice-language-unknown = Use só os idiomas que o Puerta oferece (en, es, ht, pt, fr).
error-notice-too-long = O título pode ter no máximo 200 caracteres, e o texto, no máximo 5.000.
error-notice-languages-missing = Escreva pelo menos em inglês, espanhol e crioulo haitiano.
error-notice-publish-at = Informe uma data e um horário entre agora e o ano 2200.
error-notice-port-unknown = Escolha um dos oito pontos de entrada.
error-notice-audience = Escolha todos, um ponto de entrada ou a equipe.
error-limit-range = Escolha um número de 1 a 200.

reply-template-received-label = Recebemos sua mensagem
reply-template-received-body = Obrigado por escrever. Recebemos sua mensagem, e um agente vai responder o mais rápido possível.
reply-template-need-documents-label = Pedir documentos
reply-template-need-documents-body = Para continuar, precisamos de mais documentos. Envie esses documentos nesta conversa ou na página do seu caso.
reply-template-appointment-info-label = Como funcionam os agendamentos
reply-template-appointment-info-body = Os agendamentos são distribuídos por um sorteio diário. Você pode fazer um pedido por dia, no horário mostrado na página de Agendamentos, se estiver dentro da área que atendemos. Não há nenhuma taxa, e ninguém pode vender uma vaga para você.
reply-template-status-unchanged-label = Ainda não há novidades
reply-template-status-unchanged-body = Seu caso ainda está em análise. Vamos escrever para você assim que houver novidades. Você não precisa fazer nada agora.
reply-template-closing-label = Encerrar a conversa
reply-template-closing-body = Esperamos ter respondido à sua pergunta. Se precisar de mais alguma coisa, escreva para nós aqui.

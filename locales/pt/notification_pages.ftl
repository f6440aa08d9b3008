## Páginas: mensagens com os agentes, notificações, como avisamos você, avisos na página principal.
## Variáveis: $reference (o número de referência de um caso, agrupado assim: PUE 4829 3017 58), $name (o
## nome de um viajante), $time (uma data e hora com o fuso horário), $count (um número), $status (como foi
## o envio de um e-mail ou SMS: delivered, failed ou sending).

## Mensagens

msgpage-intro = Escreva para os agentes que cuidam dos casos. Um agente vai responder aqui. Quando houver uma resposta, avisamos você por e-mail ou SMS.
msgpage-scam-warning = Os agentes nunca pedem dinheiro nem sua senha. Não envie dinheiro nem sua senha para ninguém.
msgpage-threads-title = Suas conversas
msgpage-threads-empty = Você ainda não escreveu para nenhum agente.
msgpage-tag-unread = Nova resposta
msgpage-tag-answered = Respondida
msgpage-tag-waiting = Aguardando resposta
msgpage-about-case = Sobre o caso { $reference }
msgpage-last-message = Última mensagem: { $time }
msgpage-write-title = Escrever para um agente
msgpage-subject-label = Assunto
msgpage-subject-hint = Algumas palavras sobre a sua pergunta, por exemplo: Documentos do meu caso.
msgpage-case-label = Caso (opcional)
msgpage-case-hint = Escolha um caso se a sua pergunta for sobre ele. Assim, você também pode enviar documentos nesta conversa.
msgpage-case-none = Não é sobre um caso
msgpage-case-option = { $reference }, { $name }
msgpage-body-label = Sua mensagem
msgpage-body-hint = Até 5.000 caracteres. Você pode escrever no seu idioma.
msgpage-send = Enviar mensagem
msgpage-notice-sent = Sua mensagem foi enviada. Um agente vai responder aqui.
msgpage-thread-back = Todas as suas conversas
msgpage-author-you = Você
msgpage-author-officer = Agente
msgpage-attachments = Documentos enviados com esta mensagem:
msgpage-attachment-unnamed = Documento
msgpage-reply-title = Escrever uma resposta
msgpage-file-label = Adicionar um documento (opcional)
msgpage-file-hint = O documento vai para o caso { $reference }.
msgpage-file-no-case = Para enviar um documento, comece uma nova conversa sobre o seu caso.
msgpage-reply-send = Enviar
msgpage-notice-replied = Sua mensagem foi enviada.
msgpage-live-new-message = Chegou uma nova mensagem nesta conversa.

## Notificações

notifpage-intro = Aqui estão todas as notificações que enviamos a você, das mais recentes para as mais antigas. As notícias importantes também vão por e-mail ou SMS.
notifpage-preferences-link = Escolha como avisamos você: por e-mail, por SMS ou pelos dois
notifpage-empty = Você não tem notificações.
notifpage-tag-unread = Não lida
notifpage-tag-notice = Aviso
notifpage-mark-read = Marcar como lida
notifpage-dismiss = Ocultar
notifpage-notice-read = A notificação foi marcada como lida.
notifpage-notice-dismissed = O aviso foi ocultado. Você ainda pode ler esse aviso em Notificações.
notifpage-latest = Estas são as suas { $count } notificações mais recentes.
notifpage-back-to-inbox = Voltar para suas notificações
notifpage-standing-title = Avisos
notifpage-delivery-email = { $status ->
    [delivered] Enviada por e-mail.
    [failed] Enviada por e-mail, mas não foi entregue.
   *[sending] Sendo enviada por e-mail.
}
notifpage-delivery-sms = { $status ->
    [delivered] Enviada por SMS.
    [failed] Enviada por SMS, mas não foi entregue.
   *[sending] Sendo enviada por SMS.
}
notifpage-delivery-email-fallback = { $status ->
    [delivered] Enviada por e-mail no lugar do SMS.
    [failed] Enviada por e-mail no lugar do SMS, mas não foi entregue.
   *[sending] Sendo enviada por e-mail no lugar do SMS.
}
notifpage-delivery-sms-fallback = { $status ->
    [delivered] Enviada por SMS no lugar do e-mail.
    [failed] Enviada por SMS no lugar do e-mail, mas não foi entregue.
   *[sending] Sendo enviada por SMS no lugar do e-mail.
}

## Como avisamos você (preferências de notificação)

notifpage-prefs-title = Como avisamos você
notifpage-prefs-intro = Você sempre pode ler tudo em Notificações. Para cada tipo de notícia, escolha se também quer receber um e-mail, um SMS ou os dois.
notifpage-prefs-critical = Isto é importante: mantenha o e-mail, o SMS ou os dois.
notifpage-prefs-no-phone = Você não informou um número de celular, então não podemos enviar SMS para você. As notícias importantes vão por e-mail.
notifpage-prefs-add-phone = Adicionar um número de celular
notifpage-prefs-save = Salvar minhas escolhas
notifpage-notice-preferences-saved = Suas escolhas foram salvas.
notifpage-channel-email = E-mail
notifpage-channel-sms = SMS
notifpage-category-case-updates = Seu caso
notifpage-category-case-updates-hint = Quando recebemos suas informações e quando a situação de um caso muda.
notifpage-category-deadlines = Documentos que pedimos
notifpage-category-deadlines-hint = Quando pedimos que você envie documentos até uma data.
notifpage-category-decisions = Decisões
notifpage-category-decisions-hint = Quando sai a decisão de um caso ou de um recurso.
notifpage-category-offers = Agendamentos oferecidos
notifpage-category-offers-hint = Quando você consegue uma vaga para um agendamento, e antes de acabar o prazo para confirmar.
notifpage-category-appointments = Agendamentos
notifpage-category-appointments-hint = Confirmações, lembretes, cancelamentos e mudanças nas regras dos agendamentos.
notifpage-category-messages = Mensagens dos agentes
notifpage-category-messages-hint = Quando um agente responde a você.
notifpage-category-security = Acessos à sua conta
notifpage-category-security-hint = Quando alguém entra na sua conta.
notifpage-category-policy-notices = Avisos
notifpage-category-policy-notices-hint = Notícias sobre as regras e os pontos de entrada, para todos.

## Página principal

notifpage-dashboard-messages-text = Escreva para um agente e leia as respostas.
notifpage-dashboard-notifications-text = Notícias sobre seus casos e agendamentos, das mais recentes para as mais antigas.

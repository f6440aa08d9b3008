# Páginas da equipe para as mensagens dos viajantes (a caixa de mensagens dos agentes e uma conversa) e o
# formulário dos administradores para os avisos gerais.

## Nomes dos idiomas, para a equipe (o idioma no idioma de quem lê e depois no próprio idioma)

staffmsg-language-en = inglês (English)
staffmsg-language-es = espanhol (español)
staffmsg-language-ht = crioulo haitiano (kreyòl ayisyen)
staffmsg-language-pt = português
staffmsg-language-fr = francês (français)

## Página inicial da equipe

staffmsg-home-link = { $count ->
    [0] Mensagens dos viajantes (nenhuma aguardando)
    [one] Mensagens dos viajantes (1 aguardando)
   *[other] Mensagens dos viajantes ({ $count } aguardando)
}

## A caixa de mensagens dos agentes

staffmsg-inbox-title = Mensagens dos viajantes
staffmsg-inbox-intro = As conversas com a mensagem mais recente aparecem primeiro. "Aguardando" quer dizer que o viajante escreveu e nenhum agente leu a mensagem ainda.
staffmsg-tabs-label = Quais conversas mostrar
staffmsg-tab-unassigned = Sem responsável
staffmsg-tab-mine = As que estão comigo
staffmsg-tab-all = Todas as conversas
staffmsg-inbox-empty = Não há conversas aqui.
staffmsg-col-subject = Assunto
staffmsg-col-case = Caso
staffmsg-col-last = Última mensagem
staffmsg-col-state = Situação
staffmsg-col-holder = Com quem está
staffmsg-no-case = Não é sobre um caso
staffmsg-state-waiting = Aguardando
staffmsg-state-answered = Respondida
staffmsg-state-read = Lida, ainda sem resposta

## Uma conversa

staffmsg-case-label = Caso
staffmsg-language-label = Idioma do viajante
staffmsg-holder-title = Com quem está esta conversa
staffmsg-holder-is = Com: { $name }
staffmsg-take = Pegar esta conversa
staffmsg-release = Liberar esta conversa
staffmsg-assign-label = Passar esta conversa para
staffmsg-assign-submit = Passar a conversa
staffmsg-conversation-title = Mensagens
staffmsg-from-traveler = O viajante
staffmsg-from-officer = Um agente
staffmsg-attachment = Documento
staffmsg-reply-title = Resposta
staffmsg-templates-title = Respostas prontas
staffmsg-templates-intro = Estas respostas estão escritas em { $language }, o idioma do viajante. Escolha uma para colocá-la na caixa de resposta. Depois, mude o que for preciso antes de enviar.
staffmsg-reply-label = Sua resposta
staffmsg-reply-hint = O viajante vê exatamente o que você escrever. Links não funcionam nas mensagens. Escreva no máximo 5.000 caracteres.
staffmsg-reply-submit = Enviar a resposta
staffmsg-back-to-inbox = Voltar para as mensagens

## Avisos depois de uma etapa

staffmsg-notice-taken = Agora esta conversa está com você.
staffmsg-notice-released = Você liberou esta conversa. Agora qualquer agente pode pegá-la.
staffmsg-notice-assigned = A conversa foi passada para o agente que você escolheu.
staffmsg-notice-sent = Sua resposta foi enviada. O viajante foi avisado de que há uma nova mensagem.

## Avisos gerais (administradores)

adminnotice-nav = Avisos gerais
adminnotice-title = Publicar um aviso geral
adminnotice-intro = Um aviso geral aparece nas notificações de todas as pessoas a quem ele se destina, inclusive de quem criar uma conta depois. Quem escolheu receber os avisos gerais por e-mail ou SMS também recebe o aviso dessa forma.
adminnotice-words-title = O que o aviso diz
adminnotice-words-hint = Escreva o título e o texto em inglês, espanhol e crioulo haitiano. Português e francês são opcionais: se você deixar esses campos vazios, quem lê nesses idiomas vê o texto em inglês.
adminnotice-legend-required = Versão em { $language } (obrigatória)
adminnotice-legend-optional = Versão em { $language } (opcional)
adminnotice-title-label = Título
adminnotice-body-label = Texto
adminnotice-who-title = Para quem é
adminnotice-audience-legend = Quem deve ver este aviso?
adminnotice-audience-all = Todos
adminnotice-audience-port = Viajantes que pediram um agendamento, ou que já têm um, em um único ponto de entrada
adminnotice-audience-staff = Só a equipe
adminnotice-port-label = Ponto de entrada
adminnotice-port-hint = Só se o aviso for para os viajantes de um ponto de entrada.
adminnotice-port-choose = Escolha um ponto de entrada
adminnotice-when-title = Quando aparece
adminnotice-publish-label = Data e hora (opcional)
adminnotice-publish-hint = Deixe vazio para publicar o aviso agora. O horário é o do seu fuso horário: { $zone }.
adminnotice-submit = Publicar o aviso
adminnotice-error-title-missing = Escreva o título em { $language }.
adminnotice-error-body-missing = Escreva o texto em { $language }.
adminnotice-error-publish-format = Informe a data e a hora, por exemplo 2026-03-27 09:30.
adminnotice-error-publish-skipped = Este horário não existe no seu fuso horário, porque nesse momento os relógios são adiantados. Escolha outro horário.
adminnotice-notice-published = O aviso foi publicado.
adminnotice-notice-scheduled = O aviso foi salvo. Ele vai aparecer no horário que você escolheu.

adminnotice-list-title = Avisos já escritos
adminnotice-list-empty = Nenhum aviso foi escrito ainda.
adminnotice-list-state = Situação
adminnotice-state-published = Publicado
adminnotice-state-scheduled = Agendado

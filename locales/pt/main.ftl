# Puerta — português do Brasil. Um termo por conceito; veja locales/GLOSSARY.md. Sempre "você".
# Message ids: area-thing. Variables: { $name }.

## Estrutura do site

site-name = Puerta
site-tagline = Agendamentos nos pontos de entrada terrestres dos Estados Unidos
skip-link = Pular para o conteúdo principal
nav-label = Menu principal
nav-dashboard = Sua página principal
nav-account = Sua conta
nav-sign-in = Entrar
nav-register = Criar uma conta
nav-sign-out = Sair
nav-staff = Página da equipe
nav-admin-users = Usuários
nav-admin-audit = Registro de auditoria
language-switcher-label = Idioma
footer-text = O Puerta é grátis. Ninguém pode vender um agendamento para você. Nunca pague ninguém por um agendamento.
error-summary-title = Há um problema
request-id-label = Protocolo para o suporte: { $id }
session-warning = Sua sessão vai terminar em breve porque você não fez nada há algum tempo.
session-stay = Continuar conectado
back-link = Voltar

## Início

home-title = Peça um agendamento para cruzar a fronteira dos Estados Unidos
home-intro = Use o Puerta para enviar suas informações antes de viajar e para pedir um agendamento em um dos oito pontos de entrada na fronteira com o México.
home-start = Criar uma conta
home-have-account = Já tem uma conta?

## Campos dos formulários

field-email = Endereço de e-mail
field-email-hint = Vamos enviar um código para este endereço.
field-full-name = Nome completo
field-full-name-hint = Escreva seu nome como aparece no seu passaporte ou documento de identidade.
field-phone = Número de celular (opcional)
field-phone-hint = Inclua o código do país, por exemplo +52 55 1234 5678.
field-password = Senha
field-new-password = Nova senha
field-current-password = Senha atual
field-password-hint = Use pelo menos 12 caracteres, numa senha difícil de adivinhar. Três ou quatro palavras sem relação entre si, fáceis de lembrar, funcionam bem.
field-language = Idioma preferido
field-code = Código
field-code-hint = O código de 6 dígitos que enviamos para você.
field-totp-code = Código do seu aplicativo autenticador
field-totp-code-hint = 6 dígitos. Se você perdeu seu celular, digite um dos seus códigos de recuperação.
field-role = Função
field-new-email = Novo endereço de e-mail

## Mensagens de validação (ao lado do campo)

error-email-invalid = Digite um endereço de e-mail no formato correto, como nome@example.com.
error-email-undeliverable = Não conseguimos enviar e-mails para um endereço escrito assim. Use um endereço de e-mail sem espaços, aspas nem colchetes, como nome@example.com.
error-password-too-short = Sua senha precisa ter pelo menos 12 caracteres.
error-password-too-long = Sua senha pode ter no máximo 128 caracteres.
error-password-common = Muitas pessoas usam esta senha, então ela é fácil de adivinhar. Escolha outra.
error-password-weak = Esta senha é fácil de adivinhar. Escolha uma senha mais longa e difícil de adivinhar: três ou quatro palavras sem relação entre si funcionam bem. Não use seu nome, seu e-mail, a palavra "Puerta", letras repetidas, sequências do teclado nem números em sequência (como 1234).
error-full-name-required = Digite seu nome completo.
error-full-name-too-long = Seu nome completo pode ter no máximo 200 caracteres.
error-full-name-control = Seu nome não pode ter quebras de linha, tabulações nem outros caracteres especiais. Escreva-o em uma só linha.
error-full-name-bidi = Seu nome tem caracteres ocultos que mudam a direção do texto. Digite seu nome de novo, sem copiar e colar.
error-full-name-separator = Seu nome não pode ter quebras de linha nem de parágrafo. Escreva-o em uma só linha.
error-phone-invalid = Digite um número de celular com o código do país, como +52 55 1234 5678.
error-language-invalid = Escolha um dos idiomas da lista.
error-code-format = Digite o código de 6 dígitos.
error-code-wrong = Este código não está correto ou expirou. Confira o código ou peça um novo.
error-current-password-wrong = Sua senha atual não está correta.
error-role-invalid = Escolha uma das funções da lista.
error-field-required = Este campo é obrigatório.
error-field-invalid = O que você digitou aqui não está correto ou não está escrito do jeito certo. Confira e tente de novo.

## Problemas (detalhes da API e erros de página)

problem-not_found = Não há nada neste endereço.
problem-method_not_allowed = Este endereço não aceita este método.
problem-payload_too_large = O que você enviou é grande demais.
problem-unsupported_media_type = Envie o corpo da requisição como JSON, com Content-Type: application/json.
problem-malformed_json = O corpo da requisição não é um JSON válido.
problem-unreadable_body = Não foi possível ler o corpo da requisição.
problem-validation_failed = Algumas informações estão faltando ou não são válidas. Abaixo, marcamos cada campo com problema.
problem-too_many_requests = Muitas tentativas. Espere { $seconds } segundos e tente de novo.
problem-internal_error = Tivemos um problema no nosso sistema. Tente de novo mais tarde.
problem-timed_out = O servidor não conseguiu responder a tempo. Tente de novo daqui a pouco.
problem-database_unavailable = O serviço não está disponível agora. Tente de novo daqui a pouco.
problem-overloaded = O serviço está sobrecarregado agora. Tente de novo daqui a pouco.
problem-bad_request = Não foi possível entender a requisição.
problem-invalid_credentials = O endereço de e-mail ou a senha não estão corretos.
problem-email_not_verified = Você ainda não confirmou seu endereço de e-mail. Podemos enviar um novo código.
problem-totp_required = Digite o código do seu aplicativo autenticador.
problem-totp_invalid = O código do aplicativo autenticador não está correto.
problem-unauthenticated = Você precisa entrar na sua conta para fazer isso.
problem-forbidden = Você não tem permissão para fazer isso.
problem-mfa_required = A equipe precisa ativar a verificação em duas etapas antes de usar as funções da equipe.
problem-csrf_failed = Este formulário expirou ou não veio do Puerta. Volte, recarregue a página e tente de novo.
problem-code_invalid = Este código não está correto ou expirou. Peça um novo código.
problem-account_disabled = Esta conta está desativada. Fale com o suporte.
problem-totp_already_enabled = A verificação em duas etapas já está ativada.
problem-totp_not_started = Primeiro, comece a configurar a verificação em duas etapas.
problem-conflict = Algo nesta página mudou depois que você a abriu, por isso não salvamos sua alteração. Recarregue a página, confira e tente de novo.
problem-last_admin = Você não pode remover o último administrador.
problem-password_reset_required = Para sua segurança, escolha uma nova senha antes de entrar. Use "Esqueceu sua senha?" para receber um código.
problem-email_taken = Outra conta já usa este endereço de e-mail.

## Criar conta e confirmar o e-mail

register-title = Criar uma conta
register-intro = Você precisa de uma conta para enviar suas informações e pedir um agendamento. É grátis.
register-submit = Criar conta
verify-title = Veja seu e-mail
verify-intro = Se o endereço estiver correto, enviamos para ele um código de 6 dígitos. O código vale por 10 minutos.
verify-submit = Confirmar endereço de e-mail
verify-resend = Enviar um novo código
verify-resent = Caso exista uma conta ainda não confirmada com este endereço, enviamos um novo código.
verify-done = Seu endereço de e-mail foi confirmado. Agora você pode entrar.

## Entrar e sair

sign-in-title = Entrar
sign-in-submit = Entrar
sign-in-forgot = Esqueceu sua senha?
sign-in-no-account = Ainda não tem uma conta?
sign-in-not-verified = Você ainda não confirmou seu endereço de e-mail.
sign-in-totp-title = Verificação em duas etapas
sign-in-totp-submit = Continuar
signed-out = Você saiu da sua conta.
session-expired = Sua sessão foi encerrada porque você ficou 15 minutos sem fazer nada, ou porque já se passaram 12 horas desde que você entrou. Entre de novo para continuar.

## Redefinir a senha

forgot-title = Redefina sua senha
forgot-intro = Digite o endereço de e-mail da sua conta. Se existir uma conta com esse endereço, vamos enviar um código para redefinir sua senha. O código vale por 30 minutos.
forgot-submit = Enviar código
reset-title = Escolha uma nova senha
reset-intro = Digite o código do e-mail e uma nova senha. Todas as outras sessões serão encerradas.
reset-submit = Salvar nova senha
reset-done = Sua senha foi alterada. Entre com sua nova senha.

## Conta

account-title = Sua conta
account-email = Endereço de e-mail
account-name = Nome completo
account-phone = Celular
account-phone-none = Não informado
account-language = Idioma
account-role = Função
account-mfa = Verificação em duas etapas
account-mfa-on = Ativada
account-mfa-off = Desativada
account-change = Alterar
account-change-password-title = Altere sua senha
account-change-password-submit = Alterar senha
account-password-changed = Sua senha foi alterada.
account-change-email-title = Altere seu endereço de e-mail
account-change-email-intro = Vamos enviar um código para o novo endereço. A mudança vai valer quando você digitar o código.
account-change-email-submit = Enviar código para o novo endereço
account-email-code-title = Confirme seu novo endereço de e-mail
account-email-changed = Seu endereço de e-mail foi alterado.
account-change-language-submit = Salvar idioma
account-language-changed = Seu idioma foi salvo.
account-change-phone-title = Altere seu número de celular
account-change-phone-submit = Salvar número de celular
account-phone-changed = Seu número de celular foi salvo.
account-data-title = Seus dados
account-data-intro = Você pode baixar em um arquivo tudo o que o Puerta guarda sobre você.
account-data-download = Baixar meus dados
account-delete-title = Exclua sua conta
account-delete-intro = Isso encerra todas as suas sessões e exclui seus dados pessoais. Precisamos guardar alguns registros por motivos legais, sem seu nome e sem seus dados de contato. Não é possível desfazer isso.
account-delete-submit = Excluir minha conta
account-deleted = Sua conta foi excluída.
account-wasnt-me-title = Proteja sua conta
account-wasnt-me-done-title = Sua conta está protegida
account-wasnt-me-done = Encerramos todas as sessões da sua conta. Para entrar de novo, escolha uma nova senha: na página de acesso, aperte "Esqueceu sua senha?" e enviaremos um código para o seu e-mail.
account-wasnt-me-intro = Se outra pessoa entrou na sua conta, aperte o botão. Vamos encerrar todas as sessões, e depois você vai escolher uma nova senha.
account-wasnt-me-submit = Sair em todos os aparelhos

## Verificação em duas etapas (TOTP)

totp-title = Configure a verificação em duas etapas
totp-intro = A verificação em duas etapas pede um código de um aplicativo no seu celular toda vez que você entra. Assim, ninguém consegue entrar só com a sua senha.
totp-step-scan = Escaneie este código QR com um aplicativo autenticador.
totp-step-key = Se não conseguir escanear, digite esta chave no aplicativo:
totp-step-confirm = Digite o código de 6 dígitos que aparece no aplicativo.
totp-submit = Ativar a verificação em duas etapas
totp-enabled = A verificação em duas etapas está ativada.
totp-recovery-title = Guarde seus códigos de recuperação
totp-recovery-intro = Se você perder seu celular, cada um destes códigos permite entrar uma vez. Anote os códigos em um papel e guarde em um lugar seguro. Não vamos mostrar esses códigos de novo.
totp-recovery-continue = Já guardei meus códigos

## Funções

role-traveler = Viajante
role-officer = Agente
role-supervisor = Supervisor
role-admin = Administrador
role-partner = Organização parceira

## Página principal e equipe

dashboard-title = Boas-vindas, { $name }
dashboard-intro = Esta é a sua página principal.
staff-title = Página da equipe
staff-intro = As funções da equipe ficam aqui.
staff-mfa-needed = Ative a verificação em duas etapas para usar as funções da equipe.

## Administração

admin-users-title = Usuários
admin-users-email = E-mail
admin-users-role = Função
admin-users-status = Situação
admin-users-created = Criado em
admin-users-active = Ativo
admin-users-disabled = Desativado
admin-users-set-role = Alterar função
admin-users-disable = Desativar
admin-users-enable = Ativar
admin-users-reset-mfa = Redefinir a verificação em duas etapas
admin-users-updated = O usuário foi atualizado.
admin-audit-title = Registro de auditoria
admin-audit-time = Hora
admin-audit-action = Ação
admin-audit-actor = Feito por
admin-audit-target = Conta
admin-audit-ip = Endereço IP
admin-audit-filter = Filtrar
admin-audit-empty = Nenhum registro encontrado.

## E-mails

email-greeting = Olá, { $name },
email-greeting-unnamed = Olá,
email-signature = Puerta
email-ignore = Se você não pediu isso, pode ignorar esta mensagem.
email-verify-subject = Seu código do Puerta: { $code }
email-verify-body = Seu código para confirmar seu endereço de e-mail é { $code }. Ele vale por 10 minutos. Não mostre este código a ninguém.
email-already-registered-subject = Alguém tentou criar uma conta no Puerta com seu e-mail
email-already-registered-body = Alguém tentou criar uma nova conta com este endereço de e-mail, mas você já tem uma. Se foi você, entre na sua conta, ou redefina sua senha se você a esqueceu. Se não foi você, não precisa fazer nada.
email-sign-in-subject = Novo acesso à sua conta do Puerta
email-sign-in-body = Alguém entrou na sua conta. Data e hora do acesso: { $time }. Se foi você, não precisa fazer nada.
email-sign-in-wasnt-me = Se não foi você, abra este link. Vamos encerrar todas as sessões e você vai escolher uma nova senha: { $link }
email-reset-subject = Seu código para redefinir a senha do Puerta: { $code }
email-reset-body = Seu código para redefinir sua senha é { $code }. Ele vale por 30 minutos. Você também pode abrir este link: { $link }
email-change-subject = Confirme seu novo endereço de e-mail no Puerta: { $code }
email-change-body = Seu código para confirmar este novo endereço de e-mail é { $code }. Ele vale por 10 minutos.
email-password-changed-subject = Sua senha do Puerta foi alterada
email-password-changed-body = A senha da sua conta do Puerta foi alterada. Se não foi você, redefina sua senha agora.
email-email-changed-subject = Seu endereço de e-mail do Puerta foi alterado
email-email-changed-body = O endereço de e-mail da sua conta do Puerta foi trocado por outro endereço. Se não foi você, fale com o suporte agora.
sms-sign-in = Puerta: alguém entrou na sua conta. Data e hora: { $time }. Não foi você? Veja seu e-mail.

## Fusos horários (aparecem ao lado de cada horário de um ponto de entrada)

zone-america-phoenix = horário do Arizona (Nogales)
zone-america-chicago = horário do Centro (Texas)
zone-america-denver = horário da Montanha (El Paso)
zone-america-los-angeles = horário do Pacífico (San Diego)
zone-america-new-york = horário do Leste (Nova York)

## Requisitos de entrada

er-title = Requisitos de entrada
er-intro = O que levar, como pedir um agendamento e o que acontece em cada ponto de entrada. Você pode ler estas páginas sem uma conta e, depois de abri-las uma vez, também sem internet.
er-general-heading = Antes de viajar
er-ports-heading = Pontos de entrada
er-fallback = Esta página ainda não foi traduzida para o seu idioma. Ela aparece em inglês.
er-in-english = em inglês
er-updated = Última atualização: { $date }
er-port-time = Horário atual neste ponto de entrada: { $time }
er-back = Todos os requisitos de entrada
er-edit = Editar esta página

## Página principal

dashboard-er-text = Veja o que levar e como funcionam os agendamentos.
dashboard-er-count = { $count ->
    [one] { $count } página
   *[other] { $count } páginas
}
dashboard-cases-title = Meus casos
dashboard-cases-empty = Você ainda não enviou suas informações. Quando você enviar, vai receber um número de referência, e seu caso vai aparecer aqui.
dashboard-appointments-title = Agendamentos
dashboard-appointments-empty = Você não tem nenhum agendamento.
dashboard-messages-title = Mensagens
dashboard-messages-empty = Você não tem mensagens.
dashboard-notifications-title = Notificações
dashboard-notifications-empty = Você não tem notificações.
dashboard-unread = { $count ->
    [one] { $count } não lida
   *[other] { $count } não lidas
}

## Sem internet

offline-title = Você está sem internet
offline-text = Esta página precisa de conexão com a internet. Os requisitos de entrada que você abriu antes continuam aqui.
offline-link = Ler os requisitos de entrada

## Edição de conteúdo (administradores)

nav-admin-content = Requisitos de entrada
admin-content-title = Editar os requisitos de entrada
admin-content-language = Idioma desta versão
field-title = Título
field-summary = Resumo
field-summary-hint = Uma frase, que aparece na lista.
field-body = Texto
field-body-hint = Markdown: ## para um título, - para um item de lista, uma linha em branco entre os parágrafos.
admin-content-preview = Pré-visualizar
admin-content-save = Salvar como nova versão
admin-content-saved = A nova versão foi salva e publicada.
admin-content-preview-title = Pré-visualização
admin-content-history = Versões
admin-content-version = Versão { $version }, { $date }
error-content-slug = Esta página não existe.
error-content-title = Digite um título de até 200 caracteres.
error-content-summary = Escreva um resumo de até 300 caracteres.
error-content-body = Digite o texto, com até 50.000 caracteres.

## Página da equipe

staff-capacity-title = Capacidade diária em cada ponto de entrada
staff-port = Ponto de entrada
staff-zone = Fuso horário
staff-daily-capacity = Agendamentos por dia
staff-total = Todos os pontos de entrada

## Organizações parceiras e envio de mensagens

nav-partner = Página das organizações parceiras
nav-admin-deliveries = Envio de mensagens
partner-title = Página das organizações parceiras
partner-intro = Aqui você vê os pontos de entrada e quantos agendamentos cada um oferece por dia. Assim, você pode ajudar as pessoas que atende a planejar a viagem.
partner-entry-requirements = Leia os requisitos de entrada para compartilhar com as pessoas que você ajuda
admin-deliveries-title = Envio de mensagens
admin-deliveries-intro = Todos os e-mails e SMS que o Puerta envia, e se eles chegaram. Endereços de e-mail, números de telefone e o conteúdo das mensagens nunca aparecem aqui.
admin-deliveries-status = Situação
admin-deliveries-any = Qualquer situação
admin-deliveries-empty = Nenhuma mensagem encontrada.
admin-deliveries-created = Entrou na fila em
admin-deliveries-kind = Mensagem
admin-deliveries-attempts = Tentativas
admin-deliveries-next = Próxima tentativa
delivery-status-created = Aguardando envio
delivery-status-sending = Sendo enviada
delivery-status-delivered = Entregue
delivery-status-temporary_failure = Ainda não entregue (vamos tentar de novo)
delivery-status-permanent_failure = Não foi possível entregar (o endereço ou o número recusou)
delivery-status-technical_failure = Não enviada (um problema no nosso sistema)
delivery-channel-email = e-mail
delivery-channel-sms = SMS
list-next-page = Próxima página
error-id-invalid = Este identificador não é válido. Copie de novo da lista.
error-cursor-invalid = O link desta página não é válido. Volte para a primeira página e tente de novo.
error-audit-action-unknown = Essa ação não existe. Use um nome da lista, por exemplo sign_in_failed.
error-delivery-status-unknown = Essa situação não existe. Escolha uma da lista.

## Account guards and busy networks (issue 8)
problem-sign_in_locked = Muitas senhas erradas foram tentadas nesta conta. Tente de novo em { $minutes } minutos ou redefina sua senha agora: vamos enviar um código por e-mail.
problem-proof_required = Muitos pedidos estão chegando da sua rede agora. Resolva a verificação do campo "challenge" e envie o pedido de novo com a resposta.
error-proof-required = Muitas pessoas estão usando esta conexão agora. Seu navegador está fazendo uma verificação rápida. Quando ele disser que terminou, envie o formulário de novo.
proof-working = Verificando sua conexão. Isso leva alguns segundos.
proof-done = Pronto. Você já pode enviar o formulário.
proof-no-script = Esta verificação precisa de JavaScript. Ative o JavaScript ou tente de novo em alguns minutos.
email-mfa-enabled-subject = A verificação em duas etapas está ativada na sua conta do Puerta
email-mfa-enabled-body = A verificação em duas etapas foi ativada na sua conta do Puerta e a sessão foi encerrada em todos os outros aparelhos. Se não foi você, redefina sua senha agora.
totp-password = Sua senha
totp-password-hint = Para proteger sua conta, digite sua senha de novo.

## The reader's time zone (issue 9)
account-time-zone = Fuso horário
field-time-zone-hint = Mostramos todos os horários neste fuso, com o nome dele.
account-change-time-zone-title = Escolha seu fuso horário
account-change-time-zone-submit = Salvar fuso horário
account-time-zone-changed = Seu fuso horário foi salvo.
error-time-zone-invalid = Escolha um fuso horário da lista.
zone-america-mexico-city = horário da Cidade do México (Guadalajara, Monterrey)
zone-america-tijuana = horário do Pacífico (Tijuana, Mexicali)
zone-america-hermosillo = horário do Arizona e de Sonora (Hermosillo, Nogales)
zone-america-ciudad-juarez = horário da Montanha (Ciudad Juárez, o mesmo de El Paso)
zone-america-matamoros = horário do Texas (Matamoros, Reynosa, Nuevo Laredo)
zone-america-cancun = horário de Cancún (Quintana Roo)
# The language page (the header links to it from every page).
language-title = Escolha seu idioma
language-back = Voltar sem mudar o idioma

## Cases and documents (issue 10)
error-reference-format = Digite o número de referência com 3 letras e 10 dígitos, como PUE 4829 3017 58.
error-reference-check-digit = Este número de referência tem um erro de digitação. Confira cada dígito no seu comprovante e tente de novo.
error-case-status-unknown = Essa situação de caso não existe. Escolha uma da lista.
case-status-received = Recebemos suas informações.
case-status-in_review = Um agente está analisando seu caso.
case-status-evidence_requested = Precisamos de mais documentos seus.
case-status-evidence_received = Recebemos os documentos que você enviou.
case-status-approved = Seu caso foi aprovado.
case-status-denied = Seu caso foi negado.
case-status-appeal_received = Recebemos seu recurso.
case-status-appeal_upheld = Seu recurso foi decidido: a negativa foi mantida.
case-status-appeal_granted = Seu recurso foi decidido: a negativa foi anulada.
case-status-withdrawn = Você desistiu deste caso.
case-next-received = Você não precisa fazer nada agora. Um agente vai analisar seu caso. Vamos avisar você se precisarmos de alguma coisa.
case-next-in_review = Você não precisa fazer nada agora. Vamos avisar você se precisarmos de mais documentos.
case-next-evidence_requested = Envie os documentos que pedimos antes do prazo final. Seu caso fica parado até você enviar os documentos.
case-next-evidence_received = Você não precisa fazer nada agora. Um agente vai analisar seus documentos.
case-next-approved = Leia os próximos passos no aviso de decisão.
case-next-denied = Leia os motivos no aviso de decisão. Você pode entrar com recurso em até 30 dias após a decisão.
case-next-appeal_received = Você não precisa fazer nada agora. Um supervisor que não tomou a primeira decisão vai decidir seu recurso.
case-next-appeal_upheld = Seu caso está encerrado. Leia os motivos na decisão do recurso.
case-next-appeal_granted = Leia os próximos passos na decisão do recurso.
case-next-withdrawn = Seu caso está encerrado. Você não precisa fazer nada.
problem-illegal_transition = Este caso não pode passar para essa situação a partir da situação atual. Recarregue o caso para ver como ele está.
problem-evidence_not_due = O viajante ainda tem tempo para enviar os documentos pedidos. Você pode decidir depois do prazo final ou quando ele responder.
problem-appeal_late = O prazo para recurso terminou. O recurso precisa chegar em até 30 dias após a decisão.
problem-appeal_already_made = Este caso já teve um recurso. Cada caso só pode ter um recurso.
problem-appeal_same_decider = Foi você quem decidiu este caso, então você não pode decidir o recurso. Outro supervisor precisa decidir.
problem-group_full = Um grupo pode ter no máximo 10 viajantes: você e 9 pessoas que viajam com você.
problem-already_open = Este viajante já tem um caso aberto. Acompanhe esse caso em vez de enviar as informações de novo.
error-group-empty = Escolha pelo menos um viajante.
error-group-duplicate = Cada viajante só pode aparecer uma vez nas informações que você envia.
error-traveler-unknown = Este viajante não está na sua conta. Adicione essa pessoa primeiro.
error-text-too-long = Escreva no máximo 100 caracteres.
error-text-control = Escreva isto em uma só linha, sem tabulações nem outros caracteres especiais.
error-text-bidi = Este texto tem caracteres ocultos que mudam a direção do texto. Digite de novo em vez de copiar.
error-text-separator = Escreva isto em uma só linha, sem quebras de linha nem de parágrafo.
error-country-invalid = Escolha um país da lista.
error-date-of-birth-format = Digite a data de nascimento com ano, mês e dia, como 1990-07-04.
error-date-of-birth-future = A data de nascimento precisa ser hoje ou no passado.
error-date-of-birth-too-old = Confira o ano: a data de nascimento precisa ser de 1900 em diante, e de no máximo 120 anos atrás.
error-gender-invalid = Escolha uma das opções ou deixe em branco.
gender-female = Feminino
gender-male = Masculino
gender-non_binary = Não binário
gender-unspecified = Prefiro não informar
error-document-type-invalid = Escolha o tipo de documento na lista.
error-document-number-required = Digite o número do documento.
error-document-number-invalid = Digite o número do documento usando só letras de A a Z, números e hifens, com no máximo 30 caracteres.
error-document-expiry-format = Digite a data de validade com ano, mês e dia, como 2030-01-31.
error-document-expiry-too-late = Confira a data de validade: ela está longe demais no futuro.
notice-document-expired = Este documento está vencido. Você ainda pode usar o documento; um agente vai levar isso em conta.
error-us-state-invalid = Escolha na lista um estado ou território dos Estados Unidos.
error-us-postal-code-invalid = Digite um código postal americano (ZIP) de 5 dígitos, como 78520, ou ZIP+4, como 78520-1234.
error-document-empty = O arquivo está vazio. Escolha o arquivo de novo.
error-document-too-big = O arquivo tem mais de { $limit }. Envie um arquivo menor ou digitalize com uma resolução mais baixa.
error-document-type = O arquivo precisa ser PDF, JPEG, PNG ou TIFF.
error-document-name-mismatch = O nome do arquivo não corresponde ao tipo do arquivo. Mude o nome para que termine com a extensão certa (.pdf, .jpg, .png ou .tif) e envie de novo.
error-document-corrupt = O arquivo está danificado ou incompleto. Salve ou digitalize de novo e envie o novo arquivo.
error-document-polyglot = O arquivo tem outro conteúdo além do documento, por exemplo dados ocultos depois do fim. Salve de novo como PDF, JPEG, PNG ou TIFF e envie o novo arquivo.
error-document-active-content = O PDF contém scripts, ações ou arquivos anexados. Imprima o documento em um novo PDF e envie esse novo arquivo.
error-document-encrypted = O PDF está protegido por senha. Tire a senha e envie de novo.
error-document-pixels = A imagem tem pixels demais. Digitalize ou salve com uma resolução mais baixa.
error-document-pages = O TIFF tem mais de uma página. Envie cada página separadamente ou envie um PDF.
error-document-name = Não é possível usar esse nome de arquivo. Mude o nome usando só letras, números, espaços, pontos e hifens.
error-document-kind = Escolha o que é o documento: passaporte, documento nacional de identidade, certidão de nascimento, prova, recurso ou outro.
error-document-quota = Este caso já tem todos os documentos que pode guardar ({ $limit } no total). Entre em contato conosco se precisar enviar mais.

## Receipt email (issue 10)
email-application-received-subject = Recebemos suas informações
email-application-received-body = Recebemos as informações que você enviou para o seu grupo. Cada viajante tem o seu próprio caso e o seu número de referência:

    { $references }

    Guarde esses números. Você pode acompanhar cada caso na sua conta do Puerta.

## Trabalho nos casos: assumir, pedir documentos, decisões, recursos (issue 10)
problem-already_claimed = Outro agente já assumiu este caso. Recarregue a lista e escolha outro caso.
error-long-text-too-long = Escreva no máximo 4.000 caracteres.
error-evidence-items = Escreva pelo menos 1 documento para pedir, e no máximo 20.
error-evidence-due-date = Escolha um prazo final entre amanhã e 12 semanas a partir de hoje, por exemplo 2027-01-15. Deixe em branco para dar 30 dias.
error-outcome-invalid = Escolha um dos resultados da lista.
error-reason-codes-required = Para negar um caso, é preciso pelo menos 1 motivo. Escolha os motivos da lista.
error-reason-code-unknown = Um dos motivos não está na lista. Escolha os motivos da lista.
reason-incomplete_information = Faltam informações de que precisamos na sua solicitação.
reason-inconsistent_information = Algumas informações que você deu não batem com outras informações ou documentos.
reason-identity_not_established = Não conseguimos confirmar quem você é.
reason-insufficient_evidence = Os documentos que você enviou não mostram o que a sua solicitação diz.
reason-no_evidence_response = Não recebemos os documentos que pedimos até o prazo final.
email-case-updated-subject = Novidades sobre o seu caso { $reference }
email-case-updated-body = Há novidades sobre o seu caso { $reference }. Você pode vê-las quando entrar na sua conta do Puerta.
email-evidence-requested-subject = Precisamos de mais documentos para o seu caso { $reference }
email-evidence-requested-body = Para continuar com o seu caso { $reference }, um agente precisa destes documentos:

    { $items }

    Envie os documentos pela sua conta do Puerta até { $date }. O seu caso fica parado até você enviar. Se você não enviar a tempo, o agente pode decidir com as informações que tem.
email-case-approved-subject = Seu caso { $reference } foi aprovado
email-case-approved-body = Seu caso { $reference } foi aprovado. Entre na sua conta do Puerta para ler a decisão e os próximos passos.
email-case-denied-subject = Decisão sobre o seu caso { $reference }
email-case-denied-body = Seu caso { $reference } foi negado pelos seguintes motivos:

    { $reasons }

    Você pode ler a decisão completa na sua conta do Puerta.
email-case-denied-appeal = Você pode entrar com recurso contra esta decisão. Para isso, entre na sua conta do Puerta, abra o caso e explique por que a decisão deve mudar. O seu recurso precisa chegar até { $date }. Um supervisor que não tomou esta decisão vai decidir o seu recurso.
email-appeal-decided-subject = Decisão sobre o seu recurso do caso { $reference }
email-appeal-granted-body = O seu recurso do caso { $reference } foi aceito: a negativa foi anulada. Entre na sua conta do Puerta para ler a decisão e os próximos passos.
email-appeal-upheld-body = O seu recurso do caso { $reference } foi decidido: a negativa foi mantida. Entre na sua conta do Puerta para ler os motivos.

# Officer work on cases (queue, notes, assignment, reasons)
error-port-unknown = Escolha um ponto de entrada da lista.
error-queue-age = Digite um número de dias de 1 a 3650.
error-assignee-not-officer = Escolha um agente ou supervisor ativo.
error-reason-code-format = Use de 2 a 64 letras minúsculas, números ou sublinhados, começando com uma letra, por exemplo document_expired.
error-reason-title-too-long = Use no máximo 300 caracteres.
problem-reason_code_taken = Já existe um motivo com este código. Escolha outro código.
email-evidence-arrived-subject = Documentos recebidos para o caso { $reference }
email-evidence-arrived-body = O viajante enviou os documentos pedidos no caso { $reference }. O caso voltou para a sua lista de trabalho.
decision-approved-next-steps = Agora você pode pedir um agendamento em um ponto de entrada. Guarde seu número de referência. No dia, leve seu documento de identidade e os documentos que nos enviou.

# Agendamentos (issue 11): a verificação da área atendida ao pedir e ao confirmar um agendamento.
geofence-refused-position = Não conseguimos ler a sua localização. Verifique se a localização do seu celular está ativada e tente de novo.
geofence-refused-accuracy = O seu celular deu só uma localização aproximada. Ative a localização do seu celular, permita que este site use a sua localização exata, vá para um lugar aberto ou fique perto de uma janela e tente de novo.
geofence-retry = Verificar minha localização de novo
geofence-outside-north-of-19 = A sua localização está fora da área que atendemos. Você só pode pedir um agendamento, e confirmá-lo, se estiver no norte ou no centro do México: por exemplo, numa cidade da fronteira, em Monterrey, Guadalajara, na Cidade do México, em Puebla, Veracruz, Mérida ou Cancún. Mais ao sul não é possível: por exemplo, em Cuernavaca, Acapulco, Oaxaca, Villahermosa, Tapachula ou Chetumal.
geofence-outside-north-of-19-chiapas-tabasco = A sua localização está fora da área que atendemos. Você só pode pedir um agendamento, e confirmá-lo, se estiver no norte ou no centro do México (por exemplo, numa cidade da fronteira, em Monterrey, Guadalajara, na Cidade do México, em Puebla, Veracruz, Mérida ou Cancún) ou nos estados de Chiapas e Tabasco. No resto do sul não é possível: por exemplo, em Cuernavaca, Acapulco, Oaxaca ou Chetumal.
geofence-outside-mexico = A sua localização está fora da área que atendemos. Você só pode pedir um agendamento, e confirmá-lo, se estiver no México (em qualquer lugar do país).

# Recusas da API e das páginas de agendamento.
problem-request_window_closed = No momento, não estamos recebendo pedidos de agendamento. Você pode pedir de novo a partir de { $time }.
problem-outside_service_area = A sua localização está fora da área que atendemos.
problem-location_imprecise = O seu celular deu só uma localização aproximada. Ative a localização exata e tente de novo.
problem-already_requested = Você já fez um pedido para este viajante neste sorteio. Aguarde o resultado, que sai amanhã.
problem-already_scheduled = Este viajante já tem um agendamento oferecido ou um agendamento confirmado. Use esse agendamento ou cancele-o antes.
problem-draw_closed = O horário dos pedidos deste sorteio já terminou, então não é mais possível retirar o pedido.
problem-draw_frozen = A lista de pedidos deste sorteio já está fechada, então as vagas não podem mais mudar.
problem-draw_not_frozen = O valor aleatório público só pode ser registrado uma vez, depois que o horário dos pedidos termina e antes do sorteio.
problem-draw_already_run = Este sorteio já foi realizado.
problem-public_randomness_missing = Este sorteio está aguardando o seu valor aleatório público. Registre esse valor primeiro.
problem-offer_expired = O prazo para confirmar este agendamento terminou. Você pode pedir um agendamento de novo.
problem-not_offered = Este agendamento não pode mais ser confirmado.
problem-not_cancellable = Este agendamento não pode mais ser cancelado.
problem-photo_required = Cada viajante precisa de uma foto tirada hoje. Tire as fotos que faltam e depois confirme.
problem-already_checked_in = A chegada deste grupo já foi registrada.
appointment-error-date = Digite uma data, como 2026-12-24.
appointment-error-no-travelers = Escolha pelo menos um viajante.
appointment-error-traveler-twice = Cada viajante só pode ser escolhido uma vez.
appointment-error-no-case = Primeiro envie as informações deste viajante. Depois você pode pedir um agendamento.
appointment-error-photo-required = Tire uma foto deste viajante agora.
appointment-error-photo-missing = Escolha ou tire uma foto.
appointment-error-photo-type = A foto precisa ser uma imagem JPEG ou PNG da câmera do seu celular.
appointment-error-birth-mismatch = Ninguém neste grupo tem essa data de nascimento. Confira a data e o número de confirmação.
appointment-error-randomness-source = Informe onde o valor foi publicado, em no máximo 200 caracteres.
appointment-error-randomness-value = Digite o valor em hexadecimal, com pelo menos 32 dígitos.
appointment-error-time = Digite um horário, como 12:00.
appointment-error-zone = Digite um fuso horário, como America/New_York.
appointment-error-share = Digite um número de 0 a 1000 (em milésimos: 500 é a metade).
appointment-error-lead-days = Digite um número de dias de 0 a 60.
appointment-error-policy = Escolha uma das áreas atendidas da lista.
appointment-error-window = O horário dos pedidos precisa começar antes de terminar.
appointment-error-places = Digite um número de vagas de 0 a 10000.

# E-mails e mensagens de texto sobre agendamentos.
email-appointment-offered-subject = Você conseguiu uma vaga: confirme o agendamento a tempo
email-appointment-offered-body = Seu grupo conseguiu uma vaga para um agendamento em { $port }. Data e hora: { $time }. Entre na sua conta do Puerta e confirme o agendamento antes de { $deadline }. Para confirmar, você precisa estar na área que atendemos e tirar uma foto de cada viajante. Se você não confirmar a tempo, a vaga passa para outro grupo. Os agendamentos são gratuitos: ninguém pode cobrar dinheiro de você.
sms-appointment-offered = Puerta: seu grupo conseguiu uma vaga para um agendamento em { $port }. Entre na sua conta e confirme antes de { $deadline }. O agendamento é gratuito.
email-appointment-confirmed-subject = Seu agendamento está confirmado
email-appointment-confirmed-body = Seu agendamento em { $port } está marcado para { $time }. Seu número de confirmação é { $number }. Mostre esse número no ponto de entrada, junto com os documentos de identidade de cada viajante. Chegue no horário marcado.
email-appointment-released-subject = O agendamento oferecido não está mais disponível
email-appointment-expired-body = O prazo para confirmar o seu agendamento em { $port } terminou, então a vaga passou para outro grupo. Você pode pedir um agendamento de novo no próximo horário dos pedidos.
email-appointment-cancelled-body = Você cancelou o seu agendamento em { $port }, então a vaga passou para outro grupo. Você pode pedir um agendamento de novo no próximo horário dos pedidos.
email-scheduling-changed-subject = As regras dos agendamentos mudaram
email-scheduling-changed-body = As regras dos agendamentos mudaram depois que você fez o seu pedido (os horários, as vagas ou a área atendida). Entre na sua conta do Puerta para ver o que isso muda no seu pedido.

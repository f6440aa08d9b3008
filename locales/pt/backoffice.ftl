# backoffice

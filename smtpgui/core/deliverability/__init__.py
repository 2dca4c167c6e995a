"""Will the mail arrive: the From domain's SPF, DKIM and DMARC judged against the server in use."""

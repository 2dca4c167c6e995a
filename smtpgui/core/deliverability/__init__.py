"""Will the mail arrive: the From domain's SPF, DKIM and DMARC judged against the server in use
(domain_check, verdicts, model), checked beside a test (beside_test), and the test message read
back over IMAP (arrival)."""

__all__ = ["arrival", "beside_test", "domain_check", "model", "verdicts"]

"""The one mailbox the bench's servers accept, in a module that imports nothing.

ASCII on purpose: plain smtplib's login() cannot send anything else, and the bench compares it.
"""

USER = "bench@example.test"
PASSWORD = "bench-password"
OWN = "admin@example.test"  # the test recipient (the admin's own address)

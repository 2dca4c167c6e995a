"""Which AUTH mechanism to prefer: shared by the probe and Detect, and cheap to import."""

from __future__ import annotations

# Over TLS the password is safe in any mechanism: prefer the one every server gets right.
PREFERENCE_TLS = ("PLAIN", "LOGIN", "CRAM-MD5")
# In the clear (only when the admin allowed it) prefer the one that does not reveal the password.
PREFERENCE_CLEAR = ("CRAM-MD5", "PLAIN", "LOGIN")

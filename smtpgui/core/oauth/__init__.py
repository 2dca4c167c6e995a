"""OAuth2 for SMTP: the client settings of a profile (settings), tokens and the token endpoint
(tokens), sign-in in the browser (browser) or with a code (device), and a fresh access token per
test for a saved profile (session).
"""

__all__ = ["browser", "device", "session", "settings", "tokens"]

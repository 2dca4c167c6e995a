"""A profile: the validated settings (settings, addresses), their atomic file (store), the secrets
in the OS keyring bound to their account and server (secrets, memory_keyring), a profile file to
carry (file), and what it keeps insecure on purpose (insecure).
"""

__all__ = ["addresses", "file", "insecure", "memory_keyring", "secrets", "settings", "store"]

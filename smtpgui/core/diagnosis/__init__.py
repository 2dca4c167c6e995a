"""The diagnosis: a failed ProbeResult in plain words with numbered steps to fix it (diagnose),
from a catalogue of rules by theme (connection, certificate, login, reply, oauth). A new rule goes
into the theme's module and is listed in catalogue.py.
"""

__all__ = ["diagnose"]

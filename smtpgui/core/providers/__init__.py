"""The provider catalogue: well-known mail services read from providers.json (catalogue), and what
it tells the admin about a profile or a failure (hints). A new provider is an entry in the JSON.
"""

__all__ = ["catalogue", "hints"]

"""Finding settings ("Find settings" and "Detect" on screen): from an e-mail address through the
catalogue, DNS, autoconfig and guesses (run, findings), and from a host by asking its ports 465,
587 and 25 what they offer (detect).
"""

__all__ = ["detect", "detect_port", "dns_records", "findings", "run"]

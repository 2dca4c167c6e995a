"""Text without Qt: translation marks and the .qm reader (i18n, qm_file), bytes of unknown
encoding (encoding), and peer text made safe to show (printable).
"""

__all__ = ["encoding", "i18n", "printable", "qm_file"]

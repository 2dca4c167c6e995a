"""The window (PySide6): SettingsWindow, its form and panels, dialogs, and the workers that run the
core off the GUI thread. Nothing here speaks SMTP; it shows what the core decided."""

"""PySide6's import hook, and the source scan in it that smtpgui switches off.

PySide6 replaces `builtins.__import__` with its own `__feature_import__`, so that a module may
write `from __feature__ import snake_case, true_property`. After each import statement it asks
whether the imported module uses PySide6, once per module, by reading the module's whole
source file (`inspect.getsource`) and looking for the word (`feature_imported` in
shibokensupport/feature.py). smtpgui selects no feature, and the reading cost the first paint
about 14 ms for 97 modules; the first Test's worker paid it again, holding the GIL, for every
module it loads (issue 20).

`skip_source_scan()` puts back the import function PySide6's hook wraps, which it keeps as
`builtins.__orig_import__` (in PySide6 6.7 and later that is its lazy class loading, which
stays). Imports work as before; `from __feature__ import ...` no longer does, and smtpgui never
writes it. A module the hook never saw is looked up as one that "ignores" features (PySide6's
own value, -1), so every module runs with none selected, as with the scan.
"""

from __future__ import annotations

import builtins


def skip_source_scan() -> bool:
    """Take PySide6's feature hook out of `builtins.__import__`; False if it is not there.

    Only the exact hook is replaced: an import function another tool installed after it is left
    alone, and so is a PySide6 that names things differently (the scan then goes on, slower).
    """
    hook = getattr(builtins, "__feature_import__", None)
    wrapped = getattr(builtins, "__orig_import__", None)
    if hook is None or wrapped is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = wrapped
    return True

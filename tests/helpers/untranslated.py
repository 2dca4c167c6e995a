"""How the tests spot text that skipped the translator: the words of a literal in the source,
and common English words that no Spanish sentence contains."""

from __future__ import annotations

import ast
import re


def words_in(node: ast.expr) -> str:
    """The literal text of a str constant, f-string or "..." % x, markup removed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = " ".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return f"{words_in(node.left)} {words_in(node.right)}".strip()
    else:
        return ""
    return " ".join(re.findall(r"[A-Za-z]{2,}", re.sub(r"<[^>]*>", " ", text)))


# Common words of the English UI that no Spanish sentence contains; one of them on the Spanish
# screen means a text that did not go through the translator.
ENGLISH = frozenset(
    re.findall(
        r"\w+",
        """the and with from your this that not was could cannot press failed server connecting
        connected trying accepted message password settings certificate none port login test
        send save cancel steps log find copy file help trusted issued valid names status
        connection security user name time limit recipient optional usually address own here
        reachable answer suggested close before after offered detect setting redacted formerly""",
    )
)

"""Remove LaTeX left in a profile page, keeping the words a reader would see."""

from __future__ import annotations

import re

from bot.precompiled import compiled_pattern

_ESCAPED = {"%": "%", "&": "&", "_": "_", "#": "#", "$": "$", "{": "{", "}": "}"}
_SYMBOLS = {
    "sim": "~",
    "approx": "≈",
    "times": "×",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "pm": "±",
    "rightarrow": "→",
    "to": "→",
    "cdot": "·",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "lambda": "λ",
    "mu": "μ",
    "ldots": "…",
    "dots": "…",
    "infty": "∞",
    "sigma": "σ",
    "tau": "τ",
    "theta": "θ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "delta": "δ",
    "rho": "ρ",
    "pi": "π",
    "phi": "φ",
    "psi": "ψ",
    "omega": "ω",
    "eta": "η",
    "kappa": "κ",
    "nu": "ν",
    "xi": "ξ",
    "chi": "χ",
    "zeta": "ζ",
    "Sigma": "Σ",
    "Delta": "Δ",
    "Gamma": "Γ",
    "Omega": "Ω",
    "Lambda": "Λ",
    "Phi": "Φ",
    "Theta": "Θ",
    "partial": "∂",
    "neq": "≠",
    "ne": "≠",
    "in": "∈",
    "ell": "ℓ",
}
# Named operators read as their names: "$O(n \\log n)$" is O(n log n), "$\\nu_{\\max}$" is νmax.
_OPERATORS = frozenset(
    {"max", "min", "log", "ln", "exp", "sin", "cos", "tan", "arg", "argmax", "argmin", "det", "dim", "ker",
     "lim", "sup", "inf", "Pr", "deg", "gcd", "mod", "bmod", "poly", "polylog"}
)  # fmt: skip
# Commands whose argument is a reference, not prose: dropped with the argument.
_DROPPED_WITH_ARGUMENT = {"cite", "citep", "citet", "ref", "eqref", "label", "footnote"}

_ESCAPE = compiled_pattern(r"\\([%&_#${}])")
_ONE_ARGUMENT = compiled_pattern(r"\\([a-zA-Z]+)\*?\s*\{([^{}]*)\}")
_HREF = compiled_pattern(r"\\href\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_BARE_MACRO = compiled_pattern(r"\\([a-zA-Z]+)(?![a-zA-Z])\s?(?:\{\})?")
_LINE_BREAK = compiled_pattern(r"\\\\")
_TEX_QUOTES = compiled_pattern(r"``(.*?)''")
_TIE = compiled_pattern(r"(?<=\w)~(?=\w)")
_MATH = compiled_pattern(r"\$([^$]*)\$")
_SCRIPT = compiled_pattern(r"([\^_])\{([^{}]*)\}|([\^_])(-?[A-Za-z0-9]|\\[a-zA-Z]+)")
_SHORT_SCRIPT = compiled_pattern(r"-?[A-Za-z0-9]{1,3}|\\[a-zA-Z]+")
_THIN_SPACE = compiled_pattern(r"\\[,;:! ]")
_SPACE_BEFORE_PUNCT = compiled_pattern(r"\s+([,.;:!?)])")
_SPACES = compiled_pattern(r"[ \t]+")

_PLACEHOLDER = "\u0000{}\u0000"


def unwrap(match: re.Match[str], unknown_macro: str) -> str:
    name, argument = match.group(1), match.group(2)
    if name in _DROPPED_WITH_ARGUMENT:
        return ""
    if not argument.strip():  # `\modelname{}` is a macro call, not formatting
        return unknown_macro
    return argument


def _math(formula: str) -> str:
    """A formula's words: symbols for Greek letters and relations, operators by their names; a font
    switch ("\\rm") or another macro without an argument is dropped, never read as the paper's system name."""
    formula = _THIN_SPACE.sub(" ", formula)
    formula = _SCRIPT.sub(_script, formula)
    words = _BARE_MACRO.sub(_symbol, formula)
    return _SPACES.sub(" ", words).strip()


def _script(match: re.Match[str]) -> str:
    """A short index stays on its symbol ("S_8" is S8, "H_0" H0, "h^{-1}" h^-1); a longer one is a
    word of its own ("\\epsilon_{PEHE}" is "ε PEHE", not "εPEHE")."""
    mark = match.group(1) or match.group(3)
    content = (match.group(2) if match.group(1) else match.group(4)).strip()
    if not _SHORT_SCRIPT.fullmatch(content):
        return f" {content}"
    # a power keeps its caret ("R^2", "Mpc^-1"): what people type, and its digits stay digits
    return content if mark == "_" else f"^{content}"


def _symbol(match: re.Match[str]) -> str:
    name = match.group(1)
    symbol = _SYMBOLS.get(name) or (name if name in _OPERATORS else None)
    if symbol is None:
        return ""
    following = match.string[match.end() : match.end() + 1]
    glued = (following.isalnum() or following in "^_\\") and match.group().endswith(match.group(1))
    return symbol if glued else symbol + " "


def clean_latex(text: str, unknown_macro: str = "") -> str:
    """Plain text from text with LaTeX markup.

    `\\textbf{X}` keeps X, `\\%` becomes %, `$\\sim$` becomes ~, and any other macro without an
    argument (a paper's `\\modelname`) becomes `unknown_macro`, normally the paper's system name.
    """
    if "\\" not in text and "$" not in text and "``" not in text and "~" not in text:
        return text
    escaped: list[str] = []

    def protect(match: re.Match[str]) -> str:
        escaped.append(_ESCAPED[match.group(1)])
        return _PLACEHOLDER.format(len(escaped) - 1)

    out = _ESCAPE.sub(protect, text)
    out = _HREF.sub(r"\2 (\1)", out)
    out = _MATH.sub(lambda m: _math(m.group(1)), out)
    previous = None
    while previous != out:  # nested arguments unwrap from the inside out
        previous = out
        out = _ONE_ARGUMENT.sub(lambda m: unwrap(m, unknown_macro), out)

    def bare(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in _SYMBOLS:
            return _SYMBOLS[name]
        return unknown_macro + (" " if match.group(0).endswith(" ") else "")

    out = _BARE_MACRO.sub(bare, out)
    out = _LINE_BREAK.sub(" ", out)
    out = _TEX_QUOTES.sub(r'"\1"', out)
    out = _TIE.sub(" ", out)
    out = out.replace("{", "").replace("}", "").replace("\\", "")
    out = re.sub("\u0000(\\d+)\u0000", lambda m: escaped[int(m.group(1))], out)
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", out))
    return out.strip()

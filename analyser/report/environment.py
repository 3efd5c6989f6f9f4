"""The jinja2 environment and the page shell shared by every HTML page.

Why a factory: the environment is built one way only — templates loaded from
package files, autoescape always on, undefined names an error — so no caller
can render with escaping off by accident. It is cached per process (batch
workers render hundreds of pages).

Every page is one self-contained file: its CSS and JavaScript are package
files inlined at render time, and a Content-Security-Policy meta tag allows
exactly those inline blocks by their SHA-256 hashes and nothing else (no
network, no `style=` or `on*=` attributes, no other scripts).
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

# Bidirectional controls reorder the text around them (the "Trojan Source"
# trick) and C0/C1 controls are invisible: shown as their code point instead.
_HIDDEN_CONTROLS = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def control_name(char: str) -> str:
    """`U+202E` for a control character (its Unicode name as a tooltip elsewhere)."""
    return f"U+{ord(char):04X}"


def visible_controls(text: str) -> str:
    """Plain text with bidi and control characters replaced by `[U+XXXX]`."""
    return _HIDDEN_CONTROLS.sub(lambda m: f"[{control_name(m.group())}]", text)


def escape_document_text(text: str) -> Markup:
    """Document text as HTML: escaped, with each hidden control shown as a
    marked code point so it cannot reorder or hide what surrounds it."""
    pieces: list[str] = []
    last = 0
    for match in _HIDDEN_CONTROLS.finditer(text):
        pieces.append(str(escape(text[last : match.start()])))
        char = match.group()
        name = unicodedata.name(char, "control character")
        pieces.append(f'<span class="ctl" title="{escape(name)}">{control_name(char)}</span>')
        last = match.end()
    pieces.append(str(escape(text[last:])))
    return Markup("".join(pieces))


def _finalize(value: Any) -> Any:
    """Applied to every `{{ … }}` output before escaping: strings from the
    document can never carry live bidi controls into the page."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible_controls(value)
    return value


def _thousands(value: int | float) -> str:
    return f"{value:,}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


@lru_cache(maxsize=1)
def build_environment() -> jinja2.Environment:
    """The one way to get templates: package files, autoescape on, strict undefined."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("analyser.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["thousands"] = _thousands
    env.filters["percent"] = _percent
    env.filters["plural"] = _plural
    return env


@cache
def load_asset(name: str) -> str:
    """A CSS or JS file from analyser/report/assets/."""
    return resources.files("analyser.report").joinpath("assets", name).read_text(encoding="utf-8")


def csp_hash(content: str) -> str:
    """The CSP source expression for an inline block with exactly this content."""
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style: str, script: str, form_action: str = "'none'") -> str:
    """No network at all; only our own inline style and script blocks (and,
    for the page of `analyser serve`, a form posted to the page's own server)."""
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(style)}; "
        f"script-src {csp_hash(script)}; "
        f"img-src 'none'; base-uri 'none'; form-action {form_action}"
    )


def render_page(template_name: str, context: dict[str, Any], *, css: list[str], js: list[str],
                extra_css: str = "", form_action: str = "'none'") -> str:
    """Render a page template with its inline assets and matching CSP.

    The style and script text are passed to the template as Markup and placed
    verbatim between their tags, so the hashes computed here are over the
    exact characters the browser sees.
    """
    style = "\n".join(load_asset(name) for name in css) + extra_css
    script = "\n".join(load_asset(name) for name in js)
    template = build_environment().get_template(template_name)
    return template.render(
        **context,
        inline_style=Markup(style),
        inline_script=Markup(script),
        csp=content_security_policy(style, script, form_action),
    )

"""Report templates compiled ahead of time (issue 18).

Parsing the report templates and generating their Python took about 70 ms of a user's first
export (jinja's per-user bytecode cache only helps from the second one). For each template in
``templates/``, ``templates/compiled/<name>.py`` holds the Python jinja generates for it, and
ships with the templates: an installed package byte-compiles it like any module, so loading a
template is reading its ``.pyc``. The code is the one jinja would compile, so a report is the
same either way.

The file's first line is a key over the template's source, its name, the jinja version and
every environment option that shapes the generated code. When it does not match (a template
edited, another jinja, other options), the template is compiled from its source as before.
After editing a template, regenerate (a test fails until then)::

    python -m kaizen_guide.export.templating
"""

from __future__ import annotations

import hashlib
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import Environment, FileSystemLoader

from ..locations import templates_dir

FOLDER = "compiled"
_KEY_PREFIX = "# key: "


def template_key(env: Environment, name: str, source: str) -> str:
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    shape = (
        jinja2.__version__,
        name,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        bool(autoescape),
        env.optimized,
        env.is_async,
        tuple(sorted(env.extensions)),
        tuple(sorted(env.filters)),
        tuple(sorted(env.tests)),
    )
    h = hashlib.sha256(repr(shape).encode("utf-8"))
    h.update(source.encode("utf-8"))
    return h.hexdigest()


def module_path(name: str, folder: Path | None = None) -> Path:
    return (folder or templates_dir()) / FOLDER / f"{name}.py"


def precompiled_code(env: Environment, name: str, source: str, folder: Path) -> CodeType | None:
    """The code object for template ``name`` (in ``folder``) from its shipped module, or None when
    there is none or it was made from another source or setup."""
    path = module_path(name, folder)
    try:
        with path.open(encoding="utf-8") as fh:
            first = fh.readline()
    except OSError:
        return None
    if first.rstrip("\n") != _KEY_PREFIX + template_key(env, name, source):
        return None
    try:
        loader = SourceFileLoader("kaizen_guide_precompiled_template", str(path))
        return loader.get_code(loader.name)  # the .pyc when the installer wrote one
    except (OSError, SyntaxError, ImportError, ValueError):
        return None


class PrecompiledLoader(FileSystemLoader):
    """``FileSystemLoader`` whose compile step is the shipped module when it fits (jinja's
    ``BaseLoader.load`` otherwise, bytecode cache included)."""

    def load(self, environment: Environment, name: str, globals: Any = None) -> jinja2.Template:  # noqa: A002
        if globals is None:
            globals = {}  # noqa: A001
        source, filename, uptodate = self.get_source(environment, name)
        bcc = environment.bytecode_cache
        bucket = bcc.get_bucket(environment, name, filename, source) if bcc is not None else None
        code = bucket.code if bucket is not None else None
        if code is None:
            code = precompiled_code(environment, name, source, Path(self.searchpath[0]))
            if code is None:
                code = environment.compile(source, name, filename)
            if bcc is not None and bucket is not None:
                bucket.code = code
                bcc.set_bucket(bucket)
        template = environment.template_class.from_code(environment, code, globals, uptodate)
        template.filename = filename  # tracebacks name the template, not the generated module
        return template


def generated_text(env: Environment, name: str) -> str:
    """What ``templates/compiled/<name>.py`` must hold for the current template and setup."""
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, name)
    code = env.compile(source, name, filename, raw=True)
    return (
        f"{_KEY_PREFIX}{template_key(env, name, source)}\n"
        f"# Generated from templates/{name} by `python -m kaizen_guide.export.templating`: do not edit.\n"
        f"{code}\n"
    )


def template_names(env: Environment) -> list[str]:
    return [n for n in env.list_templates() if n.endswith(".j2") and not n.startswith(FOLDER + "/")]


def write_all(env: Environment) -> list[Path]:
    """Regenerate the module of every template ``env`` loads; returns the files that changed."""
    changed = []
    for name in template_names(env):
        path = module_path(name)
        text = generated_text(env, name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed

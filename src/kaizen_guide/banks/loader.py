"""Load and validate the question banks (``question_banks/NN_<stage>.yaml``).

Every problem is reported with the file, the line and the question id, and all problems are
reported together, so a bank author fixes them in one pass. Checked at load time (never late in an
interview): YAML syntax and duplicate keys, the shape of each entry, duplicate ids, targets that do
not exist in the plan model or do not fit the question type, ``when`` conditions that do not parse
or refer to unknown or later questions, checks that do not exist in ``checklist.yaml``, references
between questions (``choices_from``, ``parent``, ``depends_on``), and plan fields that no question
fills (see :data:`~kaizen_guide.banks.targets.ENGINE_FILLED` for the deliberate exceptions).

The result is cached per folder and refreshed when a file changes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .models import Bank, Question, Section, SubField

# The problem records are re-exported. The YAML loaders live in yaml_loaders.py, imported only when
# a file is parsed: from the cache a bank needs no YAML, and importing PyYAML (its reader's
# pattern) was ~25 ms of the first question (issue 18).
from .problems import BankError as BankError
from .problems import BankProblem as BankProblem
from .validation import Validator

BANK_FILE_RE = re.compile(r"^\d{2}_[A-Za-z0-9_]+\.ya?ml$")
CHECKLIST_FILE = "checklist.yaml"

# Used only when checklist.yaml is absent (the stages the checks package defines).
DEFAULT_CHECK_STAGES = frozenset({"issue", "countermeasure", "action", "next_action", "cause", "financial_support"})


# --- loading ----------------------------------------------------------------------------------------


def _load_yaml(path: Path, loader: str) -> Any:
    """A bank file parsed with the loader named ``loader`` (yaml_loaders.py), from the per-user cache
    when the file is unchanged: building the Python objects is most of a bank's load time, in every
    new process (issue 18). A file that does not parse raises as before (nothing is cached)."""
    from kaizen_guide.diskcache import cached

    def parse() -> Any:
        import yaml

        from . import yaml_loaders

        loader_class = getattr(yaml_loaders, loader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader_class)  # noqa: S506 (safe loaders)

    return cached(f"yaml-{loader}-{path.stem}", [path, Path(__file__)], parse)


def _yaml() -> Any:
    """PyYAML, for an ``except`` clause: only a file being parsed raises its errors (so it is loaded)."""
    import yaml

    return yaml


def _read_checklist_stages(directory: Path, problems: list[BankProblem]) -> frozenset[str]:
    path = directory / CHECKLIST_FILE
    if not path.exists():
        return DEFAULT_CHECK_STAGES
    try:
        data = _load_yaml(path, "PlainLoader")
    except (_yaml().YAMLError, OSError) as exc:
        problems.append(
            BankProblem(
                CHECKLIST_FILE,
                getattr(getattr(exc, "problem_mark", None), "line", -1) + 1,
                None,
                f"checklist.yaml を読めません: {exc}",
            )
        )
        return DEFAULT_CHECK_STAGES
    stages: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            st = node.get("stages", node.get("stage"))
            if isinstance(st, str):
                stages.add(st)
            elif isinstance(st, list):
                stages.update(s for s in st if isinstance(s, str))
            elif isinstance(st, dict):
                stages.update(k for k in st if isinstance(k, str) and k != "__line__")
            for v in node.values():
                if isinstance(v, (dict, list)):
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(data)
    return frozenset(stages) if stages else DEFAULT_CHECK_STAGES


def _locate(raw: Any, loc: tuple[int | str, ...]) -> tuple[int, str | None]:
    """Line and question id for a pydantic error location inside a section mapping."""
    line = raw.get("__line__", 0) if isinstance(raw, dict) else 0
    qid = None
    node = raw
    for i, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            line = node.get("__line__", line)
            if i == 1 and loc[0] == "questions":
                qid = node.get("id") if isinstance(node.get("id"), str) else None
    return line, qid


def _rel(path: Path, directory: Path) -> str:
    try:
        return str(path.relative_to(directory.parent))
    except ValueError:
        return str(path)


def _parse_file(path: Path, directory: Path, problems: list[BankProblem]) -> Section | None:
    rel = _rel(path, directory)
    try:
        raw = _load_yaml(path, "LineLoader")
    except _yaml().MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problems.append(
            BankProblem(rel, (mark.line + 1) if mark else 0, None, f"YAML として読めません: {exc.problem or exc}")
        )
        return None
    except (_yaml().YAMLError, OSError, UnicodeDecodeError) as exc:
        problems.append(BankProblem(rel, 0, None, f"読めません: {exc}"))
        return None
    if not isinstance(raw, dict):
        problems.append(
            BankProblem(rel, 1, None, "ファイルの先頭は id, title, intro, questions を持つマッピングにしてください")
        )
        return None
    try:
        section = Section.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            line, qid = _locate(raw, loc)
            where = ".".join(str(x) for x in loc)
            problems.append(BankProblem(rel, line, qid, f"{where}: {err['msg']}"))
        return None
    section._file = rel
    for q in section.questions:
        q._file = rel
        q._section_id = section.id
    return section


def _build_indexes(bank: Bank) -> None:
    deps: dict[str, list[str]] = {}
    contributors: dict[str, list[str]] = {}
    children: dict[str, list[str]] = {}

    def add(src: str, dst: str) -> None:
        lst = deps.setdefault(src, [])
        if dst not in lst and src != dst:
            lst.append(dst)

    for q in bank.questions:
        for r in q._refs:
            add(r, q.id)
        for d in q.depends_on:
            add(d, q.id)
        fields: list[Question | SubField] = [q, *q.sub_fields]
        for f in fields:
            if f.choices_from is not None:
                add(f.choices_from.question, q.id)
        if q.validation.columns_like:
            add(q.validation.columns_like, q.id)
        if q.columns.labels_from:
            add(q.columns.labels_from.rpartition(".")[0], q.id)
        if q.target and (q.type == "group" or q._grid_mode == "records"):
            if q.parent is not None:
                children.setdefault(q.target.split("[].", 1)[0], []).append(q.id)
            else:
                contributors.setdefault(q.target, []).append(q.id)
    bank._dependants = deps
    bank._list_contributors = contributors
    bank._children = children


_Signature = tuple[tuple[str, int, int], ...]  # (file name, mtime ns, size) of each bank file


def _signature(directory: Path) -> _Signature:
    items = []
    for p in sorted(directory.iterdir()):
        if BANK_FILE_RE.match(p.name) or p.name == CHECKLIST_FILE:
            st = p.stat()
            items.append((p.name, st.st_mtime_ns, st.st_size))
    return tuple(items)


_CACHE: dict[str, tuple[_Signature, Bank]] = {}


def load_bank(directory: str | Path | None = None, *, coverage: bool = True, use_cache: bool = True) -> Bank:
    """Load every ``NN_*.yaml`` in ``directory`` (default: the shipped question_banks/).

    Raises :class:`BankError` listing every problem with file, line and question id.
    """
    if directory is None:
        from kaizen_guide.locations import question_banks_dir

        directory = question_banks_dir()
    directory = Path(directory).resolve()
    if not directory.is_dir():
        raise BankError([BankProblem(str(directory), 0, None, "質問バンクのフォルダが見つかりません")])
    sig = _signature(directory)
    key = f"{directory}|{coverage}"
    if use_cache and key in _CACHE and _CACHE[key][0] == sig:
        return _CACHE[key][1]
    files = [p for p in sorted(directory.iterdir()) if BANK_FILE_RE.match(p.name)]
    if not files:
        raise BankError([BankProblem(str(directory), 0, None, "質問バンクのファイル (NN_<stage>.yaml) がありません")])
    bank = _validated_bank(directory, files, coverage)
    _CACHE[key] = (sig, bank)
    return bank


def _validated_bank(directory: Path, files: list[Path], coverage: bool) -> Bank:
    """The bank, validated, from the per-user cache when neither its files nor the code that reads
    and checks them (banks/, model/) changed: unpickled, its models never build their validators
    (``defer_build``), which with the validation was ~70 ms of every start (issue 18)."""
    from kaizen_guide.diskcache import cached

    here = Path(__file__).parent
    code = sorted(here.glob("*.py")) + sorted((here.parent / "model").glob("*.py"))
    checklist = [directory / CHECKLIST_FILE] if (directory / CHECKLIST_FILE).exists() else []

    def build() -> Bank:
        bank = _build_bank(directory, files, coverage)
        for q in bank.questions:
            q._when_fn = None  # a compiled condition does not pickle; compiled again below
        return bank

    bank = cached(f"bank-{directory.name}-{coverage}", [*files, *checklist, *code], build)
    bank.directory = str(directory)  # (the same files may sit in another folder of that name)
    for q in bank.questions:
        if q.when is not None and q._when_fn is None:
            from .conditions import parse_condition

            q._when_fn = parse_condition(q.when)
    return bank


def _build_bank(directory: Path, files: list[Path], coverage: bool) -> Bank:
    problems: list[BankProblem] = []
    stages = _read_checklist_stages(directory, problems)
    sections = [s for s in (_parse_file(p, directory, problems) for p in files) if s is not None]
    for i, s in enumerate(sections):
        s._order = i
    v = Validator(sections, stages, problems, str(directory))
    v.run()
    if coverage and not problems:
        v.check_coverage(directory.name)
    if problems:
        raise BankError(problems)
    bank = Bank(sections=sections, check_stages=stages, directory=str(directory))
    _build_indexes(bank)
    return bank

"""The ``when`` language: a small, safe expression language over earlier answers (never eval).

Grammar (keywords are lower case)::

    expr       := or_expr
    or_expr    := and_expr ('or' and_expr)*
    and_expr   := not_expr ('and' not_expr)*
    not_expr   := 'not' not_expr | comparison
    comparison := operand (('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in') operand)?
    operand    := NUMBER | STRING | 'true' | 'false' | 'null' | list | '(' expr ')'
                | NAME '(' args ')' | NAME
    list       := '[' (expr (',' expr)*)? ']'

NAME is a question id (``support.needed``); its value is the parsed answer (None when unanswered
or hidden). Functions: ``answered(q)`` (the question has a visible answer), ``count(q)`` (rows of a
group or items of a list; 0 when unanswered), ``col(q, 'field')`` (the values of one field over a
group's rows). ``x in y`` tests membership in a list (or a substring in a text). Comparisons with
an unanswered value are false (``== null`` is true). Strings use '…' or "…".

Examples::

    support.needed == true
    count(banks) > 0 and company.employees >= 20
    not ('cash' in col(measures, 'category'))
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, TypeAlias

Lookup = Callable[[str], Any]
"""Returns the value of a question (None when unanswered or hidden)."""

Answered = Callable[[str], bool]


class ConditionError(ValueError):
    """A ``when`` expression that cannot be parsed; ``pos`` is the 0-based character offset."""

    def __init__(self, message: str, expr: str, pos: int):
        self.message = message
        self.expr = expr
        self.pos = pos
        super().__init__(f"{message} (at column {pos + 1} of {expr!r})")


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # NUM, STR, NAME, OP, KW, EOF
    text: str
    pos: int
    value: Any = None


_KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}
_FUNCTIONS = {"answered": 1, "count": 1, "col": 2}
_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>-?\d+(?:\.\d+)?)
  | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)
  | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,)
    """,
    re.VERBOSE,
)


def tokenize(expr: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(expr):
        m = _TOKEN_RE.match(expr, pos)
        if not m:
            ch = expr[pos]
            hint = " ('=' is written '==')" if ch == "=" else ""
            raise ConditionError(f"unexpected character {ch!r}{hint}", expr, pos)
        kind = m.lastgroup
        text = m.group()
        if kind == "num":
            tokens.append(Token("NUM", text, pos, Decimal(text)))
        elif kind == "str":
            body = text[1:-1]
            body = re.sub(r"\\(.)", r"\1", body)
            tokens.append(Token("STR", text, pos, body))
        elif kind == "name":
            if text in _KEYWORDS:
                tokens.append(Token("KW", text, pos))
            else:
                tokens.append(Token("NAME", text, pos))
        elif kind == "op":
            tokens.append(Token("OP", text, pos))
        pos = m.end()
    tokens.append(Token("EOF", "", len(expr)))
    return tokens


# --- AST ------------------------------------------------------------------------------------------
# Nodes are tagged tuples; mypy narrows the union on ``node[0] == "..."``.
Node: TypeAlias = (
    "tuple[Literal['lit'], Any]"
    " | tuple[Literal['ref', 'qid'], str]"
    " | tuple[Literal['list', 'and', 'or'], list[Node]]"
    " | tuple[Literal['call'], str, list[Node]]"
    " | tuple[Literal['not'], Node]"
    " | tuple[Literal['cmp'], str, Node, Node]"
)


class _Parser:
    def __init__(self, expr: str):
        self.expr = expr
        self.tokens = tokenize(expr)
        self.i = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def accept(self, kind: str, text: str | None = None) -> Token | None:
        t = self.tok
        if t.kind == kind and (text is None or t.text == text):
            self.i += 1
            return t
        return None

    def expect(self, kind: str, text: str) -> Token:
        t = self.accept(kind, text)
        if t is None:
            got = self.tok.text or "end of expression"
            raise ConditionError(f"expected {text!r}, got {got!r}", self.expr, self.tok.pos)
        return t

    def parse(self) -> Node:
        if self.tok.kind == "EOF":
            raise ConditionError("empty expression", self.expr, 0)
        node = self.or_expr()
        if self.tok.kind != "EOF":
            raise ConditionError(f"unexpected {self.tok.text!r}", self.expr, self.tok.pos)
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self.accept("KW", "or"):
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else ("or", items)

    def and_expr(self) -> Node:
        items = [self.not_expr()]
        while self.accept("KW", "and"):
            items.append(self.not_expr())
        return items[0] if len(items) == 1 else ("and", items)

    def not_expr(self) -> Node:
        if self.tok.kind == "KW" and self.tok.text == "not":
            nxt = self.tokens[self.i + 1]
            if not (nxt.kind == "KW" and nxt.text == "in"):
                self.take()
                return ("not", self.not_expr())
        return self.comparison()

    def comparison(self) -> Node:
        left = self.operand()
        t = self.tok
        if t.kind == "OP" and t.text in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            return ("cmp", t.text, left, self.operand())
        if t.kind == "KW" and t.text == "in":
            self.take()
            return ("cmp", "in", left, self.operand())
        if t.kind == "KW" and t.text == "not" and self.tokens[self.i + 1].text == "in":
            self.take()
            self.take()
            return ("cmp", "not in", left, self.operand())
        return left

    def operand(self) -> Node:
        t = self.tok
        if t.kind == "NUM" or t.kind == "STR":
            self.take()
            return ("lit", t.value)
        if t.kind == "KW" and t.text in ("true", "false", "null"):
            self.take()
            return ("lit", {"true": True, "false": False, "null": None}[t.text])
        if self.accept("OP", "("):
            node = self.or_expr()
            self.expect("OP", ")")
            return node
        if self.accept("OP", "["):
            items: list[Node] = []
            if not self.accept("OP", "]"):
                items.append(self.or_expr())
                while self.accept("OP", ","):
                    items.append(self.or_expr())
                self.expect("OP", "]")
            return ("list", items)
        if t.kind == "NAME":
            self.take()
            if self.accept("OP", "("):
                if t.text not in _FUNCTIONS:
                    raise ConditionError(
                        f"unknown function {t.text!r} (known: {', '.join(sorted(_FUNCTIONS))})", self.expr, t.pos
                    )
                args: list[Node] = []
                if not self.accept("OP", ")"):
                    args.append(self.call_arg(t.text, len(args)))
                    while self.accept("OP", ","):
                        args.append(self.call_arg(t.text, len(args)))
                    self.expect("OP", ")")
                if len(args) != _FUNCTIONS[t.text]:
                    raise ConditionError(
                        f"{t.text}() takes {_FUNCTIONS[t.text]} argument(s), got {len(args)}", self.expr, t.pos
                    )
                return ("call", t.text, args)
            return ("ref", t.text)
        got = t.text or "end of expression"
        raise ConditionError(f"expected a value, got {got!r}", self.expr, t.pos)

    def call_arg(self, fn: str, index: int) -> Node:
        t = self.tok
        if index == 0:
            if t.kind != "NAME":
                raise ConditionError(f"{fn}() needs a question id", self.expr, t.pos)
            self.take()
            return ("qid", t.text)
        if fn == "col" and index == 1:
            if t.kind != "STR":
                raise ConditionError("col() needs a field id in quotes as its 2nd argument", self.expr, t.pos)
            self.take()
            return ("lit", t.value)
        return self.or_expr()


def _refs(node: Node, out: set[str]) -> None:
    if node[0] == "ref" or node[0] == "qid":
        out.add(node[1])
    elif node[0] == "list" or node[0] == "and" or node[0] == "or":
        for n in node[1]:
            _refs(n, out)
    elif node[0] == "call":
        for n in node[2]:
            _refs(n, out)
    elif node[0] == "not":
        _refs(node[1], out)
    elif node[0] == "cmp":
        _refs(node[2], out)
        _refs(node[3], out)


# --- evaluation ---------------------------------------------------------------------------------


def _num(v: Any) -> Any:
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return Decimal(str(v))
    return v


def _coerce_pair(a: Any, b: Any) -> tuple[Any, Any]:
    a, b = _num(a), _num(b)
    if isinstance(a, date) and isinstance(b, str):
        try:
            b = date.fromisoformat(b)
        except ValueError:
            pass
    elif isinstance(b, date) and isinstance(a, str):
        try:
            a = date.fromisoformat(a)
        except ValueError:
            pass
    elif isinstance(a, Decimal) and isinstance(b, str):
        try:
            b = Decimal(b)
        except InvalidOperation:
            pass
    elif isinstance(b, Decimal) and isinstance(a, str):
        try:
            a = Decimal(a)
        except InvalidOperation:
            pass
    return a, b


def _compare(op: str, a: Any, b: Any) -> bool:
    if op in ("in", "not in"):
        if b is None:
            found = False
        elif isinstance(b, str):
            found = isinstance(a, str) and a in b
        elif isinstance(b, (list, tuple, set)):
            items = [_num(x) for x in b]
            found = _num(a) in items
        else:
            found = False
        return found if op == "in" else not found
    a, b = _coerce_pair(a, b)
    # Operands are Any (answers of every type); bool() keeps the declared result a bool.
    if op == "==":
        return bool(a == b)
    if op == "!=":
        return bool(a != b)
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return False
    try:
        if op == "<":
            return bool(a < b)
        if op == "<=":
            return bool(a <= b)
        if op == ">":
            return bool(a > b)
        if op == ">=":
            return bool(a >= b)
    except TypeError:
        return False
    raise AssertionError(op)


def _truthy(v: Any) -> bool:
    if v is None:
        return False
    if isinstance(v, (list, dict, str)):
        return len(v) > 0
    return bool(v)


def _qid_arg(node: Node) -> str:
    """The question id a function call names first (the parser makes it a "qid" node)."""
    if node[0] != "qid":
        raise AssertionError(node)
    return node[1]


def _compile(node: Node) -> Callable[[Lookup, Answered], Any]:
    if node[0] == "lit":
        value = node[1]
        return lambda look, ans: value
    if node[0] == "ref":
        ref = node[1]
        return lambda look, ans: look(ref)
    if node[0] == "list":
        fns = [_compile(n) for n in node[1]]
        return lambda look, ans: [f(look, ans) for f in fns]
    if node[0] == "not":
        fn = _compile(node[1])
        return lambda look, ans: not _truthy(fn(look, ans))
    if node[0] == "and":
        fns = [_compile(n) for n in node[1]]
        return lambda look, ans: all(_truthy(f(look, ans)) for f in fns)
    if node[0] == "or":
        fns = [_compile(n) for n in node[1]]
        return lambda look, ans: any(_truthy(f(look, ans)) for f in fns)
    if node[0] == "cmp":
        op = node[1]
        lf, rf = _compile(node[2]), _compile(node[3])
        return lambda look, ans: _compare(op, lf(look, ans), rf(look, ans))
    if node[0] == "call":
        name, args = node[1], node[2]
        qid = _qid_arg(args[0])
        if name == "answered":
            return lambda look, ans: ans(qid)
        if name == "count":

            def count(look: Lookup, ans: Answered) -> Decimal:
                v = look(qid)
                if v is None:
                    return Decimal(0)
                if isinstance(v, (list, dict)):
                    return Decimal(len(v))
                return Decimal(1)

            return count
        if name == "col":
            field = args[1][1]

            def col(look: Lookup, ans: Answered) -> list[Any]:
                v = look(qid)
                if not isinstance(v, list):
                    return []
                out: list[Any] = []
                for row in v:
                    if isinstance(row, dict):
                        x = row.get(field)
                        if isinstance(x, list):
                            out.extend(x)
                        elif x is not None:
                            out.append(x)
                return out

            return col
    raise AssertionError(node)


@dataclass(frozen=True)
class Condition:
    """A parsed ``when`` expression: ``refs`` are the question ids it reads."""

    source: str
    refs: frozenset[str]
    _fn: Callable[[Lookup, Answered], Any]

    def evaluate(self, lookup: Lookup, answered: Answered | None = None) -> bool:
        if answered is None:
            answered = lambda qid: lookup(qid) is not None  # noqa: E731
        return _truthy(self._fn(lookup, answered))


def parse_condition(expr: str) -> Condition:
    """Parse a ``when`` expression; raises ConditionError naming the position of the problem."""
    if not isinstance(expr, str):
        raise ConditionError("a condition must be a string", str(expr), 0)
    node = _Parser(expr).parse()
    refs: set[str] = set()
    _refs(node, refs)
    return Condition(expr, frozenset(refs), _compile(node))

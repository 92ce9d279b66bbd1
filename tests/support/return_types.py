"""Does a value match a return annotation? The run-time half of the return-type checks.

``mismatch(value, hint)`` follows the annotation: ``requests.Response``, ``None``, ``List[...]``
(every item), ``Dict[...]``, ``Optional``/``Union``, ``str``/``int``/``bool``, and for the
TypedDicts of :mod:`mattermostdriver.types` a dict that has every key the TypedDict marks
required (``__required_keys__``: the ones every answer carries) and whose other documented
keys, when present, have their documented types. It says where the value differs, or returns
None; ``conforms`` is its yes/no.
"""

from __future__ import annotations

import typing
from typing import Any, FrozenSet, Optional


def required(hint: Any) -> FrozenSet[str]:
    """The keys a real answer always has: the TypedDict's required keys (the others may be left out)."""
    return frozenset(hint.__required_keys__)


def is_typeddict(hint: Any) -> bool:
    """``typing.is_typeddict`` (Python 3.10+), or its equivalent on 3.9."""
    check = getattr(typing, "is_typeddict", None)
    if check is not None:
        return bool(check(hint))
    return isinstance(hint, type) and issubclass(hint, dict) and hasattr(hint, "__total__")


def mismatch(value: Any, hint: Any, where: str = "the value") -> Optional[str]:
    """Where ``value`` is not what ``hint`` says, or None when it is (see the module docstring)."""
    if hint is Any:
        return None
    if hint is None or hint is type(None):
        return None if value is None else f"{where} is {type(value).__name__}, not None"
    if is_typeddict(hint):
        if not isinstance(value, dict):
            return f"{where} is {type(value).__name__}, not a {hint.__name__} dict"
        missing = required(hint) - value.keys()
        if missing:
            return f"{where} lacks {sorted(missing)} of a {hint.__name__}"
        fields = typing.get_type_hints(hint)
        for key in sorted(value.keys() & fields.keys()):
            problem = mismatch(value[key], fields[key], f"{where}[{key!r}]")
            if problem:
                return problem
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        problems = [mismatch(value, arg, where) for arg in args]
        return None if None in problems else " and ".join(p for p in problems if p)
    if origin is list:
        if not isinstance(value, list):
            return f"{where} is {type(value).__name__}, not a list"
        for i, item in enumerate(value):
            problem = mismatch(item, args[0], f"{where}[{i}]")
            if problem:
                return problem
        return None
    if origin is dict:
        if not isinstance(value, dict):
            return f"{where} is {type(value).__name__}, not a dict"
        for key, item in value.items():
            problem = mismatch(item, args[1], f"{where}[{key!r}]")
            if problem:
                return problem
        return None
    if origin is not None:  # Iterator[...] and the like: only its kind
        return None if isinstance(value, origin) else f"{where} is {type(value).__name__}, not {origin}"
    if hint is int and isinstance(value, bool):
        return f"{where} is a bool, not an int"
    return None if isinstance(value, hint) else f"{where} is {type(value).__name__}, not {hint.__name__}"


def conforms(value: Any, hint: Any) -> bool:
    """Whether ``value`` is what ``hint`` says."""
    return mismatch(value, hint) is None

"""Retort's dataclasses: @dataclass (init, repr, eq, order, frozen,
kw_only, defaults and default_factory), field, fields, asdict, astuple,
replace, is_dataclass, FrozenInstanceError."""

import copy as _copy

MISSING = type("_MISSING_TYPE", (), {"__repr__": lambda self: "MISSING"})()
_FIELDS = "__dataclass_fields__"


class FrozenInstanceError(AttributeError):
    pass


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only

    def __repr__(self):
        return (
            f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
            f"default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},"
            f"hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},"
            f"kw_only={self.kw_only!r},_field_type=_FIELD)"
        )


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def fields(class_or_instance):
    try:
        flds = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in flds.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple(_astuple_inner(getattr(obj, f.name)) for f in fields(obj))


def _astuple_inner(obj):
    if is_dataclass(obj) and not isinstance(obj, type):
        return astuple(obj)
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v) for v in obj)
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    flds = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            for f in base_fields.values():
                flds[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    kw_only_now = kw_only
    for name, tp in annotations.items():
        if tp is KW_ONLY or (isinstance(tp, str) and tp.endswith("KW_ONLY")):
            kw_only_now = True
            continue
        if isinstance(tp, str) and tp.startswith("ClassVar") or repr_of_type(tp).startswith("typing.ClassVar"):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError(f"mutable default {type(default)} for field {name} is not allowed: use default_factory")
            f = field(default=default)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only_now
        flds[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    setattr(cls, _FIELDS, flds)
    setattr(cls, "__dataclass_params__", (init, repr, eq, order, unsafe_hash, frozen))
    field_list = list(flds.values())

    if init and "__init__" not in cls.__dict__:
        _set_init(cls, field_list, frozen)
    if repr and "__repr__" not in cls.__dict__:
        def __repr__(self):
            return self.__class__.__qualname__ + "(" + ", ".join(
                f"{f.name}={getattr(self, f.name)!r}" for f in field_list if f.repr
            ) + ")"
        __repr__.__qualname__ = cls.__qualname__ + ".__repr__"
        cls.__repr__ = __repr__
    compared = [f for f in field_list if f.compare]

    def _tuple(obj):
        return tuple(getattr(obj, f.name) for f in compared)

    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple(self) == _tuple(other)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        for name, op in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b), ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            def make(op):
                def method(self, other):
                    if other.__class__ is self.__class__:
                        return op(_tuple(self), _tuple(other))
                    return NotImplemented
                return method
            setattr(cls, name, make(op))
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = lambda self: hash(_tuple(self))
    elif eq and "__hash__" not in cls.__dict__:
        cls.__hash__ = None
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")

        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in field_list if f.init and not f.kw_only)
    return cls


def repr_of_type(tp):
    try:
        return repr(tp)
    except Exception:
        return ""


def _set_init(cls, field_list, frozen, qualname=None):
    init_fields = [f for f in field_list if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    seen_default = False
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError(f"non-default argument '{f.name}' follows default argument")
        seen_default = seen_default or has_default
    if qualname is None:
        qualname = cls.__qualname__ + ".__init__"

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            raise TypeError(f"{qualname}() takes {len(positional) + 1} positional argument{'s' if positional else ''} but {len(args) + 1} were given")
        values = {}
        for f, v in zip(positional, args):
            values[f.name] = v
        for name, v in kwargs.items():
            if not any(f.name == name for f in init_fields):
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
            if name in values:
                raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
            values[name] = v
        missing = []
        for f in init_fields:
            if f.name not in values:
                if f.default is not MISSING:
                    values[f.name] = f.default
                elif f.default_factory is not MISSING:
                    values[f.name] = f.default_factory()
                else:
                    missing.append(f)
        if missing:
            kind = "keyword-only" if all(f.kw_only for f in missing) else "positional"
            names = [repr(f.name) for f in missing]
            if len(names) == 1:
                listed = names[0]
            elif len(names) == 2:
                listed = names[0] + " and " + names[1]
            else:
                listed = ", ".join(names[:-1]) + ", and " + names[-1]
            raise TypeError(f"{qualname}() missing {len(missing)} required {kind} argument{'s' if len(missing) > 1 else ''}: {listed}")
        for f in field_list:
            if not f.init:
                if f.default_factory is not MISSING:
                    values[f.name] = f.default_factory()
                elif f.default is not MISSING:
                    values[f.name] = f.default
                else:
                    continue
            if frozen:
                object.__setattr__(self, f.name, values[f.name])
            else:
                setattr(self, f.name, values[f.name])
        post = getattr(self, "__post_init__", None)
        if post is not None:
            post()

    __init__.__qualname__ = qualname
    cls.__init__ = __init__


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)

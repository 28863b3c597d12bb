"""Retort's typing: the markers scripts import, as objects the ORM can read
(``__origin__`` and ``__args__``), with CPython's reprs."""

TYPE_CHECKING = False


def _type_repr(t):
    if t is type(None):
        return "None"
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return t.__module__ + "." + t.__qualname__
    if t is ...:
        return "..."
    if t is None or t is type(None):
        return "None"
    return repr(t)


class _Final:
    pass


class _SpecialForm(_Final):
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "typing." + self._name

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Optional":
            return Union[params[0], None]
        if self._name == "Union":
            flat = []
            for p in params:
                if p is None:
                    p = type(None)
                if isinstance(p, _GenericAlias) and p.__origin__ is Union:
                    for q in p.__args__:
                        if q not in flat:
                            flat.append(q)
                elif p not in flat:
                    flat.append(p)
            if len(flat) == 1:
                return flat[0]
            return _GenericAlias(Union, tuple(flat), "Union")
        return _GenericAlias(self, params, self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ForwardRef(_Final):
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __repr__(self):
        return "ForwardRef(%r)" % (self.__forward_arg__,)

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _to_type(arg):
    return ForwardRef(arg) if isinstance(arg, str) else arg


class _GenericAlias(_Final):
    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = tuple(_to_type(a) for a in args) if origin is not Literal else args
        self._name = name

    def __repr__(self):
        if self.__origin__ is Union:
            args = self.__args__
            if len(args) == 2 and type(None) in args:
                other = args[0] if args[1] is type(None) else args[1]
                return "typing.Optional[" + _type_repr(other) + "]"
            return "typing.Union[" + ", ".join(_type_repr(a) for a in args) + "]"
        if self._name:
            name = "typing." + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__ == ():
            return name + "[()]"
        return name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(self.__origin__, params, self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if isinstance(origin, _SpecialForm):
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self._name.lower()}() instead")
        return origin(*args, **kwargs)

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, type):
            return (origin,)
        return (Generic,)

    def __instancecheck__(self, obj):
        if self.__origin__ is Union:
            return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type))
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class UnionType(_GenericAlias):
    """`int | None`: types.UnionType, shown as CPython shows it."""

    def __init__(self, args):
        super().__init__(Union, args, None)

    def __repr__(self):
        return " | ".join(_type_repr(a) for a in self.__args__)


def _union_of(a, b):
    args = []
    for x in (a, b):
        x = type(None) if x is None else x
        for y in (x.__args__ if isinstance(x, UnionType) else (x,)):
            if y not in args:
                args.append(y)
    return UnionType(tuple(args))


class _Alias(_SpecialForm):
    """List, Dict, ...: subscriptable aliases of builtin types."""

    def __init__(self, name, origin):
        self._name = name
        self.__origin__ = origin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)


Any = _SpecialForm("Any")
Union = _SpecialForm("Union")
Optional = _SpecialForm("Optional")
ClassVar = _SpecialForm("ClassVar")
Final = _SpecialForm("Final")
Literal = _SpecialForm("Literal")
Annotated = _SpecialForm("Annotated")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
TypeAlias = _SpecialForm("TypeAlias")
Required = _SpecialForm("Required")
NotRequired = _SpecialForm("NotRequired")

List = _Alias("List", list)
Dict = _Alias("Dict", dict)
Set = _Alias("Set", set)
FrozenSet = _Alias("FrozenSet", frozenset)
Tuple = _Alias("Tuple", tuple)
Type = _Alias("Type", type)
Callable = _Alias("Callable", object)
Iterable = _Alias("Iterable", object)
Iterator = _Alias("Iterator", object)
Generator = _Alias("Generator", object)
Sequence = _Alias("Sequence", object)
MutableSequence = _Alias("MutableSequence", list)
Mapping = _Alias("Mapping", object)
MutableMapping = _Alias("MutableMapping", dict)
Collection = _Alias("Collection", object)
AbstractSet = _Alias("AbstractSet", object)
DefaultDict = _Alias("DefaultDict", dict)
Counter = _Alias("Counter", dict)
Deque = _Alias("Deque", list)
Awaitable = _Alias("Awaitable", object)
Coroutine = _Alias("Coroutine", object)
Hashable = _Alias("Hashable", object)
Sized = _Alias("Sized", object)


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(cls, params)


class Protocol(Generic):
    pass


class NamedTuple:
    def __init_subclass__(cls, **kwargs):
        raise NotImplementedError("Retort does not support typing.NamedTuple yet")


class TypedDict(dict):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__origin__
    return getattr(tp, "__origin__", None)


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return getattr(tp, "__args__", ())


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get("__annotations__", {}))
        return hints
    return dict(getattr(obj, "__annotations__", {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def TYPE_CHECKING_only():
    return False

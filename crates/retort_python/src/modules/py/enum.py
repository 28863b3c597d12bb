"""Retort's enum (CPython 3.11 behaviour): Enum, IntEnum, StrEnum, Flag,
IntFlag, auto, unique."""


class auto:
    _counter = 0

    def __init__(self, value=None):
        self.value = value
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_descriptor(obj):
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


def _is_member_name(key, value):
    if key.startswith("_"):
        return False
    if isinstance(value, (staticmethod, classmethod, property)):
        return False
    if callable(value) and not isinstance(value, auto):
        return False
    if _is_descriptor(value) and not isinstance(value, (auto, int, str, float, tuple)):
        return False
    return True


class EnumType(type):
    def __new__(metacls, cls, bases, classdict, **kwds):
        members = []
        for key, value in list(classdict.items()):
            if _is_member_name(key, value):
                members.append((key, value))
                del classdict[key]
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        member_type = object
        for base in enum_class.__mro__[1:]:
            if base is object or isinstance(base, EnumType):
                continue
            member_type = base
            break
        type.__setattr__(enum_class, "_member_type_", member_type)
        first_enum = bases[-1] if bases else None
        if ReprEnum is not None and ReprEnum in bases:
            if "__format__" not in classdict:
                type.__setattr__(enum_class, "__format__", member_type.__format__)
                classdict["__format__"] = member_type.__format__
            if "__str__" not in classdict:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, "__str__", method)
                classdict["__str__"] = method
        if first_enum is not None and isinstance(first_enum, EnumType):
            for name in ("__repr__", "__str__", "__format__"):
                if name not in classdict:
                    found = getattr(enum_class, name)
                    if found is getattr(member_type, name) or found is getattr(object, name):
                        type.__setattr__(enum_class, name, getattr(first_enum, name))
        type.__setattr__(enum_class, "_member_names_", [])
        type.__setattr__(enum_class, "_member_map_", {})
        type.__setattr__(enum_class, "_value2member_map_", {})
        last_values = []
        has_init = "__init__" in enum_class.__dict__
        custom_new = classdict.get("__new__")
        for name, value in members:
            if isinstance(value, auto):
                if value.value is not None:
                    value = value.value
                else:
                    value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
            args = value if isinstance(value, tuple) else (value,)
            if custom_new is not None:
                member = custom_new(enum_class, *args)
                if not hasattr(member, "_value_"):
                    member._value_ = value
            elif member_type is object:
                member = object.__new__(enum_class)
                member._value_ = value
            else:
                member = member_type.__new__(enum_class, *args)
                member._value_ = member_type(*args)
            value = member._value_
            member._name_ = name
            member.__objclass__ = enum_class
            if has_init:
                member.__init__(*args)
            existing = None
            try:
                existing = enum_class._value2member_map_.get(value)
            except TypeError:
                for m in enum_class._member_map_.values():
                    if m._value_ == value:
                        existing = m
                        break
            if existing is not None:
                enum_class._member_map_[name] = existing
                type.__setattr__(enum_class, name, existing)
                continue
            enum_class._member_names_.append(name)
            enum_class._member_map_[name] = member
            try:
                enum_class._value2member_map_[value] = member
            except TypeError:
                pass
            type.__setattr__(enum_class, name, member)
            last_values.append(value)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is not None:
            return cls._create_(value, names, start=start)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def _create_(cls, class_name, names, start=1):
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        items = []
        if names and isinstance(names[0], str) and not isinstance(names, dict):
            items = [(n, auto()) for n in names]
        elif isinstance(names, dict):
            items = list(names.items())
        else:
            items = list(names)
        classdict = {}
        for k, v in items:
            classdict[k] = v
        classdict["__module__"] = "__main__"
        classdict["__qualname__"] = class_name
        return EnumType.__new__(EnumType, class_name, (cls,), classdict)

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (type(member).__qualname__, cls.__class__.__qualname__)
            )
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)


EnumMeta = EnumType
Flag = None
ReprEnum = None


class Enum(metaclass=EnumType):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last_value in reversed(last_values):
            try:
                return last_value + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    _value_repr_ = None

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __dir__(self):
        return ["__class__", "__doc__", "__module__", "name", "value"]

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    pass


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()



class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return 1
        high = max(last_values)
        return 2 ** (high.bit_length())

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        member = object.__new__(cls) if cls._member_type_ is object else cls._member_type_.__new__(cls, value)
        member._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_]
        member._name_ = "|".join(names) if names else None
        cls._value2member_map_[value] = member
        return member

    def __repr__(self):
        name = self._name_
        if name is None:
            return "<%s: %r>" % (self.__class__.__name__, self._value_)
        return "<%s.%s: %r>" % (self.__class__.__name__, name, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return (m for m in self.__class__ if m._value_ & self._value_ == m._value_ and m._value_)

    def __len__(self):
        return len(list(iter(self)))

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        total = 0
        for m in self.__class__:
            total |= m._value_
        return self.__class__(total & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    pass


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration

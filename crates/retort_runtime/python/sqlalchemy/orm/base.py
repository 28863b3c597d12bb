# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""The ORM's constants and the `Mapped[]` annotations (SQLAlchemy's orm/base.py)."""


class InspectionAttr:
    """What `inspect()` gives for ORM things: flags saying which kind it is."""


class InspectionAttrInfo(InspectionAttr):
    """An InspectionAttr with an `info` dictionary."""


class MapperProperty(InspectionAttrInfo):
    """An attribute a mapper maps: a column, a relationship, a synonym..."""


class LoaderCallableStatus(_enum.Enum):
    PASSIVE_NO_RESULT = 0
    PASSIVE_CLASS_MISMATCH = 1
    ATTR_WAS_SET = 2
    ATTR_EMPTY = 3
    NO_VALUE = 4
    NEVER_SET = 4


NO_VALUE = LoaderCallableStatus.NO_VALUE
_NO_VALUE = NO_VALUE


# ---------------------------------------------------------------- annotations


class _MappedAnnotation:
    def __init__(self, origin, arg):
        self.__origin__ = origin
        self.__args__ = (arg,)

    def __repr__(self):
        return f"sqlalchemy.orm.base.{self.__origin__.__name__}[{_typing._type_repr(self.__args__[0])}]"


class Mapped:
    def __class_getitem__(cls, item):
        return _MappedAnnotation(cls, item)


class WriteOnlyMapped(Mapped):
    pass


class DynamicMapped(Mapped):
    pass


_TYPE_MAP = [
    (bool, Boolean),
    (int, Integer),
    (float, Double),
    (str, String),
    (bytes, LargeBinary),
    (_decimal.Decimal, Numeric),
    (_dt.datetime, DateTime),
    (_dt.date, Date),
    (_dt.time, Time),
    (_dt.timedelta, Interval),
    (_uuid.UUID, Uuid),
]

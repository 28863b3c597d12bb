# dataclasses, enum, typing reprs, abc, copy, string, textwrap, math.
import copy
import math
import string
import textwrap
from abc import ABC, abstractmethod
from dataclasses import asdict, astuple, dataclass, field, fields, replace
from enum import Enum, IntEnum, StrEnum, auto, unique
from typing import Any, Dict, List, Optional, Tuple, Union


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class Money:
    amount: int
    currency: str = "EUR"


i = Item("pen", 1.5)
i.tags.append("office")
print(i, Item("cup"), i == Item("pen", 1.5, ["office"]), asdict(i), astuple(i), [f.name for f in fields(Item)])
print(replace(i, price=2.0), Money(5) < Money(7), sorted([Money(3), Money(1)]), Money(1) == Money(1), hash(Money(1)) == hash(Money(1)))
try:
    Money(1).amount = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    Item()
except TypeError as e:
    print(e)


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Status(str, Enum):
    ACTIVE = "active"
    BANNED = "banned"


class Level(IntEnum):
    LOW = auto()
    HIGH = auto()


class Mode(StrEnum):
    READ = auto()
    WRITE = auto()


print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color), len(Color))
print(Color.RED is Color(1), Color.RED == 1, Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED).__name__, Color)
print(Status.ACTIVE, repr(Status.ACTIVE), Status.ACTIVE == "active", Status("banned"), Status.ACTIVE.value, f"{Status.ACTIVE}")
print(Level.LOW, repr(Level.HIGH), Level.HIGH > Level.LOW, Level.HIGH + 1, f"{Level.LOW}", Mode.READ, repr(Mode.WRITE), f"{Mode.WRITE}")
print({c.name: c.value for c in Color}, Color.__members__, {Color.RED: "r"}[Color.RED], sorted(Level))
try:
    Color(7)
except ValueError as e:
    print(e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
print(Optional[int], List[str], Dict[str, int], Union[int, str], Tuple[int, ...], Optional[List[int]], Any, list[int], dict[str, int])


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


print(Circle(2).describe())
try:
    Shape()
except TypeError as e:
    print(e)
orig = {"a": [1, 2], "b": {"c": 3}}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["a"].append(99)
print(shallow["a"], deep["a"], deep == {"a": [1, 2], "b": {"c": 3}})
print(string.ascii_lowercase[:5], string.digits, string.capwords("hello big world"), string.Template("$who likes $what").substitute(who="tim", what="pie"))
print(textwrap.dedent("""
    indented
      more
    back
""").strip(), textwrap.fill("The quick brown fox jumps over the lazy dog", 15), textwrap.shorten("Hello  world, this is long", 15))
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.pi, math.isclose(0.1 + 0.2, 0.3), math.factorial(20), math.gcd(12, 18), math.log(math.e), math.inf)
print(math.hypot(3, 4), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.trunc(-2.5), math.comb(5, 2), math.isqrt(17), math.log10(1000), math.log2(8))

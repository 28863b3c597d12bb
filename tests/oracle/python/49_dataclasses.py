# dataclasses: defaults, factories, post-init, ordering, frozen, asdict.
from dataclasses import asdict, dataclass, field, fields


@dataclass
class Address:
    street: str
    city: str = "London"


@dataclass
class Person:
    name: str
    age: int = 0
    emails: list = field(default_factory=list)
    address: Address = None
    nickname: str = field(default="", repr=False)

    def __post_init__(self):
        self.name = self.name.title()


p = Person("ada lovelace", 36, address=Address("St James's Square"))
p.emails.append("ada@example.com")
print(p)
print(asdict(p))
print([f.name for f in fields(Person)], p == Person("Ada Lovelace", 36, ["ada@example.com"], Address("St James's Square")))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def bump(self):
        return Version(self.major, self.minor + 1)


versions = [Version(1, 2), Version(1, 0, 5), Version(0, 9)]
print(sorted(versions), max(versions), Version(1) < Version(1, 0, 1), versions[0].bump())


@dataclass(frozen=True)
class Point:
    x: float
    y: float


pt = Point(1.0, 2.0)
print(pt, hash(pt) == hash(Point(1.0, 2.0)), {pt: "here"}[Point(1.0, 2.0)])
try:
    pt.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Person()
except TypeError as e:
    print(e)

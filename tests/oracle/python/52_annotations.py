# Annotations are evaluated and kept, as the ORM reads them.
from typing import ClassVar, Dict, List, Optional, Union


class Model:
    id: int
    name: str = "unnamed"
    tags: List[str]
    parent: Optional["Model"] = None
    registry: ClassVar[Dict[str, int]] = {}


print(Model.__annotations__)
print(Model.name, Model.parent, hasattr(Model, "id"))


def greet(name: str, times: int = 1) -> str:
    return name * times


print(greet.__annotations__, greet("x", 3))
x: int = 5
y: "forward"
print(__annotations__)
print(Optional[int] == Union[int, None], Union[int, str].__args__, List[int].__origin__ is list, Optional[str].__args__)


def inner():
    local: int = 3
    return local


print(inner())

# Abstract base classes.
from abc import ABC, abstractmethod


class Repository(ABC):
    @abstractmethod
    def get(self, key):
        ...

    @abstractmethod
    def put(self, key, value):
        ...

    def get_or(self, key, default):
        value = self.get(key)
        return default if value is None else value


class MemoryRepository(Repository):
    def __init__(self):
        self.data = {}

    def get(self, key):
        return self.data.get(key)

    def put(self, key, value):
        self.data[key] = value


repo = MemoryRepository()
repo.put("a", 1)
print(repo.get("a"), repo.get_or("b", "default"), isinstance(repo, Repository))


class Half(Repository):
    def get(self, key):
        return None


for cls in (Repository, Half):
    try:
        cls()
    except TypeError as e:
        print(e)

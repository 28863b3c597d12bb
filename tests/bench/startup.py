# Start-up benchmark: a 60-line script of the kind learners paste; what
# matters is the time until its first output.
from dataclasses import dataclass
from enum import Enum


class Role(Enum):
    ADMIN = "admin"
    MEMBER = "member"


@dataclass
class User:
    id: int
    name: str
    role: Role = Role.MEMBER

    def greeting(self):
        return f"Hello, {self.name} ({self.role.value})"


users = [User(1, "ada", Role.ADMIN), User(2, "bob"), User(3, "cy")]
print(users[0].greeting())


def by_role(items):
    groups = {}
    for u in items:
        groups.setdefault(u.role, []).append(u.name)
    return groups


print(by_role(users))
totals = {}
for u in users:
    totals[u.role.name] = totals.get(u.role.name, 0) + u.id
print(sorted(totals.items()))


class Repository:
    def __init__(self):
        self.rows = {}

    def add(self, user):
        self.rows[user.id] = user

    def get(self, user_id):
        return self.rows.get(user_id)

    def __len__(self):
        return len(self.rows)


repo = Repository()
for u in users:
    repo.add(u)
print(len(repo), repo.get(2), repo.get(9))
names = [u.name.upper() for u in users if u.id > 1]
print(", ".join(names))
print(f"{len(users)} users, {sum(u.id for u in users)} id total")

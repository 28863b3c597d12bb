# Detached objects: attributes loaded before closing stay readable; an
# expired one or a lazy relationship raises DetachedInstanceError; adding
# the object to a second session while the first holds it is an error.
import re
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.orm.exc import DetachedInstanceError


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    members: Mapped[list["Member"]] = relationship()


class Member(Base):
    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(Team(name="reds", members=[Member()]))
    session.commit()
    team = session.get(Team, 1)
    print(team.name)

print(team.name)
try:
    print(team.members)
except DetachedInstanceError as e:
    print("DetachedInstanceError:", re.sub("0x[0-9a-f]+", "0x...", str(e).split(" (Background")[0]))

s1 = Session(engine)
t = s1.get(Team, 1)
s2 = Session(engine)
try:
    s2.add(t)
except Exception as e:
    print(type(e).__name__, re.sub("0x[0-9a-f]+", "0x...", str(e)))
s1.commit()
try:
    t.name
except DetachedInstanceError as e:
    print("no error: still in s1")
print(t.name)
s1.close()
s2.close()

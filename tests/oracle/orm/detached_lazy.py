# A detached object's unloaded relationship cannot load: DetachedInstanceError.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.orm.exc import DetachedInstanceError


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    members: Mapped[List["Member"]] = relationship()


class Member(Base):
    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Team(name="red", members=[Member(), Member()]))
    s.commit()
    team = s.scalars(select(Team)).one()
    print(team.name)
try:
    print(len(team.members))
except DetachedInstanceError as e:
    print(type(e).__name__, "lazy load operation of attribute 'members' cannot proceed" in str(e))
with Session(engine, expire_on_commit=False) as s:
    team = s.scalars(select(Team)).one()
    print(len(team.members))
print(team.name, len(team.members))

# One-to-one: uselist=False on the one-to-many side.
from typing import Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    passport: Mapped[Optional["Passport"]] = relationship(back_populates="owner", uselist=False)


class Passport(Base):
    __tablename__ = "passport"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(10))
    owner_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    owner: Mapped[Person] = relationship(back_populates="passport")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    p = Person(name="ann", passport=Passport(number="X1"))
    print(p.passport.owner is p)
    s.add(p)
    s.commit()
    print(p.passport.number)
    q = s.scalars(select(Passport)).one()
    print(q.owner.name, s.get(Person, 1).passport is q)

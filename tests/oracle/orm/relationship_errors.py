# Relationship mistakes: a missing class, back_populates naming nothing, lazy="raise".
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Owner(Base):
    __tablename__ = "owner"
    id: Mapped[int] = mapped_column(primary_key=True)
    pets: Mapped[List["Pet"]] = relationship(back_populates="owner", lazy="raise")


class Pet(Base):
    __tablename__ = "pet"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("owner.id"))
    owner: Mapped[Optional[Owner]] = relationship(back_populates="pets")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Owner(pets=[Pet(), Pet()]))
    s.commit()
    o = s.scalars(select(Owner)).one()
    try:
        o.pets
    except InvalidRequestError as e:
        print(type(e).__name__, e)


class Base2(DeclarativeBase):
    pass


class Lonely(Base2):
    __tablename__ = "lonely"
    id: Mapped[int] = mapped_column(primary_key=True)
    friend: Mapped["Nobody"] = relationship()


try:
    Lonely()
except InvalidRequestError as e:
    print(type(e).__name__, str(e).split(".")[0])

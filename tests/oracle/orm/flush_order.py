# Flush order: parents before children, deletes children first, by class name between unrelated classes.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Zoo(Base):
    __tablename__ = "zoo"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    animals: Mapped[List["Animal"]] = relationship(back_populates="zoo", cascade="all, delete-orphan")


class Animal(Base):
    __tablename__ = "animal"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    zoo_id: Mapped[int] = mapped_column(ForeignKey("zoo.id"))
    zoo: Mapped[Zoo] = relationship(back_populates="animals")


class Keeper(Base):
    __tablename__ = "keeper"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    z = Zoo(name="z")
    s.add(Animal(kind="cat", zoo=z))
    s.add(Keeper(name="k"))
    s.add(z)
    s.add(Animal(kind="dog", zoo=z))
    s.commit()
    k = s.get(Keeper, 1)
    k.name = "K"
    z.name = "Z"
    s.delete(z)
    s.flush()
    s.commit()

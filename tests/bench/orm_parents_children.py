# ORM bench: 10,000 parents with 3 children each, commit, load with selectinload, touch every child.
import time
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload

N = 10000


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    children: Mapped[List["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
    name: Mapped[str] = mapped_column(String(20))
    parent: Mapped[Parent] = relationship(back_populates="children")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
t0 = time.perf_counter()
with Session(engine) as s:
    for i in range(N):
        s.add(Parent(name=f"p{i}", children=[Child(name=f"c{i}.{j}") for j in range(3)]))
    s.commit()
t1 = time.perf_counter()
with Session(engine) as s:
    total = 0
    for p in s.scalars(select(Parent).options(selectinload(Parent.children))):
        for c in p.children:
            total += len(c.name)
t2 = time.perf_counter()
print(total)

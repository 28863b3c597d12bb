# inspect() of a mapped class: columns, relationships, primary key, attrs.
from typing import List, Optional
from sqlalchemy import ForeignKey, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    kids: Mapped[List["Kid"]] = relationship(back_populates="parent", cascade="all, delete-orphan")


class Kid(Base):
    __tablename__ = "kid"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped[Optional[Parent]] = relationship(back_populates="kids")


m = inspect(Parent)
print(m.class_.__name__, m.local_table.name, [c.name for c in m.columns], [c.name for c in m.primary_key])
print(list(m.relationships.keys()), m.relationships.kids.direction, m.relationships.kids.uselist)
print(m.relationships.kids.mapper.class_.__name__, inspect(Kid).relationships.parent.direction)
print(sorted(m.attrs.keys()), m.attrs.name.columns[0].type)
print(m.relationships.kids.back_populates, sorted(m.relationships.kids.cascade))

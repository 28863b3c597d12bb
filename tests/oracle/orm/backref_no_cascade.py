# SQLAlchemy 2 dropped "cascade_backrefs": setting child.parent to an object
# in the session does not put the child in the session (the parent's
# collection holds it, and the flush warns and skips it); adding it does.
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


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
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("parent.id"))
    name: Mapped[str] = mapped_column(String(20))
    parent: Mapped[Optional[Parent]] = relationship(back_populates="children")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    p = Parent(name="p")
    s.add(p)
    a = Child(name="a")
    a.parent = p
    print(a in s, [c.name for c in p.children], len(s.new))
    s.commit()
    print(s.scalars(select(Child.name)).all(), a in s)
    b = Child(name="b")
    b.parent = p
    s.add(b)
    s.commit()
    print(s.scalars(select(Child.name)).all(), [c.name for c in p.children])

# New objects reach the session by save-update cascade along every path a
# learner uses: a many-to-one set to a pending parent, collection appends,
# extend, insert, slice assignment and +=, a grandchild set before its
# parent was attached, and a one-to-one; then one flush saves them all.
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
    profile: Mapped[Optional["Profile"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("parent.id"))
    name: Mapped[str] = mapped_column(String(20))
    parent: Mapped[Optional[Parent]] = relationship(back_populates="children")
    toys: Mapped[List["Toy"]] = relationship()


class Toy(Base):
    __tablename__ = "toy"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[Optional[int]] = mapped_column(ForeignKey("child.id"))
    name: Mapped[str] = mapped_column(String(20))


class Profile(Base):
    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped[Optional[Parent]] = relationship(back_populates="profile")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    p = Parent(name="p")
    s.add(p)
    a = Child(name="a", toys=[Toy(name="ball")])
    a.parent = p
    b = Child(name="b")
    p.children.append(b)
    p.children.extend([Child(name="c"), Child(name="d")])
    p.children.insert(0, Child(name="e"))
    p.children[1:2] = [Child(name="f")]
    p.children += [Child(name="g")]
    b.toys.append(Toy(name="kite"))
    Profile(parent=p)
    print(sorted(c.name for c in s.new if isinstance(c, Child)), len(s.new))
    s.flush()
    print(sorted(c.name for c in p.children), p.profile is not None)
    q = Parent(name="q")
    s.add(q)
    s.commit()
    print(s.scalars(select(Child.name).order_by(Child.id)).all())
    print(s.scalars(select(Toy.name).order_by(Toy.id)).all())
    r = s.get(Parent, 1)
    r.children.append(Child(name="late", toys=[Toy(name="yo-yo")]))
    s.commit()
    print(s.scalars(select(Toy.name).order_by(Toy.id)).all())

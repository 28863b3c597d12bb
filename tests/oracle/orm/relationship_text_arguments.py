# Relationship arguments written as text, in the forms tutorials use:
# order_by="Address.email.desc()", "desc(...)", lists for remote_side and
# foreign_keys, and a secondary table's column ("table.c.col").
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select, Table, Column, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[List["Address"]] = relationship(order_by="Address.email.desc()", back_populates="user")
    newest: Mapped[List["Address"]] = relationship(order_by="desc(Address.id)", viewonly=True)
    both: Mapped[List["Address"]] = relationship(order_by="[Address.email, Address.id]", viewonly=True)


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[Optional[User]] = relationship(back_populates="addresses", foreign_keys="[Address.user_id]")


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("node.id"))
    name: Mapped[str]
    parent: Mapped[Optional["Node"]] = relationship(remote_side="Node.id", back_populates="children")
    children: Mapped[List["Node"]] = relationship(back_populates="parent", order_by="Node.name")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(User(name="ada", addresses=[Address(email="b@x"), Address(email="a@x"), Address(email="c@x")]))
    s.commit()
    root = Node(name="root", children=[Node(name="z"), Node(name="y")])
    s.add(root)
    s.commit()
    u = s.scalars(select(User)).one()
    print([a.email for a in u.addresses], [a.email for a in u.newest], [a.email for a in u.both])
    print([c.name for c in root.children], root.children[0].parent.name)

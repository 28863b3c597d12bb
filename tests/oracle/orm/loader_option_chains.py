"""Chained loader options: joined after joined (three levels, and two
joined relationships of one class), joined inside a selectin query,
selectin after subquery, a defaultload() path through a lazy
relationship (its lazy load carries the rest), raiseload() at the end of
a path, and Load(Entity)."""
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (
    DeclarativeBase, Load, Mapped, Session, defaultload, joinedload, mapped_column, relationship, selectinload, subqueryload,
)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    orders: Mapped[List["Order"]] = relationship(back_populates="user", order_by="Order.id")
    profile: Mapped[Optional["Profile"]] = relationship(back_populates="user")


class Profile(Base):
    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    bio: Mapped[str] = mapped_column(String(50))
    user: Mapped[User] = relationship(back_populates="profile")


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="orders")
    items: Mapped[List["Item"]] = relationship(back_populates="order", order_by="Item.id")


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    name: Mapped[str] = mapped_column(String(30))
    order: Mapped[Order] = relationship(back_populates="items")
    notes: Mapped[List["Note"]] = relationship(order_by="Note.id")


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"))
    text: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([
        User(name="ada", profile=Profile(bio="counts"), orders=[
            Order(items=[Item(name="a", notes=[Note(text="n1"), Note(text="n2")]), Item(name="b")]),
            Order(items=[Item(name="c", notes=[Note(text="n3")])]),
        ]),
        User(name="bob", orders=[Order()]),
    ])
    s.commit()


def show(users):
    return [(u.name, [[(i.name, [n.text for n in i.notes]) for i in o.items] for o in u.orders]) for u in users]


cases = [
    ("joined x3", lambda: [joinedload(User.orders).joinedload(Order.items).joinedload(Item.notes)]),
    ("two joined", lambda: [joinedload(User.profile), joinedload(User.orders).joinedload(Order.items)]),
    ("selectin then joined", lambda: [selectinload(User.orders).joinedload(Order.items).joinedload(Item.notes)]),
    ("subquery then selectin", lambda: [subqueryload(User.orders).selectinload(Order.items)]),
    ("defaultload path", lambda: [defaultload(User.orders).selectinload(Order.items)]),
    ("joined then selectin", lambda: [joinedload(User.orders).selectinload(Order.items).selectinload(Item.notes)]),
    ("Load()", lambda: [Load(User).selectinload(User.orders).selectinload(Order.items)]),
]
for label, options in cases:
    with Session(engine) as s:
        users = s.scalars(select(User).options(*options()).order_by(User.id)).unique().all()
        print(label, show(users), [u.profile.bio if u.profile else None for u in users])

with Session(engine) as s:
    users = s.scalars(select(User).options(selectinload(User.orders).raiseload(Order.items)).order_by(User.id)).all()
    try:
        users[0].orders[0].items
    except InvalidRequestError as e:
        print(e)
    print(Load(User))

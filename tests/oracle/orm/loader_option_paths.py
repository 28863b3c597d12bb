"""Loader option paths of two steps in every combination the ORM offers (selectin, joined, subquery, defaultload, raiseload), along one-to-many and many-to-one relationships."""
from typing import List, Optional
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload, joinedload, subqueryload, lazyload, raiseload, defaultload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    orders: Mapped[List["Order"]] = relationship(back_populates="user", order_by="Order.id")


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


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="ada", orders=[Order(items=[Item(name="a"), Item(name="b")]), Order(items=[Item(name="c")])]), User(name="bob", orders=[Order()])])
    s.commit()


opts = {
    "sel.sel": lambda: selectinload(User.orders).selectinload(Order.items),
    "join.join": lambda: joinedload(User.orders).joinedload(Order.items),
    "sel.join": lambda: selectinload(User.orders).joinedload(Order.items),
    "join.sel": lambda: joinedload(User.orders).selectinload(Order.items),
    "sub.sel": lambda: subqueryload(User.orders).selectinload(Order.items),
    "default.sel": lambda: defaultload(User.orders).selectinload(Order.items),
    "sel.raise": lambda: selectinload(User.orders).raiseload(Order.items),
    "join.join.m2o": lambda: joinedload(Item.order).joinedload(Order.user),
    "sel.sel.m2o": lambda: selectinload(Item.order).selectinload(Order.user),
}
for name, make in opts.items():
    with Session(engine) as s:
        try:
            ent = Item if "m2o" in name else User
            rows = s.scalars(select(ent).options(make()).order_by(ent.id)).unique().all()
            if ent is User:
                print(name, [(u.name, [[i.name for i in o.items] for o in u.orders]) for u in rows])
            else:
                print(name, [(i.name, i.order.user.name) for i in rows])
        except Exception as e:
            print(name, type(e).__name__, str(e)[:150])

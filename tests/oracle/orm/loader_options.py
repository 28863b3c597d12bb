# selectinload and joinedload: the N+1 problem solved in one or two queries.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload, joinedload


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer: Mapped[str] = mapped_column(String(20))
    lines: Mapped[List["Line"]] = relationship(back_populates="order", order_by="Line.id")


class Line(Base):
    __tablename__ = "line"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    item: Mapped[str]
    order: Mapped[Order] = relationship(back_populates="lines")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Order(customer="ann", lines=[Line(item="pen"), Line(item="ink")]), Order(customer="bob"), Order(customer="cy", lines=[Line(item="cup")])])
    s.commit()
with Session(engine) as s:
    orders = s.scalars(select(Order).options(selectinload(Order.lines)).order_by(Order.id)).all()
    print([(o.customer, [l.item for l in o.lines]) for o in orders])
with Session(engine) as s:
    orders = s.scalars(select(Order).options(joinedload(Order.lines)).order_by(Order.id)).unique().all()
    print([(o.customer, [l.item for l in o.lines]) for o in orders])
with Session(engine) as s:
    lines = s.scalars(select(Line).options(joinedload(Line.order)).order_by(Line.id)).all()
    print([(l.item, l.order.customer) for l in lines])
with Session(engine) as s:
    print([(l.item, l.order.customer) for l in s.scalars(select(Line).order_by(Line.id))])

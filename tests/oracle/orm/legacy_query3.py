# More of the legacy Query: with_entities, add_columns, join then filter_by
# on the joined entity, exists(), scalar(), subquery() and one_or_none().
from sqlalchemy import create_engine, ForeignKey, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    orders: Mapped[list["Order"]] = relationship(back_populates="customer")


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    total: Mapped[int]
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    customer: Mapped[Customer] = relationship(back_populates="orders")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Customer(name="ada", orders=[Order(total=10), Order(total=25)]), Customer(name="bob", orders=[Order(total=7)])])
    session.commit()
    q = session.query(Customer)
    print(q.with_entities(Customer.name).order_by(Customer.name).all())
    print(q.add_columns(func.length(Customer.name)).order_by(Customer.id).all()[0][1])
    print(q.join(Customer.orders).filter_by(total=7).one().name)
    print(session.query(q.filter(Customer.name == "bob").exists()).scalar())
    print(session.query(func.max(Order.total)).scalar())
    sub = session.query(Order.customer_id, func.sum(Order.total).label("spent")).group_by(Order.customer_id).subquery()
    print(session.query(Customer.name, sub.c.spent).join(sub, sub.c.customer_id == Customer.id).order_by(sub.c.spent).all())
    print(q.filter(Customer.name == "cy").one_or_none(), q.filter(Customer.name.startswith("a")).count())

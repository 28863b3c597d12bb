# The association object pattern: a many-to-many whose link row carries
# data of its own (an order line's quantity), mapped as a class.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer: Mapped[str] = mapped_column(String(30))
    lines: Mapped[list["OrderLine"]] = relationship(back_populates="order", cascade="all, delete-orphan")


class Product(Base):
    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    lines: Mapped[list["OrderLine"]] = relationship(back_populates="product")


class OrderLine(Base):
    __tablename__ = "order_line"
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(default=1)
    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship(back_populates="lines")

    def __repr__(self):
        return f"OrderLine({self.product.name!r} x{self.quantity})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    pen, ink = Product(name="pen"), Product(name="ink")
    order = Order(customer="ada")
    order.lines.append(OrderLine(product=pen, quantity=3))
    order.lines.append(OrderLine(product=ink))
    session.add(order)
    session.commit()

    order = session.get(Order, 1)
    print(order.lines)
    print([(line.product.name, line.quantity) for line in pen.lines])
    order.lines[1].quantity = 5
    del order.lines[0]
    session.commit()
    print(session.scalars(select(OrderLine)).all())
    session.delete(order)
    session.commit()
    print(session.scalars(select(OrderLine)).all(), session.scalars(select(Product.name)).all())

# The expunge and refresh-expire cascades: expunging a parent expunges its
# loaded children; refreshing it expires them too when they cascade.
from sqlalchemy import create_engine, ForeignKey, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Cart(Base):
    __tablename__ = "cart"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(20))
    items: Mapped[list["Item"]] = relationship(cascade="all")


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    cart_id: Mapped[int] = mapped_column(ForeignKey("cart.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    cart = Cart(owner="ada", items=[Item(name="pen"), Item(name="ink")])
    session.add(cart)
    session.commit()
    items = list(cart.items)
    session.expunge(cart)
    print(inspect(cart).detached, [inspect(i).detached for i in items])
    session.add(cart)
    print([inspect(i).persistent for i in items])

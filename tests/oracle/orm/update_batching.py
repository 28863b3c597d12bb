# A flush UPDATEs changed objects grouped by the columns that changed (one
# executemany per group), and objects with no net change send nothing.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    price: Mapped[int]
    stock: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Product(name=f"p{i}", price=10 * i, stock=i) for i in range(1, 6)])
    session.commit()
    products = session.scalars(select(Product).order_by(Product.id)).all()
    products[0].price = 11
    products[1].price = 21
    products[2].stock = 0
    products[3].price, products[3].stock = 41, 0
    products[4].name = "p5"
    print(len(session.dirty), [session.is_modified(p) for p in products])
    session.commit()
    print(session.execute(select(Product.price, Product.stock).order_by(Product.id)).all())

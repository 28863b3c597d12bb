# The legacy Query's bulk update() and delete(): one UPDATE or DELETE for
# every matching row, and the objects already loaded kept in step
# (synchronize_session: 'auto', 'evaluate', 'fetch' or False).
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    price: Mapped[int]
    stock: Mapped[int] = mapped_column(default=0)

    def __repr__(self):
        return f"Product({self.name!r}, {self.price}, {self.stock})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Product(name=n, price=p, stock=s) for n, p, s in
                     [("pen", 2, 10), ("ink", 5, 0), ("pad", 3, 4), ("nib", 1, 0)]])
    session.commit()
    loaded = session.query(Product).order_by(Product.id).all()
    print(loaded)

    n = session.query(Product).filter(Product.price < 3).update({"price": 9})
    print(n, loaded)
    n = session.query(Product).filter_by(name="pad").update({Product.stock: 40}, synchronize_session=False)
    print(n, loaded[2].stock)
    session.expire_all()
    print(loaded[2].stock)
    n = session.query(Product).filter(Product.stock > 30).update({"name": "big pad"}, synchronize_session="evaluate")
    print(n, loaded[2])
    n = session.query(Product).filter(Product.name == "ink").update({"stock": 7}, synchronize_session="fetch")
    print(n, loaded[1])

    n = session.query(Product).filter(Product.stock == 0).delete()
    print(n, [p in session for p in loaded])
    n = session.query(Product).filter(Product.price > 8).delete(synchronize_session="fetch")
    print(n, [p in session for p in loaded])
    session.commit()
    print(session.query(Product).all())
    print(session.query(Product).delete(), session.query(Product).count())

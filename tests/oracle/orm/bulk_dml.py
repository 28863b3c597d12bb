# ORM-enabled bulk INSERT and Core-style UPDATE/DELETE through the session.
from sqlalchemy import create_engine, String, select, insert, update, delete
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Stock(Base):
    __tablename__ = "stock"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(10))
    qty: Mapped[int] = mapped_column(default=0)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.execute(insert(Stock), [{"sku": "a", "qty": 5}, {"sku": "b", "qty": 0}, {"sku": "c", "qty": 7}])
    s.commit()
    print(s.execute(select(Stock.sku, Stock.qty).order_by(Stock.id)).all())
    s.execute(update(Stock).where(Stock.qty == 0).values(qty=1))
    s.execute(delete(Stock).where(Stock.sku == "c"))
    s.commit()
    print(s.execute(select(Stock.sku, Stock.qty).order_by(Stock.id)).all())

"""SQLite's INSERT ... ON CONFLICT (upsert) through sqlalchemy.dialects.sqlite.insert:
DO NOTHING, DO UPDATE with excluded values and a WHERE, with the ORM too."""
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

metadata = MetaData()
stock = Table("stock", metadata, Column("sku", String(10), primary_key=True), Column("qty", Integer, nullable=False), Column("note", String(20)))
engine = create_engine("sqlite://")
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(stock), [{"sku": "a", "qty": 1}, {"sku": "b", "qty": 2}])
    stmt = insert(stock).values(sku="a", qty=10)
    print(stmt.on_conflict_do_nothing())
    conn.execute(stmt.on_conflict_do_nothing())
    conn.execute(insert(stock).values(sku="c", qty=3).on_conflict_do_nothing(index_elements=["sku"]))
    up = insert(stock).values(sku="b", qty=5, note="restocked")
    up = up.on_conflict_do_update(index_elements=[stock.c.sku], set_={"qty": stock.c.qty + up.excluded.qty, "note": up.excluded.note})
    print(up)
    conn.execute(up)
    many = insert(stock)
    many = many.on_conflict_do_update(index_elements=["sku"], set_=dict(qty=many.excluded.qty), where=many.excluded.qty > stock.c.qty)
    conn.execute(many, [{"sku": "a", "qty": 0}, {"sku": "c", "qty": 30}, {"sku": "d", "qty": 4}])
    print(conn.execute(select(stock).order_by(stock.c.sku)).all())


class Base(DeclarativeBase):
    pass


class Counter(Base):
    __tablename__ = "counter"
    name: Mapped[str] = mapped_column(String(10), primary_key=True)
    hits: Mapped[int]


Base.metadata.create_all(engine)
with Session(engine) as session:
    for name in ["home", "about", "home"]:
        stmt = insert(Counter).values(name=name, hits=1)
        session.execute(stmt.on_conflict_do_update(index_elements=[Counter.name], set_={"hits": Counter.hits + 1}))
    session.commit()
    print(session.execute(select(Counter.name, Counter.hits).order_by(Counter.name)).all())
    row = session.execute(insert(Counter).values(name="home", hits=1).on_conflict_do_update(index_elements=["name"], set_={"hits": Counter.hits + 10}).returning(Counter.hits)).one()
    print(row)

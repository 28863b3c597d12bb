# The identity map: one object per row; dropped objects are loaded again.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Gene(Base):
    __tablename__ = "gene"
    id: Mapped[int] = mapped_column(primary_key=True)
    symbol: Mapped[str] = mapped_column(String(10))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Gene(symbol="BRCA1"), Gene(symbol="TP53")])
    s.commit()
    a = s.scalars(select(Gene).where(Gene.symbol == "TP53")).one()
    b = s.get(Gene, a.id)
    print(a is b, len(s.identity_map), list(s.identity_map.keys())[0][1])
    a.symbol = "changed"
    c = s.scalars(select(Gene).where(Gene.id == 2)).one()
    print(c.symbol, c is a)
    s.get(Gene, 1)
    print(s.get(Gene, 1).symbol)
    del a, b, c
    print(s.get(Gene, 2).symbol)

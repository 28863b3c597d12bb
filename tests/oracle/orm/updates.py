# UPDATEs: only changed columns; same-column rows become one executemany.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class P(Base):
    __tablename__ = "p"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    score: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    ps = [P(name=f"p{i}", score=i) for i in range(5)]
    s.add_all(ps)
    s.commit()
    for p in ps[:3]:
        p.score += 10
    ps[3].name = "renamed"
    ps[4].name = "p4"
    ps[2].name = "x"
    s.commit()
    print(s.execute(select(P.name, P.score).order_by(P.id)).all())
    ps[0].score = ps[0].score
    print(len(s.dirty), s.is_modified(ps[0]))
    s.commit()

# Session.get: the identity map first, then a SELECT; composite keys.
from sqlalchemy import create_engine, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Seat(Base):
    __tablename__ = "seat"
    row: Mapped[str] = mapped_column(String(1), primary_key=True)
    num: Mapped[int] = mapped_column(primary_key=True)
    taken: Mapped[bool] = mapped_column(default=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Seat(row="A", num=1), Seat(row="A", num=2, taken=True), Seat(row="B", num=1)])
    s.commit()
    a1 = s.get(Seat, ("A", 1))
    print(a1.row, a1.num, a1.taken)
    print(s.get(Seat, ("A", 1)) is a1)
    print(s.get(Seat, {"row": "B", "num": 1}).taken)
    print(s.get(Seat, ("C", 9)))
    try:
        s.get(Seat, "A")
    except Exception as e:
        print(type(e).__name__)

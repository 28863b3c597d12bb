# Session.get(): a composite primary key, the identity map answering a
# second get() without SQL, a deleted object giving None, populate_existing.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Seat(Base):
    __tablename__ = "seat"
    row: Mapped[str] = mapped_column(String(1), primary_key=True)
    number: Mapped[int] = mapped_column(primary_key=True)
    taken: Mapped[bool] = mapped_column(default=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Seat(row="A", number=1), Seat(row="A", number=2, taken=True)])
    session.commit()
    s = session.get(Seat, ("A", 2))
    print(s.taken, session.get(Seat, {"row": "A", "number": 2}) is s)
    print(session.get(Seat, ("B", 1)))
    session.delete(s)
    session.flush()
    print(session.get(Seat, ("A", 2)))
    try:
        session.get(Seat, "A")
    except Exception as e:
        print(type(e).__name__, e)

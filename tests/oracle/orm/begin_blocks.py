# Transactions as blocks: Session.begin() commits at the end of the block
# or rolls back on an exception; sessionmaker.begin() opens a session and
# its transaction together.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, sessionmaker


class Base(DeclarativeBase):
    pass


class Entry(Base):
    __tablename__ = "entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Maker = sessionmaker(engine)

with Session(engine) as session, session.begin():
    session.add(Entry(text="one"))

try:
    with Maker.begin() as session:
        session.add(Entry(text="two"))
        raise RuntimeError("oops")
except RuntimeError:
    pass

with Maker.begin() as session:
    session.add(Entry(text="three"))

with Maker() as session:
    print(session.scalars(select(Entry.text).order_by(Entry.id)).all())
    print(session.in_transaction())
    session.begin()
    print(session.in_transaction())
    try:
        session.begin()
    except Exception as e:
        print(type(e).__name__, e)

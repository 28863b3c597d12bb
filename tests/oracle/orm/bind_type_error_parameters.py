"""A string for a Date attribute of a new object: SQLAlchemy's StatementError shows
the INSERT and the object's values (its `.orig` the TypeError)."""
import datetime
from sqlalchemy import *
from sqlalchemy.orm import *
from sqlalchemy.exc import StatementError
class Base(DeclarativeBase): pass
class Event(Base):
    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[datetime.date]
    at: Mapped[datetime.datetime] = mapped_column(default=datetime.datetime(2024, 1, 1))
e = create_engine("sqlite://")
Base.metadata.create_all(e)
with Session(e) as s:
    s.add(Event(day="2024-03-01"))
    try:
        s.commit()
    except StatementError as ex:
        print(type(ex).__name__, ex)
        print(type(ex.orig).__name__)
        s.rollback()
    s.add(Event(day=datetime.datetime(2024, 3, 1, 12, 30), at=datetime.date(2024, 3, 2)))
    s.commit()
    print(s.execute(text("SELECT day, at FROM event")).all())
    print(s.scalars(select(Event.day)).all())
    try:
        s.execute(select(Event).where(Event.day > "2024-01-01")).all()
    except StatementError as ex:
        print(type(ex).__name__, ex)

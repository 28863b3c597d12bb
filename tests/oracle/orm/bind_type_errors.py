"""A string given for a Date/Time attribute: the flush fails with SQLAlchemy's
StatementError (the INSERT or UPDATE, the object's values), the session rolls back;
a datetime for a Date column stores its date; comparing a Date column with a
string binds a string."""
import datetime
from sqlalchemy import *
from sqlalchemy.orm import *
from sqlalchemy.exc import StatementError
class Base(DeclarativeBase): pass
class Event(Base):
    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    day: Mapped[datetime.date]
    at: Mapped[datetime.time] = mapped_column(default=datetime.time(9, 30))
e = create_engine("sqlite://")
Base.metadata.create_all(e)
with Session(e) as s:
    s.add_all([Event(title="a", day=datetime.date(2024, 1, 1)), Event(title="b", day=datetime.date(2024, 1, 2))])
    s.commit()
    ev = s.get(Event, 1)
    ev.day = "2024-05-05"
    ev.title = "moved"
    try:
        s.flush()
    except StatementError as ex:
        # (the parameters line orders its keys differently from run to run in CPython)
        print("\n".join(str(ex).splitlines()[:2]), type(ex.orig).__name__)
        s.rollback()
    print(s.get(Event, 1).day, s.get(Event, 1).title)
    s.add_all([Event(title="c", day=datetime.date(2024, 2, 2), at="10:00"), Event(title="d", day=datetime.date(2024, 2, 3))])
    try:
        s.commit()
    except StatementError as ex:
        # (SQLAlchemy's parameters line orders an INSERT's keys differently from run to run)
        print("\n".join(str(ex).splitlines()[:2]), type(ex.orig).__name__)
        s.rollback()
    print(s.scalars(select(Event.title).order_by(Event.id)).all())
    s.add(Event(title="e", day="2024-06-01"))
    try:
        s.commit()
    except StatementError as ex:
        # (the parameters line orders its keys differently from run to run in CPython)
        print("\n".join(str(ex).splitlines()[:2]), type(ex.orig).__name__)
        s.rollback()
    ok = Event(title="f", day=datetime.datetime(2024, 3, 1, 12, 30))
    s.add(ok)
    s.commit()
    print(ok.day, s.execute(text("SELECT day, at FROM event WHERE title = 'f'")).one())
    print(s.scalars(select(Event.title).where(Event.day > "2024-01-01").order_by(Event.id)).all())

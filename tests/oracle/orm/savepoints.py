# Savepoints: begin_nested() commit and rollback, as a context manager too.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Note(text="one"))
    sp = s.begin_nested()
    s.add(Note(text="two"))
    sp.commit()
    sp = s.begin_nested()
    three = Note(text="three")
    s.add(three)
    s.flush()
    sp.rollback()
    print(s.scalars(select(Note.text).order_by(Note.id)).all(), three in s)
    with s.begin_nested():
        s.add(Note(text="four"))
    try:
        with s.begin_nested():
            s.add(Note(text="five"))
            s.flush()
            raise ValueError("no")
    except ValueError:
        pass
    s.commit()
    print(s.scalars(select(Note.text).order_by(Note.id)).all())
    empty = s.begin_nested()
    empty.commit()
    s.commit()

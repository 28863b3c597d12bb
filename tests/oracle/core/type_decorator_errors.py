# A TypeDecorator's process_bind_param that raises: SQLAlchemy's
# StatementError around its exception, showing the SQL and parameters, in
# Core (a value inserted or compared) and in a flush.
from sqlalchemy import TypeDecorator, String, Column, Integer, MetaData, Table, create_engine, insert, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Strict(TypeDecorator):
    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and not value.isalpha():
            raise ValueError(f"not a word: {value!r}")
        return value


md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True), Column("x", Strict(10)))
e = create_engine("sqlite://")
md.create_all(e)
with e.begin() as c:
    c.execute(insert(t), {"x": "ok"})
    try:
        c.execute(insert(t), {"x": "no 1"})
    except StatementError as err:
        print(type(err).__name__, repr(err.orig), "|", err)
    try:
        c.execute(select(t).where(t.c.x == "a b"))
    except StatementError as err:
        print(type(err).__name__, str(err).splitlines()[0])
    print(c.execute(select(t)).all())


class Base(DeclarativeBase):
    pass


class Word(Base):
    __tablename__ = "word"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Strict(10))


Base.metadata.create_all(e)
with Session(e) as s:
    s.add(Word(text="fine"))
    s.commit()
    s.add(Word(text="not fine"))
    try:
        s.commit()
    except StatementError as err:
        print(type(err).__name__, repr(err.orig), str(err).splitlines()[:2])
        s.rollback()
    print(s.scalars(select(Word.text)).all())

"""Server defaults after an ORM INSERT: fetched by RETURNING (with the generated key, one statement per row), or, with the keys given, every row in one INSERT ... VALUES (?), (?) RETURNING the defaults then the key."""
import datetime
from sqlalchemy import *
from sqlalchemy.orm import *
class Base(DeclarativeBase): pass
class A(Base):
    __tablename__ = "a"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    created: Mapped[datetime.datetime] = mapped_column(server_default=func.now())
class B(Base):
    __tablename__ = "b"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(server_default=text("7"))
e = create_engine("sqlite://")
Base.metadata.create_all(e)
with Session(e) as s:
    s.add(A(name="x"))
    s.flush()
    s.add_all([A(name="y"), A(name="z")])
    s.flush()
    s.add(B(id=5))
    s.flush()
    s.add_all([B(id=6), B(id=7)])
    s.flush()
    print([b.n for b in s.scalars(select(B))])

# Mistakes learners make, with SQLAlchemy's errors.
from sqlalchemy import create_engine, String, select
from sqlalchemy.exc import IntegrityError, InvalidRequestError, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session
from sqlalchemy.orm.exc import DetachedInstanceError


class Base(DeclarativeBase):
    pass


class U(Base):
    __tablename__ = "u"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(30), unique=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
try:
    U(mail="x")
except TypeError as e:
    print("TypeError:", e)
s = Session(engine)
s.add(U(email="a@x"))
s.commit()
s.add(U(email="a@x"))
try:
    s.flush()
except IntegrityError as e:
    print(type(e).__name__, e.orig)
try:
    s.scalars(select(U)).all()
except PendingRollbackError as e:
    print(type(e).__name__, str(e).split(".")[0])
s.rollback()
print(s.scalars(select(U.email)).all())
u = s.get(U, 1)
s.close()
try:
    print(u.email)
except DetachedInstanceError as e:
    print(type(e).__name__)
s2 = Session(engine)
v = U(email="b@x")
s2.add(v)
s3 = Session(engine)
try:
    s3.add(v)
except InvalidRequestError as e:
    print(type(e).__name__, "already attached" in str(e))
try:
    s3.delete(U(email="c@x"))
except InvalidRequestError as e:
    print(type(e).__name__, "is not persisted" in str(e))
s2.commit()
print(v.id)

# After a failed flush every operation raises PendingRollbackError until rollback().
from sqlalchemy import create_engine, String, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class K(Base):
    __tablename__ = "k"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(5), unique=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([K(code="a"), K(code="a")])
try:
    s.commit()
except IntegrityError as e:
    print("IntegrityError", e.orig)
for op in (lambda: s.add(K(code="b")), lambda: s.commit(), lambda: s.get(K, 1)):
    try:
        op()
        print("ok")
    except PendingRollbackError as e:
        print(type(e).__name__)
s.rollback()
s.add(K(code="b"))
s.commit()
print(s.scalars(select(K.code)).all())

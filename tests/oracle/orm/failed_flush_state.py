# A failed flush rolls the session's transaction back at once: pending
# objects become transient, loaded ones expire, after_rollback fires then;
# what changes afterwards is discarded by rollback() (with an SAWarning).
from sqlalchemy import String, create_engine, event, inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class K(Base):
    __tablename__ = "k"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(5), unique=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)


@event.listens_for(s, "after_rollback")
def rolled_back(session):
    print("after_rollback")


keep = K(code="z")
s.add(keep)
s.commit()
a, b = K(code="a"), K(code="a")
s.add_all([a, b])
keep.code = "y"
try:
    s.commit()
except IntegrityError as e:
    print("IntegrityError", e.orig)
print(len(s.new), len(s.dirty), a in s, inspect(a).transient, inspect(a).pending, keep in s.dirty)
c = K(code="c")
s.add(c)
print(len(s.new), c in s)
s.rollback()
print(len(s.new), len(s.dirty), a in s, inspect(a).transient, c in s, keep.code)

# Object states through add, flush, commit, expunge, delete and close.
from sqlalchemy import create_engine, String, inspect, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, make_transient


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))

    def __repr__(self):
        return f"Item({self.name!r})"


def st(o):
    i = inspect(o)
    return [n for n in ("transient", "pending", "persistent", "deleted", "detached") if getattr(i, n)]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
a, b = Item(name="a"), Item(name="b")
print(st(a), inspect(a).identity, inspect(a).has_identity)
s.add_all([a, b])
print(st(a), len(s.new), a in s, s.new)
s.expunge(b)
print(st(b), b in s, len(s.new))
s.flush()
print(st(a), inspect(a).identity, inspect(a).identity_key[1], a.id)
print(s.dirty, s.is_modified(a))
a.name = "A"
print(s.dirty, s.is_modified(a), inspect(a).attrs.name.history)
s.commit()
print(st(a), inspect(a).expired_attributes == {"id", "name"})
s.delete(a)
print(st(a), a in s.deleted)
s.flush()
print(st(a), a in s)
s.rollback()
print(st(a), a.name)
s.delete(a)
s.commit()
print(st(a))
make_transient(a)
print(st(a), a.id)
s.add(b)
s.commit()
print(st(b), b.id)
s.close()
print(st(b), b.name if False else "closed")
print(s.scalars(select(Item.name)).all())

# Performance: lazy loading and N+1, eager loading options, lazy='dynamic', batching.
# Look at: SQL log (lazy loading: one SELECT per blog; selectinload: one IN query; joinedload: one LEFT OUTER JOIN; dynamic: COUNT in SQL).
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload, joinedload, WriteOnlyMapped, DynamicMapped


class Base(DeclarativeBase):
    pass


class Blog(Base):
    __tablename__ = "blog"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    entries: Mapped[List["Entry"]] = relationship(back_populates="blog")
    entries_dyn: DynamicMapped["Entry"] = relationship(lazy="dynamic", viewonly=True)


class Entry(Base):
    __tablename__ = "entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    blog_id: Mapped[int] = mapped_column(ForeignKey("blog.id"))
    title: Mapped[str]
    blog: Mapped[Blog] = relationship(back_populates="entries")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.execute(insert(Blog), [{"name": f"blog{i}"} for i in range(3)])
    s.execute(insert(Entry), [{"blog_id": i % 3 + 1, "title": f"e{i}"} for i in range(9)])
    s.commit()

with Session(engine) as s:
    print("lazy:", [len(b.entries) for b in s.scalars(select(Blog))])
with Session(engine) as s:
    print("selectin:", [len(b.entries) for b in s.scalars(select(Blog).options(selectinload(Blog.entries)))])
with Session(engine) as s:
    print("joined:", [len(b.entries) for b in s.scalars(select(Blog).options(joinedload(Blog.entries))).unique()])
with Session(engine) as s:
    b = s.get(Blog, 1)
    q = b.entries_dyn.filter(Entry.title != "e0").order_by(Entry.id.desc())
    print("dynamic:", q.count(), [e.title for e in q.limit(2)])

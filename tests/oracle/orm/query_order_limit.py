# Ordering and paging ORM queries: order_by with desc and nulls_last,
# limit/offset, slicing a legacy Query, first() and distinct counts.
from sqlalchemy import create_engine, String, select, func, nulls_last
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Runner(Base):
    __tablename__ = "runner"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    club: Mapped[str | None] = mapped_column(String(20))
    seconds: Mapped[int | None]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Runner(name=n, club=c, seconds=s) for n, c, s in
                     [("ada", "north", 610), ("bob", "south", None), ("cy", "north", 580), ("dee", None, 640), ("eve", "south", 595)]])
    session.commit()
    print(session.scalars(select(Runner.name).order_by(nulls_last(Runner.seconds.desc()))).all())
    print(session.scalars(select(Runner.name).order_by(Runner.seconds).limit(2).offset(1)).all())
    q = session.query(Runner).order_by(Runner.name)
    print([r.name for r in q[1:3]], q[0].name, q.first().name)
    print(session.scalar(select(func.count(Runner.club.distinct()))))
    print(session.execute(select(Runner.club, func.min(Runner.seconds)).group_by(Runner.club).order_by(Runner.club)).all())

# Session(autoflush=False): a query does not see objects added since the
# last flush; no_autoflush does the same for a block; flush() sends them.
from sqlalchemy import create_engine, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "task"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine, autoflush=False) as session:
    session.add(Task(title="a"))
    print(session.scalar(select(func.count(Task.id))))
    session.flush()
    print(session.scalar(select(func.count(Task.id))))
    session.commit()

with Session(engine) as session:
    session.add(Task(title="b"))
    with session.no_autoflush:
        print(session.scalar(select(func.count(Task.id))))
    print(session.scalar(select(func.count(Task.id))))
    session.rollback()
    print(session.scalar(select(func.count(Task.id))))

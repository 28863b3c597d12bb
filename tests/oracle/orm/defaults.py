# Python-side defaults: scalars and callables; rows with different columns group apart.
import datetime
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


counter = [0]


def next_code():
    counter[0] += 1
    return f"C{counter[0]}"


class Task(Base):
    __tablename__ = "task"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    priority: Mapped[int] = mapped_column(default=3)
    code: Mapped[str] = mapped_column(default=next_code)
    due: Mapped[datetime.date] = mapped_column(default=datetime.date(2030, 1, 1))
    done: Mapped[bool] = mapped_column(default=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    t = Task(title="write")
    print(t.priority, t.code)
    s.add_all([t, Task(title="read", priority=1), Task(title="sleep"), Task(title="eat"), Task(title="run", done=True)])
    s.flush()
    print(t.priority, t.code, t.due, t.done)
    s.commit()
    print(s.execute(select(Task.title, Task.priority, Task.code, Task.due, Task.done).order_by(Task.id)).all())

"""A to-do model: an IntEnum stored by name (compared by its member, not as an int), an optional date, a Boolean condition (~done), a self-referential one-to-many with delete-orphan."""
import enum, datetime
from typing import Optional, List
from sqlalchemy import *
from sqlalchemy.orm import *

class Base(DeclarativeBase):
    pass

class Priority(enum.IntEnum):
    low = 1
    high = 2

class Task(Base):
    __tablename__ = "task"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    priority: Mapped[Priority] = mapped_column(default=Priority.low)
    due: Mapped[Optional[datetime.date]]
    done: Mapped[bool] = mapped_column(default=False)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("task.id"))
    subtasks: Mapped[List["Task"]] = relationship(cascade="all, delete-orphan")
    def __repr__(self):
        return f"<Task {self.id} {self.title!r} {self.priority.name}>"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    t = Task(title="write", due=datetime.date(2024, 6, 1), subtasks=[Task(title="outline"), Task(title="draft", priority=Priority.high)])
    s.add(t)
    s.commit()
    print(s.scalars(select(Task).order_by(Task.priority.desc(), Task.id)).all())
    print(s.scalars(select(Task.title).where(Task.due < datetime.date(2025, 1, 1))).all())
    print(s.scalars(select(Task.title).where(~Task.done, Task.parent_id.is_not(None)).order_by(Task.title)).all())
    s.execute(update(Task).where(Task.priority == Priority.high).values(done=True))
    print(s.execute(select(Task.title, Task.done).order_by(Task.id)).all())
    t.subtasks.pop(0)
    s.commit()
    print(s.scalar(select(func.count(Task.id))))
    print(repr(Task.__table__.c.priority.type))
    s.delete(t)
    s.commit()
    print(s.scalar(select(func.count(Task.id))))

# Rows of entities through joins: duplicates and unique().
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    lessons: Mapped[List["Lesson"]] = relationship()


class Lesson(Base):
    __tablename__ = "lesson"
    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"))
    minutes: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Course(name="sql", lessons=[Lesson(minutes=30), Lesson(minutes=45)]), Course(name="orm", lessons=[Lesson(minutes=20)])])
    s.commit()
    rows = s.scalars(select(Course).join(Course.lessons).where(Lesson.minutes > 10).order_by(Course.id)).all()
    print([c.name for c in rows])
    rows = s.scalars(select(Course).join(Course.lessons).where(Lesson.minutes > 10).order_by(Course.id)).unique().all()
    print([c.name for c in rows], rows[0] is s.get(Course, 1))

# Relationships: many-to-many through an association table.
# Look at: SQL log (rows of the association table inserted and deleted), Database (the enrollment table).
from typing import List
from sqlalchemy import create_engine, Column, ForeignKey, Table, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


enrollment = Table(
    "enrollment",
    Base.metadata,
    Column("student_id", ForeignKey("student.id"), primary_key=True),
    Column("course_id", ForeignKey("course.id"), primary_key=True),
)


class Student(Base):
    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    courses: Mapped[List["Course"]] = relationship(secondary=enrollment, back_populates="students")


class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(40))
    students: Mapped[List[Student]] = relationship(secondary=enrollment, back_populates="courses")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    # one student per flush: within one flush SQLAlchemy orders association rows by object identity
    math, art = Course(title="Math"), Course(title="Art")
    ann = Student(name="Ann", courses=[math, art])
    session.add(ann)
    session.commit()
    bob = Student(name="Bob", courses=[math])
    session.add(bob)
    session.commit()
    for c in session.scalars(select(Course).order_by(Course.title)):
        print(c.title, sorted(s.name for s in c.students))
    ann.courses.remove(art)
    session.commit()
    print(session.execute(select(enrollment.c.student_id, enrollment.c.course_id).order_by(enrollment.c.student_id, enrollment.c.course_id)).all())
    stmt = select(Student.name).join(Student.courses).where(Course.title == "Math").order_by(Student.name)
    print(session.scalars(stmt).all())

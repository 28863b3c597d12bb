# Many-to-many changes: replacing a collection, clear(), the backref side
# kept in step, and deleting an object removes its association rows.
from sqlalchemy import create_engine, ForeignKey, String, Table, Column, select, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


enrolment = Table(
    "enrolment", Base.metadata,
    Column("student_id", ForeignKey("student.id"), primary_key=True),
    Column("course_id", ForeignKey("course.id"), primary_key=True),
)


class Student(Base):
    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    courses: Mapped[list["Course"]] = relationship(secondary=enrolment, back_populates="students", order_by="Course.id")


class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(20))
    students: Mapped[list[Student]] = relationship(secondary=enrolment, back_populates="courses", order_by=Student.id)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Student(name="ada"), Student(name="bob"), Course(title="sql"), Course(title="orm"), Course(title="web")])
    session.flush()
    session.execute(insert(enrolment), [{"student_id": 1, "course_id": 1}, {"student_id": 1, "course_id": 2},
                                        {"student_id": 2, "course_id": 2}])
    session.commit()

    ada, bob = session.get(Student, 1), session.get(Student, 2)
    web = session.get(Course, 3)
    ada.courses = [ada.courses[1], web]
    print([c.title for c in ada.courses], [s.name for s in web.students])
    session.commit()
    print(session.execute(select(enrolment).order_by(enrolment.c.student_id, enrolment.c.course_id)).all())
    bob.courses.clear()
    session.commit()
    print(session.execute(select(enrolment).order_by(enrolment.c.student_id, enrolment.c.course_id)).all())
    session.delete(ada)
    session.commit()
    print(session.execute(select(enrolment)).all(), session.scalars(select(Course.title)).all())

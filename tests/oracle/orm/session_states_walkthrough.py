"""The session's states lesson over a many-to-many and an association object:
transient, pending, persistent, detached; identity map keys; dirty and history;
rollback; removing from a collection; delete-orphan; delete of a parent of a
many-to-many; merge into another session; make_transient."""
from typing import List, Optional
from sqlalchemy import *
from sqlalchemy.orm import *

class Base(DeclarativeBase):
    pass

student_course = Table("student_course", Base.metadata, Column("student_id", ForeignKey("student.id"), primary_key=True), Column("course_id", ForeignKey("course.id"), primary_key=True))

class Student(Base):
    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    courses: Mapped[List["Course"]] = relationship(secondary=student_course, back_populates="students", order_by="Course.title")
    grades: Mapped[List["Grade"]] = relationship(back_populates="student", cascade="all, delete-orphan")
    def __repr__(self):
        return f"Student({self.name!r})"

class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(unique=True)
    students: Mapped[List[Student]] = relationship(secondary=student_course, back_populates="courses")
    def __repr__(self):
        return f"Course({self.title!r})"

class Grade(Base):
    __tablename__ = "grade"
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"), primary_key=True)
    score: Mapped[int]
    student: Mapped[Student] = relationship(back_populates="grades")
    course: Mapped[Course] = relationship()
    def __repr__(self):
        return f"Grade({self.score})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Session_ = sessionmaker(engine)
with Session_() as s:
    math, art = Course(title="math"), Course(title="art")
    ann = Student(name="ann", courses=[math])
    bob = Student(name="bob", courses=[math])
    insp = inspect(ann)
    print(insp.transient, insp.pending)
    s.add_all([ann, bob])
    print(insp.transient, insp.pending, ann in s, len(s.new))
    s.flush()
    print(insp.persistent, insp.identity, type(s.identity_map.keys()).__name__, sorted(k[1] for k in s.identity_map.keys()))
    ann.courses.append(art)
    s.flush()
    ann.grades.append(Grade(course=math, score=90))
    ann.grades.append(Grade(course=art, score=75))
    s.commit()
    print(ann.name, [c.title for c in ann.courses], math.students)
    ann.name = "Ann"
    print(s.dirty, s.is_modified(ann), insp.attrs.name.history)
    s.rollback()
    print(ann.name)
    ann.courses.remove(art)
    s.commit()
    print(s.scalars(select(Course.title).join(Course.students).where(Student.name == "ann")).all())
    del ann.grades[0]
    s.commit()
    print(s.scalars(select(Grade)).all())
    s.delete(bob)
    s.commit()
    print(s.execute(select(student_course)).all())
    print(s.scalars(select(Student).where(Student.courses.any(Course.title == "math"))).all())
    s.expunge(ann)
    print(inspect(ann).detached)
    s2 = Session_()
    ann2 = s2.merge(ann)
    print(ann2 is ann, inspect(ann2).persistent)
    s2.close()
    make_transient(ann)
    print(inspect(ann).transient)

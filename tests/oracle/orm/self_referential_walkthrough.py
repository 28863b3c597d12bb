"""The relationships lesson: an adjacency list (manager/reports with remote_side) flushed with a one-to-one (Badge, delete-orphan) that depends on it, backrefs kept in sync before a flush, joins through aliased(), has()/any(), replacing and deleting the one-to-one, a recursive CTE over the tree."""
from typing import List, Optional
from sqlalchemy import *
from sqlalchemy.orm import *

class Base(DeclarativeBase):
    pass

class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    manager_id: Mapped[Optional[int]] = mapped_column(ForeignKey("employee.id"))
    manager: Mapped[Optional["Employee"]] = relationship(back_populates="reports", remote_side=[id])
    reports: Mapped[List["Employee"]] = relationship(back_populates="manager", order_by="Employee.name")
    badge: Mapped[Optional["Badge"]] = relationship(back_populates="employee", cascade="all, delete-orphan")
    def __repr__(self):
        return f"Employee({self.name!r})"

class Badge(Base):
    __tablename__ = "badge"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str]
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), unique=True)
    employee: Mapped[Employee] = relationship(back_populates="badge")
    def __repr__(self):
        return f"Badge({self.code!r})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    boss = Employee(name="boss")
    s.add(boss)
    s.flush()
    a = Employee(name="amy", manager=boss, badge=Badge(code="A1"))
    b = Employee(name="ben", manager=boss)
    s.add_all([a, b])
    s.commit()
    print(boss.reports, a.manager, a.badge, a.badge.employee)
    c = Employee(name="cat")
    a.reports.append(c)
    print(c.manager, c in s)
    s.commit()
    mgr = aliased(Employee)
    print(s.execute(select(Employee.name, mgr.name).join(mgr, Employee.manager).order_by(Employee.name)).all())
    print(s.scalars(select(Employee).where(Employee.manager.has(Employee.name == "boss")).order_by(Employee.id)).all())
    a.badge = Badge(code="A2")
    s.commit()
    print(s.scalars(select(Badge.code)).all())
    b.badge = Badge(code="B1")
    s.flush()
    s.delete(b)
    s.commit()
    print(s.scalars(select(Badge.code)).all(), boss.reports)
    print(s.scalars(select(Employee.name).where(Employee.reports.any())).all())
    cte = select(Employee.id, Employee.name, literal(0).label("depth")).where(Employee.manager_id.is_(None)).cte("tree", recursive=True)
    cte = cte.union_all(select(Employee.id, Employee.name, (cte.c.depth + 1).label("depth")).join(cte, Employee.manager_id == cte.c.id))
    print(s.execute(select(cte.c.name, cte.c.depth).order_by(cte.c.depth, cte.c.name)).all())

# The legacy Query's smaller API (cargo xtask surface): with_parent() (and
# its LegacyAPIWarning), whereclause, is_single_entity, only_return_tuples(),
# execution options, yield_per(), populate_existing(), with_session(), cte().
import warnings

from sqlalchemy import create_engine, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

warnings.simplefilter("always")


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped[Parent] = relationship(back_populates="children")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
parent = Parent(children=[Child(), Child()])
session.add(parent)
session.commit()
q = session.query(Child)
print([c.id for c in q.with_parent(parent)])
print(q.with_parent(parent, Parent.children).count())
print(q.whereclause, q.filter(Child.id > 0).whereclause, q.is_single_entity, session.query(Child.id).is_single_entity,
      session.query(Child, Parent).is_single_entity)
rows = q.only_return_tuples(True).order_by(Child.id).all()
print([type(r).__name__ for r in rows], [r[0].id for r in rows], q.only_return_tuples(True).is_single_entity)
print(q.execution_options(foo=1).get_execution_options(), q.yield_per(5).get_execution_options(),
      q.populate_existing().get_execution_options())
other = Session(engine)
print(q.with_session(other).session is other, q.with_session(other).first() in other)
print(q.cte("x").name, q.logger.name, q.selectable is not None, q.supports_execution, q.is_select)

# a few more of the real names: flags and re-exported names
from sqlalchemy import inspect
from sqlalchemy.orm import selectinload, Load
import sqlalchemy.ext.hybrid as hybrid
import sqlalchemy.ext.associationproxy as associationproxy
from alembic.operations import AbstractOperations, Operations, BatchOperations, MigrateOperation

print(inspect(parent).async_session, selectinload(Parent.children).propagate_to_loaders,
      selectinload(Parent.children).additional_source_entities, Load(Parent).additional_source_entities)
print(hybrid.ColumnElement is associationproxy.ColumnElement, associationproxy.or_ is not None,
      issubclass(Operations, AbstractOperations), issubclass(BatchOperations, AbstractOperations),
      MigrateOperation.__name__)

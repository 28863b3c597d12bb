# SQLAlchemy's expression classes answer isinstance() as there (Selectable,
# SelectBase, UpdateBase, ColumnClause, UnaryExpression...), and an engine
# takes a pool class (create_engine(poolclass=StaticPool)).
import sqlalchemy as sa
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, select, insert, update, delete, func,
    desc, exists, literal_column, column, union, type_coerce, text)
from sqlalchemy.pool import StaticPool, QueuePool, SingletonThreadPool, NullPool

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)))
names = ["Visitable", "Operators", "ColumnOperators", "ReturnsRows", "Selectable", "SelectBase", "GenerativeSelect",
         "HasCTE", "HasPrefixes", "HasSuffixes", "UpdateBase", "ValuesBase", "AliasedReturnsRows", "ColumnClause",
         "UnaryExpression", "FunctionElement", "TypeCoerce", "ColumnElement", "FromClause", "ClauseElement", "Executable"]
objects = {
    "select": select(t), "insert": insert(t), "update": update(t), "delete": delete(t), "table": t, "column": t.c.id,
    "neg": -t.c.id, "literal_column": literal_column("x"), "column()": column("y"),
    "subquery": select(t).subquery(), "cte": select(t).cte(), "alias": t.alias(), "union": union(select(t), select(t)),
    "exists": exists(), "type_coerce": type_coerce(t.c.id, String), "text": text("x"), "binary": t.c.id == 1,
}
for label, obj in objects.items():
    print(label, [n for n in names if isinstance(obj, getattr(sa, n))])
for poolclass in (StaticPool, QueuePool, NullPool):
    engine = create_engine("sqlite://", poolclass=poolclass)
    print(type(engine.pool).__name__, type(engine.pool).__module__, isinstance(engine.pool, sa.pool.Pool))
    with engine.connect() as conn:
        print(conn.execute(select(1)).scalar())
print(type(create_engine("sqlite://").pool).__name__, issubclass(SingletonThreadPool, sa.pool.Pool))

# select() of Python literals: numbers written as they are, text refused
print(select(1), select(2.5, None, True))
for bad in ("x", "lower(name) and more text here"):
    try:
        select(bad)
    except sa.exc.ArgumentError as e:
        print("ArgumentError:", e)

# the engine's and ORM's classes under their SQLAlchemy names
from sqlalchemy import inspect, engine_from_config
from sqlalchemy.engine import Inspector, ResultProxy, CursorResult, RootTransaction
from sqlalchemy.orm import (DeclarativeBase, Mapped, mapped_column, relationship, Session, InspectionAttr, MapperProperty,
    Relationship, create_session, dynamic_loader, has_inherited_table, was_deleted, ColumnProperty)

engine = engine_from_config({"sqlalchemy.url": "sqlite://", "sqlalchemy.echo": "false", "other": 1})
with engine.connect() as conn:
    trans = conn.begin()
    print(type(trans).__name__, isinstance(trans, RootTransaction), isinstance(inspect(conn), Inspector),
          ResultProxy is CursorResult, type(conn.execute(select(1))).__name__)
    trans.rollback()


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    kids = dynamic_loader("Kid")


class Kid(Base):
    __tablename__ = "kid"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(sa.ForeignKey("parent.id"))


print(isinstance(inspect(Parent), InspectionAttr), isinstance(Parent.kids.property, Relationship),
      isinstance(inspect(Parent).attrs.id, MapperProperty), Parent.kids.property.lazy)
print(has_inherited_table(Parent), has_inherited_table(Base))
Base.metadata.create_all(engine)
session = create_session(engine)
print(session.autoflush, session.expire_on_commit)
p = Parent()
session.add(p)
session.flush()
print(was_deleted(p))
session.delete(p)
session.flush()
print(was_deleted(p))

# DDL as text, and the schema items' common base
from sqlalchemy.schema import DDL, SchemaItem, CreateTable, ExecutableDDLElement

ddl = DDL("CREATE TABLE extra (id INTEGER PRIMARY KEY)")
print(ddl, isinstance(ddl, ExecutableDDLElement), isinstance(CreateTable(t), ExecutableDDLElement))
echoing = create_engine("sqlite://", echo=True)
with echoing.begin() as conn:
    conn.execute(ddl)
    print(conn.execute(text("select count(*) from extra")).scalar())
print([isinstance(x, SchemaItem) for x in (t, t.c.id, metadata, t.primary_key)], isinstance(select(t), SchemaItem))
try:
    DDL(5)
except sa.exc.ArgumentError as e:
    print("ArgumentError:", e)

# INTERSECT ALL / EXCEPT ALL (printed), typing helpers, linting flags, Synonym
import sqlalchemy.sql
from sqlalchemy import except_all, intersect_all, Nullable, NotNullable
from sqlalchemy.orm import Synonym, SynonymProperty

print(except_all(select(t.c.id), select(t.c.id)))
print(select(t.c.id).intersect_all(select(t.c.id)))
print(Nullable(t.c.id) is t.c.id, NotNullable(3))
print(sqlalchemy.sql.NO_LINTING, sqlalchemy.sql.FROM_LINTING, repr(sqlalchemy.sql.WARN_LINTING),
      sqlalchemy.sql.FROM_LINTING & sqlalchemy.sql.WARN_LINTING)
print(issubclass(Synonym, SynonymProperty))

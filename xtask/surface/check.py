"""Which of the real packages' public names Retort has (run by `cargo xtask
surface` on `retort run`, followed by `_main(<the real surface>)`): prints
one JSON object, each name's status: works, refuses (NotImplementedError
naming it, or a stub marked `_retort_refuses`) or missing."""

import json

_MISSING = object()


def _refusing(obj):
    """A stub of `_retort_refusals` (marked in its own `__dict__`: an object
    answering every attribute, as `func` does, is not one)."""
    if isinstance(obj, property):
        obj = obj.fget
    try:
        return bool(vars(obj).get("_retort_refuses", False))
    except TypeError:
        return False


def _module_status(mod, name):
    if mod is None:
        return "missing"
    try:
        obj = getattr(mod, name)
    except NotImplementedError:
        return "refuses"
    except Exception:
        return "missing"
    return "refuses" if _refusing(obj) else "works"


def _member_status(cls, inst, name):
    if cls is None:
        return "missing"
    try:
        raw = getattr(cls, name)
    except NotImplementedError:
        return "refuses"
    except AttributeError:
        raw = _MISSING
    except Exception:
        return "works"
    if raw is not _MISSING:
        return "refuses" if _refusing(raw) else "works"
    if inst is None:
        return "missing"
    try:
        getattr(inst, name)
    except NotImplementedError:
        return "refuses"
    except AttributeError:
        return "missing"
    except Exception:
        return "works"
    return "works"


def _samples():
    """One object of each main class, built as a script would."""
    out = {}

    def keep(path, make):
        try:
            out[path] = make()
        except Exception as e:
            print("surface: no sample of", path, type(e).__name__, e)

    from sqlalchemy import create_engine, text, select, insert, update, delete, MetaData, Table, Column, Integer
    from sqlalchemy import String, ForeignKey, Index, UniqueConstraint, inspect
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, sessionmaker
    from sqlalchemy.orm import selectinload

    engine = create_engine("sqlite://")
    keep("sqlalchemy.engine.Engine", lambda: engine)
    conn = engine.connect()
    keep("sqlalchemy.engine.Connection", lambda: conn)
    keep("sqlalchemy.engine.Transaction", lambda: conn.begin())
    keep("sqlalchemy.engine.Result", lambda: conn.execute(text("select 1 as x")))
    keep("sqlalchemy.engine.ScalarResult", lambda: conn.execute(text("select 1 as x")).scalars())
    keep("sqlalchemy.engine.MappingResult", lambda: conn.execute(text("select 1 as x")).mappings())
    keep("sqlalchemy.engine.Row", lambda: conn.execute(text("select 1 as x")).first())
    metadata = MetaData()
    table = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)))
    keep("sqlalchemy.schema.MetaData", lambda: metadata)
    keep("sqlalchemy.schema.Table", lambda: table)
    keep("sqlalchemy.schema.Column", lambda: table.c.name)
    keep("sqlalchemy.schema.Index", lambda: Index("ix_t_name", table.c.name))
    keep("sqlalchemy.schema.Constraint", lambda: UniqueConstraint(table.c.name))
    keep("sqlalchemy.sql.Select", lambda: select(table))
    keep("sqlalchemy.sql.Insert", lambda: insert(table))
    keep("sqlalchemy.sql.Update", lambda: update(table))
    keep("sqlalchemy.sql.Delete", lambda: delete(table))

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

    session = Session(engine)
    parent = Parent()
    keep("sqlalchemy.orm.Session", lambda: session)
    keep("sqlalchemy.orm.sessionmaker", lambda: sessionmaker(engine))
    keep("sqlalchemy.orm.Query", lambda: session.query(Parent))
    keep("sqlalchemy.orm.Mapper", lambda: inspect(Parent))
    keep("sqlalchemy.orm.InstanceState", lambda: inspect(parent))
    keep("sqlalchemy.orm.AttributeState", lambda: inspect(parent).attrs.children)
    keep("sqlalchemy.orm.RelationshipProperty", lambda: Parent.children.property)
    keep("sqlalchemy.orm.Load", lambda: selectinload(Parent.children))

    from flask import Flask
    from flask_sqlalchemy import SQLAlchemy

    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    db = SQLAlchemy(app)
    keep("flask_sqlalchemy.SQLAlchemy", lambda: db)

    class Note(db.Model):
        id: Mapped[int] = mapped_column(primary_key=True)

    def pagination():
        with app.app_context():
            db.create_all()
            return db.paginate(db.select(Note), page=1, per_page=10)

    keep("flask_sqlalchemy.pagination.Pagination", pagination)

    from alembic.runtime.migration import MigrationContext
    from alembic.operations import Operations

    conn.execute(text("create table b (id integer primary key, x integer)"))
    context = MigrationContext.configure(conn)
    keep("alembic.runtime.migration.MigrationContext", lambda: context)
    op = Operations(context)
    keep("alembic.operations.Operations", lambda: op)

    def batch():
        with op.batch_alter_table("b") as batch_op:
            return batch_op

    keep("alembic.operations.BatchOperations", batch)
    return out


def _import(path):
    namespace = {}
    try:
        exec(f"import {path} as module", namespace)
    except Exception:
        return None
    return namespace["module"]


def _class(path, sample):
    """The class a script imports by the real path; else the class of the
    object Retort gives for it (its `scalars()` is a Result)."""
    module, _, name = path.rpartition(".")
    try:
        cls = getattr(_import(module), name)
    except Exception:
        cls = None
    if isinstance(cls, type):
        return cls
    return None if sample is None else type(sample)


def _main(real):
    samples = _samples()
    status = {"modules": {}, "classes": {}, "homes": {}}
    for path, names in real["modules"].items():
        mod = _import(path)
        status["modules"][path] = {name: _module_status(mod, name) for name in names}
    for path, names in real["classes"].items():
        inst = samples.get(path)
        cls = _class(path, inst)
        if cls is not None:
            status["homes"][path] = [cls.__module__, cls.__qualname__]
        status["classes"][path] = {name: _member_status(cls, inst, name) for name in names}
    print("@@surface@@ " + json.dumps(status))

"""The real packages' public surface, names only (run on CPython with the
pinned SQLAlchemy, Flask-SQLAlchemy and alembic): printed as JSON for
`cargo xtask surface`, which commits it as tests/surface/real.json."""

import __future__
import importlib
import inspect
import json
import sys
import types

MODULES = [
    "sqlalchemy", "sqlalchemy.orm", "sqlalchemy.sql", "sqlalchemy.engine", "sqlalchemy.schema",
    "sqlalchemy.types", "sqlalchemy.exc", "sqlalchemy.event", "sqlalchemy.ext.hybrid",
    "sqlalchemy.ext.associationproxy", "sqlalchemy.dialects.sqlite", "flask_sqlalchemy",
    "flask_sqlalchemy.pagination", "flask_sqlalchemy.query", "alembic.op", "alembic.operations",
    "alembic.migration", "alembic.autogenerate",
]

# the main classes, each where a script imports it from
CLASSES = [
    "sqlalchemy.engine.Engine", "sqlalchemy.engine.Connection", "sqlalchemy.engine.Transaction",
    "sqlalchemy.engine.Result", "sqlalchemy.engine.ScalarResult", "sqlalchemy.engine.Row",
    "sqlalchemy.engine.MappingResult", "sqlalchemy.sql.Select", "sqlalchemy.sql.Insert",
    "sqlalchemy.sql.Update", "sqlalchemy.sql.Delete", "sqlalchemy.schema.Table", "sqlalchemy.schema.Column",
    "sqlalchemy.schema.MetaData", "sqlalchemy.schema.Index", "sqlalchemy.schema.Constraint",
    "sqlalchemy.orm.Session", "sqlalchemy.orm.sessionmaker", "sqlalchemy.orm.Query", "sqlalchemy.orm.Mapper",
    "sqlalchemy.orm.InstanceState", "sqlalchemy.orm.AttributeState", "sqlalchemy.orm.RelationshipProperty",
    "sqlalchemy.orm.Load", "flask_sqlalchemy.pagination.Pagination", "flask_sqlalchemy.SQLAlchemy",
    "alembic.operations.Operations", "alembic.operations.BatchOperations",
    "alembic.runtime.migration.MigrationContext",
]

# Row's public API is underscored, not to clash with column names
ROW_EXTRA = ["_asdict", "_fields", "_mapping", "_t", "_tuple"]


def public_module_names(mod):
    out = {}
    for name in dir(mod):
        if name.startswith("_"):
            continue
        obj = getattr(mod, name)
        if isinstance(obj, (types.ModuleType, __future__._Feature)):
            continue
        if getattr(obj, "__module__", None) in ("typing", "typing_extensions", "collections.abc"):
            continue
        if name == "TYPE_CHECKING":
            continue
        out[name] = kind_of(obj)
    return out


def kind_of(obj):
    if inspect.isclass(obj):
        return "class"
    if callable(obj):
        return "function"
    return "value"


def public_class_names(cls):
    out = {}
    names = [n for n in dir(cls) if not n.startswith("_")]
    if cls.__name__ == "Row":
        names += ROW_EXTRA
    for name in sorted(names):
        raw = inspect.getattr_static(cls, name)
        if isinstance(raw, (staticmethod, classmethod, types.FunctionType)) or inspect.ismethoddescriptor(raw):
            kind = "method"
        elif isinstance(raw, property) or inspect.isdatadescriptor(raw) or type(raw).__name__.endswith("memoized_property"):
            kind = "property"
        elif callable(raw) and not inspect.isclass(raw):
            kind = "method"
        else:
            kind = "attribute"
        out[name] = kind
    return out


def main():
    surface = {"modules": {}, "classes": {}}
    for m in MODULES:
        surface["modules"][m] = public_module_names(importlib.import_module(m))
    for path in CLASSES:
        module, _, name = path.rpartition(".")
        surface["classes"][path] = public_class_names(getattr(importlib.import_module(module), name))
    json.dump(surface, sys.stdout, indent=1, sort_keys=True)
    print()


main()

# create_all and drop_all take their order from
# sqlalchemy.sql.ddl.sort_tables_and_constraints, looked up at each call
# (SQLAlchemy's documentation tests replace it to sort tables by key); and
# echo=True adds no handler of its own when the engine's logger has one
import logging

from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table, create_engine
from sqlalchemy.sql import ddl

lines = []


class Keep(logging.Handler):
    def emit(self, record):
        lines.append(record.getMessage())


logging.getLogger("sqlalchemy.engine.Engine").addHandler(Keep())

md = MetaData()
Table("zebra", md, Column("id", Integer, primary_key=True))
Table("child", md, Column("id", Integer, primary_key=True), Column("z", ForeignKey("zebra.id")))
Table("apple", md, Column("id", Integer, primary_key=True))

pairs = ddl.sort_tables_and_constraints(list(md.tables.values()))
print([t.name if t is not None else None for t, _ in pairs])

orig = ddl.sort_tables_and_constraints


def by_key(tables, **kw):
    return orig(sorted(tables, key=lambda t: t.key), **kw)


ddl.sort_tables_and_constraints = by_key
engine = create_engine("sqlite://", echo=True)
md.create_all(engine)
md.drop_all(engine)
ddl.sort_tables_and_constraints = orig
print([l.strip().split("\n")[0] for l in lines if "TABLE" in l])
print([t.name for t in ddl.sort_tables(md.tables.values())])

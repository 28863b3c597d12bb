# Statements' and schema items' smaller API (cargo xtask surface): slice(),
# whereclause, label(), as_scalar(), filter_by() on UPDATE/DELETE,
# exported_columns, info, Index.create()/drop(), MetaData.remove()/clear().
import warnings

from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, Index, UniqueConstraint, select, insert,
    update, delete, exc)

warnings.simplefilter("always")
metadata = MetaData(info={"owner": "docs"})
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(20), info={"label": "Name"}),
          info={"kind": "demo"})
print(metadata.info, t.info, t.c.name.info, t.c.id.info, t.description, t.c.name.description)
s = select(t)
print(s.slice(1, 3))
print(s.slice(0, 3))
print(s.where(t.c.id == 1, t.c.name == "x").whereclause, s.whereclause)
print(s.label("x").name, s.selectable is s, s.description, s.exported_columns.keys(), [c.name for c in s.inner_columns])
print(s.as_scalar())
print(update(t).where(t.c.id == 1).whereclause, delete(t).filter_by(id=5))
print(update(t).filter_by(name="a").values(name="b"))
print(insert(t).exported_columns.keys(), insert(t).returning(t.c.id).exported_columns.keys(), insert(t).select)
print(s.is_select, s.is_dml, insert(t).is_insert, update(t).is_update, delete(t).is_delete, t.is_selectable,
      t.c.id.is_literal, s.supports_execution, t.named_with_column, t.implicit_returning)
uq = UniqueConstraint("name")
try:
    uq.table
except exc.InvalidRequestError as e:
    print("InvalidRequestError:", e)
print(t.primary_key.table is t)

engine = create_engine("sqlite://", echo=True)
metadata.create_all(engine)
ix = Index("ix_t_name", t.c.name)
print(ix.c.keys(), ix.columns.keys(), ix.info)
ix.create(engine)
with engine.connect() as conn:
    ix.drop(conn)
    conn.commit()
metadata.remove(t)
print(list(metadata.tables))
metadata.clear()
print(list(metadata.tables))

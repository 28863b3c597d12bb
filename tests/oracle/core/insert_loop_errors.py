# A loop of single-row INSERTs through one statement, with the failures a
# learner meets: a duplicate key, a NULL into NOT NULL, a str into an
# Integer column (SQLite keeps it), and the cursor events seeing each row.
from sqlalchemy import MetaData, Table, Column, Integer, String, Boolean, create_engine, insert, select, event
from sqlalchemy.exc import IntegrityError

engine = create_engine("sqlite://")
metadata = MetaData()
item = Table(
    "item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(20), nullable=False),
    Column("qty", Integer),
    Column("done", Boolean),
)
metadata.create_all(engine)

stmt = insert(item)
with engine.begin() as conn:
    for i in range(3):
        conn.execute(stmt, {"id": i + 1, "label": f"x{i}", "qty": i})
    r = conn.execute(stmt, {"label": "kept", "qty": "seven"})
    print(r.inserted_primary_key, r.rowcount)
    try:
        conn.execute(stmt, {"id": 2, "label": "dup", "qty": 5})
    except IntegrityError as e:
        print(type(e).__name__, e.orig, e.params)
        print(str(e).splitlines()[1:3])
    try:
        conn.execute(stmt, {"label": None, "qty": 1})
    except IntegrityError as e:
        print(type(e).__name__, e.params)
    try:
        conn.execute(stmt, {"label": "b", "qty": 1, "done": True})
        conn.execute(stmt, {"label": "b", "qty": 2, "done": True, "id": 1})
    except IntegrityError as e:
        print(type(e).__name__, e.params)
        print(str(e).splitlines()[2])

seen = []
event.listen(engine, "before_cursor_execute", lambda conn, cursor, statement, parameters, context, executemany: seen.append(parameters))
with engine.begin() as conn:
    for i in range(2):
        conn.execute(stmt, {"label": f"y{i}", "qty": None})
print(seen)
with engine.connect() as conn:
    print(conn.execute(select(item.c.label, item.c.qty, item.c.done).order_by(item.c.id)).all())

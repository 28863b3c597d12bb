# SQLAlchemy's unified tutorial, "Working with Transactions and the DBAPI":
# text(), commit as you go, begin once, rows by attribute and mapping.
from sqlalchemy import create_engine, text

engine = create_engine("sqlite+pysqlite:///:memory:", echo=False)
with engine.connect() as conn:
    result = conn.execute(text("select 'hello world'"))
    print(result.all())

with engine.connect() as conn:
    conn.execute(text("CREATE TABLE some_table (x int, y int)"))
    conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), [{"x": 1, "y": 1}, {"x": 2, "y": 4}])
    conn.commit()

with engine.begin() as conn:
    conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), [{"x": 6, "y": 8}, {"x": 9, "y": 10}])

with engine.connect() as conn:
    result = conn.execute(text("SELECT x, y FROM some_table"))
    for row in result:
        print(f"x: {row.x}  y: {row.y}")

with engine.connect() as conn:
    result = conn.execute(text("SELECT x, y FROM some_table WHERE y > :y"), {"y": 2})
    for x, y in result:
        print(f"x: {x}  y: {y}")
    for dict_row in conn.execute(text("SELECT x, y FROM some_table")).mappings():
        print(dict_row["x"], dict_row["y"])

with engine.connect() as conn:
    conn.execute(text("UPDATE some_table SET y=:y WHERE x=:x"), [{"x": 9, "y": 11}, {"x": 13, "y": 15}])
    conn.commit()
    print(conn.execute(text("SELECT x, y FROM some_table WHERE x > :x ORDER BY x, y").bindparams(x=6)).all())

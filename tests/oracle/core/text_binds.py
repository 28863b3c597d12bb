# text(): named binds from a dict, bindparams(), executemany with a list of
# dicts, rows by name, exec_driver_sql with positional parameters.
from sqlalchemy import create_engine, text, bindparam

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL)"))
    conn.execute(text("INSERT INTO t (name, score) VALUES (:name, :score)"), [{"name": "a", "score": 1.5}, {"name": "b", "score": 2.0}])
    conn.execute(text("INSERT INTO t (name, score) VALUES (:name, :score)"), {"name": "c", "score": None})
    rows = conn.execute(text("SELECT id, name, score FROM t WHERE score > :s ORDER BY id"), {"s": 1}).all()
    print(rows)
    for row in conn.execute(text("SELECT name, score FROM t ORDER BY name")):
        print(row.name, row.score)
    stmt = text("SELECT name FROM t WHERE id = :id").bindparams(id=2)
    print(conn.execute(stmt).scalar())
    print(conn.execute(text("SELECT name FROM t WHERE name IN (:a, :b) ORDER BY name"), {"a": "a", "b": "c"}).scalars().all())
    print(conn.exec_driver_sql("SELECT count(*) FROM t WHERE score IS NULL").scalar())
    print(conn.execute(text("UPDATE t SET score = score * 2 WHERE score IS NOT NULL")).rowcount)
    print(conn.execute(text("SELECT sum(score) AS total FROM t")).one().total)

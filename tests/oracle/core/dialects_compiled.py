# Statements and expressions compiled for other dialects (shown, not run):
# PostgreSQL (psycopg: %(name)s binds cast to their type), MySQL (%s),
# Oracle (:name, FROM DUAL, FETCH FIRST), SQLite's and the default one.
from sqlalchemy import JSON, Integer, String, column, delete, func, literal, select, table, type_coerce, update
from sqlalchemy.dialects import mysql, oracle, postgresql, sqlite

t = table("t", column("id", Integer), column("a", String))
u = table("u", column("id", Integer), column("b", String))
for d in (postgresql.dialect(), mysql.dialect(), oracle.dialect(), sqlite.dialect(), None):
    print("--", d and (d.name, d.driver, d.paramstyle))
    print(column("x").regexp_match("word").compile(dialect=d))
    if d is None or d.name != "sqlite":
        print(column("x").regexp_match("word").compile(dialect=d).params)
    print((column("x", String) + "some string").compile(dialect=d))
    print((column("x").collate("latin1_german2_ci") == "Müller").compile(dialect=d))
    print((literal("Müller").collate("latin1_german2_ci") == column("x")).compile(dialect=d))
    print(column("x").bitwise_xor(5).compile(dialect=d))
    print(select(func.now()).compile(dialect=d))
    if d is None or d.name != "sqlite":
        print(select(t).where(t.c.id.in_([1, 2])).limit(3).compile(dialect=d))
    print(select(t.c.a).order_by(t.c.id).limit(3).offset(6).compile(dialect=d))
    if d is None or d.name != "oracle":
        print(select(type_coerce({"some_key": {"foo": "bar"}}, JSON)["some_key"]).compile(dialect=d))
    for stmt in (update(t).values(a="q").where(t.c.id == u.c.id).where(u.c.b == "z"),
                 delete(t).where(t.c.id == u.c.id).where(u.c.b == "z")):
        try:
            print(stmt.compile(dialect=d))
        except NotImplementedError as e:
            print("NotImplementedError:", e)
try:
    print(update(t).values({t.c.a: "q", u.c.b: "r"}).where(t.c.id == u.c.id))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(update(t).values(nope=1))
except Exception as e:
    print(type(e).__name__, e)

# Errors of results and statements: NoResultFound, MultipleResultsFound,
# executing a plain string, unknown columns.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select
from sqlalchemy.exc import NoResultFound, MultipleResultsFound, ArgumentError, ObjectNotExecutableError

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("v", String(10)))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(t), [{"v": "a"}, {"v": "b"}])
    for stmt, call in [(select(t).where(t.c.id == 5), "one"), (select(t), "one"), (select(t), "one_or_none"),
                       (select(t.c.v), "scalar_one")]:
        try:
            print(getattr(conn.execute(stmt), call)())
        except (NoResultFound, MultipleResultsFound) as e:
            print(type(e).__name__, e)
    try:
        conn.execute("SELECT 1")
    except ObjectNotExecutableError as e:
        print(type(e).__name__, e)
    try:
        t.c.nope
    except AttributeError as e:
        print("AttributeError", e)
    print(isinstance(ObjectNotExecutableError("x"), ArgumentError))

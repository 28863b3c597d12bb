"""The security lesson: SQL built by f-string (the injection works, a second statement is refused as sqlite3 refuses it) against bound parameters (text(), bindparams(), exec_driver_sql, LIKE patterns, autoescape), literal_binds quoting, and the errors: a missing bind value, a missing table, a duplicate key."""
from sqlalchemy import *
from sqlalchemy.exc import *
e = create_engine("sqlite://")
m = MetaData()
users = Table("users", m, Column("id", Integer, primary_key=True), Column("name", String(20)), Column("password", String(20)))
m.create_all(e)
with e.begin() as c:
    c.execute(users.insert(), [{"name": "alice", "password": "s3cret"}, {"name": "bob", "password": "hunter2"}])
name = "x' OR '1'='1"
with e.connect() as c:
    print(c.execute(text(f"SELECT name FROM users WHERE name = '{name}'")).all())
    print(c.execute(text("SELECT name FROM users WHERE name = :n"), {"n": name}).all())
    print(c.execute(select(users.c.name).where(users.c.name == name)).all())
    stmt = text("SELECT name FROM users WHERE id = :id").bindparams(id=1)
    print(stmt, c.execute(stmt).scalar())
    print(c.exec_driver_sql("SELECT name FROM users WHERE name = ?", (name,)).all())
    print(c.exec_driver_sql("SELECT count(*) FROM users WHERE name LIKE ?", ("%li%",)).scalar())
    evil = "1; DROP TABLE users"
    try:
        c.execute(text(f"SELECT name FROM users WHERE id = {evil}"))
    except Exception as ex:
        print(type(ex).__name__, str(ex).splitlines()[0])
    print(c.execute(text("SELECT count(*) FROM users")).scalar())
    q = select(users.c.name).where(users.c.name.like(bindparam("pat")))
    print(c.execute(q, {"pat": "%o%"}).scalars().all())
    print(c.execute(select(users.c.name).where(users.c.name.contains("%", autoescape=True))).all())
    print(select(users).where(users.c.name == name).compile(compile_kwargs={"literal_binds": True}))
    try:
        c.execute(text("SELECT * FROM users WHERE id = :id"))
    except Exception as ex:
        print(type(ex).__name__, ex)
    try:
        c.execute(text("SELECT * FROM nowhere"))
    except OperationalError as ex:
        print(ex)
    try:
        c.execute(users.insert().values(id=1, name="dup"))
    except IntegrityError as ex:
        print(ex)
m2 = MetaData()
Table("child", m2, Column("id", Integer, primary_key=True), Column("parent_id", ForeignKey("parent.id")))
try:
    m2.create_all(e)
except NoReferencedTableError as ex:
    print(type(ex).__mro__[1].__name__, ex)

# DBAPI errors as SQLAlchemy wraps them: IntegrityError for NOT NULL and
# UNIQUE, OperationalError for a missing table, with their messages.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, text
from sqlalchemy.exc import IntegrityError, OperationalError, DBAPIError

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("person", metadata, Column("id", Integer, primary_key=True), Column("email", String(50), unique=True, nullable=False))
metadata.create_all(engine)

with engine.connect() as conn:
    conn.execute(insert(t).values(email="a@x"))
    conn.commit()
    for stmt in [insert(t).values(email="a@x"), insert(t).values(email=None)]:
        try:
            conn.execute(stmt)
        except IntegrityError as e:
            print(type(e).__name__, isinstance(e, DBAPIError))
            print(e)
            conn.rollback()
    try:
        conn.execute(text("SELECT * FROM nowhere"))
    except OperationalError as e:
        print(e)

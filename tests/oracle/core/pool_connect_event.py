# A pool 'connect' listener on an engine runs at its first connection, with
# the driver's connection: its cursor's statements (PRAGMA foreign_keys=ON)
# reach the database without SQLAlchemy logging them
from sqlalchemy import create_engine, event, text, MetaData, Table, Column, Integer
engine = create_engine("sqlite://")
seen = []
@event.listens_for(engine, "connect")
def on_connect(dbapi_connection, connection_record):
    seen.append(type(dbapi_connection).__name__)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
m = MetaData()
Table("t", m, Column("id", Integer, primary_key=True))
m.create_all(engine)
with engine.connect() as conn:
    print(conn.execute(text("PRAGMA foreign_keys")).all())
print(seen)
from sqlalchemy import ForeignKey
from sqlalchemy.exc import IntegrityError
m2 = MetaData()
Table("p", m2, Column("id", Integer, primary_key=True))
c = Table("c", m2, Column("id", Integer, primary_key=True), Column("p_id", ForeignKey("p.id")))
m2.create_all(engine)
try:
    with engine.begin() as conn:
        conn.execute(c.insert().values(id=1, p_id=99))
except IntegrityError as e:
    print("IntegrityError", e.orig)
print(seen)

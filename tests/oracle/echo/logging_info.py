# The logging way of turning on SQL logging, as SQLAlchemy's docs show it.
import logging
from sqlalchemy import create_engine, text

logging.basicConfig()
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
engine = create_engine("sqlite://")
with engine.connect() as conn:
    conn.execute(text("CREATE TABLE t (x INTEGER)"))
    conn.execute(text("INSERT INTO t (x) VALUES (:x)"), [{"x": 1}, {"x": 2}])
    conn.commit()
    print(conn.execute(text("SELECT x FROM t WHERE x > :x"), {"x": 0}).all())

# Raw SQL in an ORM session: text() with bound parameters, text().columns()
# turned into objects with from_statement(), and exec_driver_sql.
from sqlalchemy import create_engine, String, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Color(Base):
    __tablename__ = "color"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    hex: Mapped[str] = mapped_column(String(7))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.execute(text("INSERT INTO color (name, hex) VALUES (:n, :h)"), [{"n": "red", "h": "#f00"}, {"n": "blue", "h": "#00f"}])
    session.commit()
    print(session.execute(text("SELECT name, hex FROM color WHERE name != :n"), {"n": "red"}).all())
    rows = session.execute(text("SELECT id, name FROM color ORDER BY name")).mappings().all()
    print([dict(r) for r in rows])
    print(session.scalar(text("SELECT count(*) FROM color")))
    print(session.connection().exec_driver_sql("SELECT hex FROM color WHERE id = ?", (2,)).scalar())

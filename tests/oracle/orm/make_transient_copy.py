# make_transient(): a loaded object forgets its identity, so adding it again
# INSERTs a copy (with its primary key cleared first).
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, make_transient


class Base(DeclarativeBase):
    pass


class Template(Base):
    __tablename__ = "template"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(Template(name="invoice"))
    session.commit()
    t = session.get(Template, 1)
    print(t.name)
    session.expunge(t)
    make_transient(t)
    t.id = None
    t.name = "invoice (copy)"
    session.add(t)
    session.commit()
    print(session.scalars(select(Template.name).order_by(Template.id)).all(), t.id)

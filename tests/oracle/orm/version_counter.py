# version_id_col: each UPDATE and DELETE checks the row's version and an
# UPDATE increments it; a row changed meanwhile raises StaleDataError.
from sqlalchemy import create_engine, String, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session
from sqlalchemy.orm.exc import StaleDataError


class Base(DeclarativeBase):
    pass


class Doc(Base):
    __tablename__ = "doc"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    version_id: Mapped[int] = mapped_column(nullable=False)
    __mapper_args__ = {"version_id_col": version_id}


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    d = Doc(title="draft")
    e = Doc(title="other")
    session.add_all([d, e])
    session.flush()
    print(d.version_id, e.version_id)
    d.title = "first"
    e.title = "second"
    session.flush()
    print(d.version_id, e.version_id)
    session.commit()
    print(d.title, d.version_id)
    session.execute(update(Doc).where(Doc.id == d.id).values(version_id=Doc.version_id + 5).execution_options(synchronize_session=False))
    d.title = "stale"
    try:
        session.flush()
    except StaleDataError as err:
        print("StaleDataError:", err)
    session.rollback()
    session.delete(e)
    session.commit()
    print(session.execute(select(Doc.id, Doc.title, Doc.version_id)).all())

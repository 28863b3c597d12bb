# A JSON column: a new value assigned is an UPDATE; changing the dict in
# place is not seen by the session (no UPDATE), as SQLAlchemy behaves
# without MutableDict; JSON values in queries with an index.
from sqlalchemy import create_engine, String, JSON, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Profile(Base):
    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    settings: Mapped[dict] = mapped_column(JSON)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    p = Profile(settings={"theme": "dark", "size": 12})
    session.add(p)
    session.commit()
    p.settings["theme"] = "light"
    print(session.is_modified(p))
    session.commit()
    print(p.settings)
    p.settings = {**p.settings, "theme": "light"}
    session.commit()
    print(p.settings["theme"], session.scalar(select(Profile.settings["size"])))

# The ORM's INSERT ... RETURNING of several rows, sent a row at a time on
# SQLite: echo shows each as a part of an "insertmanyvalues" batch
from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="a"), User(name="b"), User(name="c")])
    session.flush()
    session.add_all([User(id=10, name="d"), User(id=11, name="e")])
    session.commit()

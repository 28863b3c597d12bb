# The errors learners meet when reading results and flushing: one() with no
# row or several, an IntegrityError at flush, the PendingRollbackError until
# rollback(), and the session usable again after it.
from sqlalchemy import create_engine, String, select
from sqlalchemy.exc import IntegrityError, NoResultFound, MultipleResultsFound, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(50), unique=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([User(email="a@x.org"), User(email="b@x.org")])
    session.commit()
    try:
        session.scalars(select(User).where(User.email == "nobody")).one()
    except NoResultFound as e:
        print("NoResultFound:", e)
    try:
        session.scalars(select(User)).one()
    except MultipleResultsFound as e:
        print("MultipleResultsFound:", e)
    print(session.scalars(select(User).where(User.id == 9)).one_or_none())
    print(session.scalar(select(User.email).where(User.id == 2)))
    session.add(User(email="a@x.org"))
    try:
        session.commit()
    except IntegrityError as e:
        print("IntegrityError:", e.orig)
        print(e.statement, e.params)
    try:
        session.scalars(select(User)).all()
    except PendingRollbackError as e:
        print("PendingRollbackError:", str(e).split(".")[0])
    session.rollback()
    print(len(session.scalars(select(User)).all()))

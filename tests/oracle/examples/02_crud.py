# CRUD: create, read, update, delete through the session.
# Look at: SQL log (INSERT ... RETURNING per object, the UPDATE of only the changed column, the DELETE), grouped by the line that caused each.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    year: Mapped[int]

    def __repr__(self):
        return f"<Book {self.title} ({self.year})>"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    # Create
    session.add(Book(title="Dune", year=1965))
    session.add_all([Book(title="Neuromancer", year=1984), Book(title="Hyperion", year=1989)])
    session.commit()

    # Read
    print(session.scalars(select(Book).order_by(Book.year)).all())
    print(session.get(Book, 2))
    print(session.scalars(select(Book).where(Book.year > 1980)).first())

    # Update
    dune = session.scalars(select(Book).filter_by(title="Dune")).one()
    dune.year = 1966
    print(session.dirty)
    session.commit()
    print(dune.year)

    # Delete
    session.delete(session.get(Book, 3))
    session.commit()
    print(session.scalars(select(Book.title).order_by(Book.id)).all())
    print(session.get(Book, 3))

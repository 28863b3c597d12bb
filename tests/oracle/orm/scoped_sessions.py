# scoped_session: one session per scope, reached through the registry as if
# it were the session; remove() closes it and the next call makes a new one.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, scoped_session, sessionmaker


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(50))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Session = scoped_session(sessionmaker(bind=engine))

Session.add(Note(text="first"))
Session.commit()
s1 = Session()
print(s1 is Session(), Session.registry.has())
print(Session.scalars(select(Note.text)).all())
Session.remove()
print(Session.registry.has())
s2 = Session()
print(s2 is s1)
note = Session.get(Note, 1)
note.text = "edited"
print([n.text for n in Session.dirty])
Session.commit()
Session.remove()

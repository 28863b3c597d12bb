# Cascades: the default save-update and merge, "all, delete-orphan" (delete
# the children with the parent, and a child removed from the list),
# passive_deletes with ON DELETE CASCADE, and no delete cascade (the child's
# foreign key set to NULL).
from sqlalchemy import create_engine, ForeignKey, String, select, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Folder(Base):
    __tablename__ = "folder"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    files: Mapped[list["File"]] = relationship(back_populates="folder", cascade="all, delete-orphan")
    links: Mapped[list["Link"]] = relationship(back_populates="folder")


class File(Base):
    __tablename__ = "file"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    folder_id: Mapped[int] = mapped_column(ForeignKey("folder.id"))
    folder: Mapped[Folder] = relationship(back_populates="files")


class Link(Base):
    __tablename__ = "link"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(40))
    folder_id: Mapped[int | None] = mapped_column(ForeignKey("folder.id"))
    folder: Mapped[Folder | None] = relationship(back_populates="links")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    docs = Folder(name="docs", files=[File(name="a.txt"), File(name="b.txt")], links=[Link(url="http://x")])
    session.add(docs)
    session.commit()

    orphan = docs.files[0]
    docs.files.remove(orphan)
    session.flush()
    print(orphan in session, session.scalars(select(File.name)).all())

    session.delete(docs)
    session.commit()
    print(session.scalars(select(File)).all(), session.scalars(select(Link.folder_id)).all())

# Cascades: delete, delete-orphan, and the default (foreign keys set to NULL).
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Folder(Base):
    __tablename__ = "folder"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    files: Mapped[List["File"]] = relationship(back_populates="folder", cascade="all, delete-orphan")
    links: Mapped[List["Link"]] = relationship(back_populates="folder")


class File(Base):
    __tablename__ = "file"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    folder_id: Mapped[int] = mapped_column(ForeignKey("folder.id"))
    folder: Mapped[Folder] = relationship(back_populates="files")


class Link(Base):
    __tablename__ = "link"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str]
    folder_id: Mapped[Optional[int]] = mapped_column(ForeignKey("folder.id"))
    folder: Mapped[Optional[Folder]] = relationship(back_populates="links")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    docs = Folder(name="docs", files=[File(name="a.txt"), File(name="b.txt")], links=[Link(url="x"), Link(url="y")])
    tmp = Folder(name="tmp", files=[File(name="c.txt")])
    s.add_all([docs, tmp])
    s.commit()
    docs.links.pop(0)
    docs.files.pop()
    s.commit()
    print(s.execute(select(File.name, File.folder_id).order_by(File.id)).all())
    print(s.execute(select(Link.url, Link.folder_id).order_by(Link.id)).all())
    s.delete(docs)
    s.commit()
    print(s.execute(select(File.name).order_by(File.id)).all(), s.execute(select(Link.url, Link.folder_id)).all())
    f = s.scalars(select(File)).one()
    f.folder = Folder(name="new")
    s.commit()
    print(s.execute(select(Folder.id, Folder.name).order_by(Folder.id)).all(), f.folder_id)

"""post_update: rows that point at each other (a widget and its favourite entry, after SQLAlchemy's docs), and a one-to-many whose keys are written by UPDATEs after the INSERTs."""
from typing import List, Optional

from sqlalchemy import ForeignKey, Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Widget(Base):
    __tablename__ = "widget"
    widget_id: Mapped[int] = mapped_column(primary_key=True)
    favorite_entry_id: Mapped[Optional[int]] = mapped_column(ForeignKey("entry.entry_id", name="fk_favorite_entry"))
    name: Mapped[str] = mapped_column(String(50))
    entries: Mapped[List["Entry"]] = relationship(back_populates="widget", primaryjoin="Widget.widget_id == Entry.widget_id")
    favorite_entry: Mapped[Optional["Entry"]] = relationship(
        primaryjoin="Entry.entry_id == Widget.favorite_entry_id", post_update=True
    )

    def __repr__(self):
        return f"Widget({self.name!r})"


class Entry(Base):
    __tablename__ = "entry"
    entry_id: Mapped[int] = mapped_column(primary_key=True)
    widget_id: Mapped[Optional[int]] = mapped_column(ForeignKey("widget.widget_id"))
    name: Mapped[str] = mapped_column(String(50))
    widget: Mapped[Optional[Widget]] = relationship(back_populates="entries", foreign_keys=[widget_id])

    def __repr__(self):
        return f"Entry({self.name!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    w1 = Widget(name="somewidget")
    e1 = Entry(name="someentry")
    w1.favorite_entry = e1
    w1.entries = [e1]
    session.add_all([w1, e1])
    session.commit()
    print(w1.favorite_entry, w1.entries)

    e2 = Entry(name="other")
    w1.entries.append(e2)
    w1.favorite_entry = e2
    session.commit()
    print(session.scalars(select(Widget.favorite_entry_id)).all())

    w1.favorite_entry = None
    session.flush()
    print(session.get(Widget, 1).favorite_entry_id)
    session.commit()

    # rows pointing at each other, deleted together: the widget's key to its
    # favourite is cleared by an UPDATE before the DELETEs
    w1.favorite_entry = e1
    session.flush()
    print(w1.name, e1.name, e2.name, w1.entries)
    session.delete(e2)
    session.delete(e1)
    session.delete(w1)
    session.commit()
    print(session.scalars(select(Entry)).all(), session.scalars(select(Widget)).all())


# post_update on a one-to-many: the child's key is written after both rows exist
class Base2(DeclarativeBase):
    pass


class Folder(Base2):
    __tablename__ = "folder"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    files: Mapped[List["File"]] = relationship(post_update=True, order_by="File.id")


class File(Base2):
    __tablename__ = "file"
    id: Mapped[int] = mapped_column(primary_key=True)
    folder_id: Mapped[Optional[int]] = mapped_column(ForeignKey("folder.id"))
    name: Mapped[str] = mapped_column(String(20))


engine2 = create_engine("sqlite://")
Base2.metadata.create_all(engine2)
with Session(engine2) as session:
    docs = Folder(name="docs", files=[File(name="a.txt"), File(name="b.txt")])
    session.add(docs)
    session.commit()
    print([(f.name, f.folder_id) for f in docs.files])
    docs.files.append(File(name="c.txt"))
    session.commit()
    print([(f.name, f.folder_id) for f in docs.files])
    session.delete(docs)
    session.commit()
    print(session.execute(select(File.name, File.folder_id).order_by(File.id)).all())

# An orphan (taken out of a delete-orphan collection) is deleted as
# session.delete() deletes: its association rows first (the collection is
# loaded for it), its own delete cascade, and a sibling's changes around it.
from typing import List
from sqlalchemy import Column, ForeignKey, String, Table, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


post_tag = Table("post_tag", Base.metadata, Column("post_id", ForeignKey("post.id"), primary_key=True),
                 Column("tag_id", ForeignKey("tag.id"), primary_key=True))


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    posts: Mapped[List["Post"]] = relationship(back_populates="author", cascade="all, delete-orphan")


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="posts")
    tags: Mapped[List["Tag"]] = relationship(secondary=post_tag)
    comments: Mapped[List["Comment"]] = relationship(cascade="all, delete-orphan")


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


class Comment(Base):
    __tablename__ = "comment"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"))
    text: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    a, b = Tag(name="a"), Tag(name="b")
    ada = Author(name="ada", posts=[
        Post(title="one", tags=[a], comments=[Comment(text="x")]),
        Post(title="two", tags=[a, b], comments=[Comment(text="y"), Comment(text="z")]),
    ])
    session.add(ada)
    session.commit()
    ada.name = "Ada"
    # one collection left unloaded each time (CPython loads several in set order)
    print([c.text for c in ada.posts[1].comments])
    gone = ada.posts.pop()
    session.flush()
    print(gone in session, [p.title for p in ada.posts])
    print([t.name for t in ada.posts[0].tags])
    ada.posts.remove(ada.posts[0])
    session.commit()
    print(session.query(Post).count(), session.query(Comment).count(), session.query(Tag).count())

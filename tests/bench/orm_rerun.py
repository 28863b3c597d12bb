# The page benchmark's re-run script (tests/browser/bench.mjs): 60 lines of
# a typical lesson: models with one-to-many and many-to-many relationships,
# adding, querying, changing and deleting objects, joins and aggregates.
from typing import List, Optional
from sqlalchemy import Column, ForeignKey, String, Table, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


post_tag = Table("post_tag", Base.metadata, Column("post_id", ForeignKey("post.id"), primary_key=True),
                 Column("tag_id", ForeignKey("tag.id"), primary_key=True))


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    email: Mapped[Optional[str]]
    posts: Mapped[List["Post"]] = relationship(back_populates="author", cascade="all, delete-orphan")

    def __repr__(self):
        return f"Author({self.name!r})"


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="posts")
    tags: Mapped[List["Tag"]] = relationship(secondary=post_tag, back_populates="posts")


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[List[Post]] = relationship(secondary=post_tag, back_populates="tags")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    python, sql = Tag(name="python"), Tag(name="sql")
    ada = Author(name="ada", posts=[Post(title="Engines", tags=[python]), Post(title="Notes", tags=[python, sql])])
    bob = Author(name="bob", email="bob@example.com", posts=[Post(title="Joins", tags=[sql])])
    session.add_all([ada, bob])
    session.commit()
    for author in session.scalars(select(Author).options(selectinload(Author.posts)).order_by(Author.name)):
        print(author, [p.title for p in author.posts])
    print(session.execute(select(Tag.name, func.count(Post.id)).join(Tag.posts).group_by(Tag.name).order_by(Tag.name)).all())
    print(session.scalars(select(Post.title).join(Post.author).where(Author.email.is_(None))).all())
    ada.email = "ada@example.com"
    ada.posts.pop()
    session.commit()
    session.delete(bob)
    session.commit()
    print(session.scalar(select(func.count()).select_from(Post)), session.get(Author, 1).email)

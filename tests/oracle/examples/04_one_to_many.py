# Relationships: one-to-many with back_populates and cascades.
# Look at: SQL log (the child rows get the parent's key; delete-orphan turns a removal into a DELETE), Models & session (the relationship's cascade).
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    posts: Mapped[List["Post"]] = relationship(back_populates="author", cascade="all, delete-orphan")


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped["Author"] = relationship(back_populates="posts")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    ada = Author(name="Ada")
    p1 = Post(title="Notes on the Analytical Engine")
    ada.posts.append(p1)
    print("backref set in Python:", p1.author is ada)
    Post(title="Second post", author=ada)
    print([p.title for p in ada.posts])
    session.add(ada)
    session.commit()

    ada = session.scalars(select(Author)).one()
    print(len(ada.posts), ada.posts[0].author.name)
    ada.posts.remove(ada.posts[0])
    session.commit()
    print(session.scalars(select(Post.title)).all())
    session.delete(ada)
    session.commit()
    print(session.scalars(select(Post)).all())

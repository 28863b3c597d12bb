# lazy="dynamic": the collection is a query; append() and remove() change it
# without loading it, and the next query autoflushes those changes first.
from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts = relationship("Post", lazy="dynamic", back_populates="author", order_by="Post.id")


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    author = relationship("User", back_populates="posts")

    def __repr__(self):
        return f"Post({self.title!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    ada = User(name="ada")
    session.add(ada)
    ada.posts.append(Post(title="first"))
    ada.posts.append(Post(title="second"))
    print(ada.posts.count())
    print(ada.posts.all())
    session.commit()

    p = Post(title="third")
    ada.posts.append(p)
    print(p.author is ada, p in session)
    print(ada.posts.filter(Post.title.like("%d")).all())
    first = ada.posts.filter_by(title="first").one()
    ada.posts.remove(first)
    print(first.author, first in session.dirty)
    session.flush()
    print(ada.posts.all(), first.user_id)
    ada.posts.extend([Post(title="fourth")])
    print([x.title for x in ada.posts])
    session.commit()
    print(session.query(Post).filter(Post.user_id == None).count())

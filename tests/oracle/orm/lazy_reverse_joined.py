"""FastAPI-style models: lazy="selectin" posts and a lazy="joined" author back-reference; refresh(); a lazy load of User.posts does not join Post.author back to its user (SQLAlchemy's joined loader stops at a class on the path); deleting a user whose posts' key is NOT NULL."""
from typing import List, Optional
from sqlalchemy import *
from sqlalchemy.orm import *

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(100), unique=True, index=True)
    posts: Mapped[List["Post"]] = relationship(back_populates="author", lazy="selectin")
    def __repr__(self):
        return f"User({self.email!r})"

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    author: Mapped[User] = relationship(back_populates="posts", lazy="joined")
    def __repr__(self):
        return f"Post({self.title!r})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(bind=engine, autoflush=False)
with SessionLocal() as db:
    u = User(email="a@x.io", posts=[Post(title="hello"), Post(title="world")])
    db.add(u)
    db.commit()
    db.refresh(u)
    print(u.id, u.posts)
    print(db.scalars(select(Post).order_by(Post.id)).all()[0].author)
    users = db.scalars(select(User).options(lazyload(User.posts))).all()
    print(users, users[0].posts)
    try:
        db.delete(u)
        db.commit()
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[0])

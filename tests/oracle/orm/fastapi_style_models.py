"""FastAPI-style models (sessionmaker(autoflush=False), lazy="selectin" posts, lazy="joined" author): refresh(), a lazy load that does not join back, a selectin load that joins the author and runs again for users already loaded (filling only what is missing), contains(), a join with endswith(), deleting a user whose posts need their key (IntegrityError)."""
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
    users = db.scalars(select(User)).all()
    print(users, users[0].posts)
    print(db.execute(select(User).where(User.email == "a@x.io")).scalar_one_or_none())
    print(db.query(User).filter(User.email.contains("@")).first())
    stmt = select(Post).join(Post.author).where(User.email.endswith(".io")).order_by(Post.title.desc())
    print(db.scalars(stmt).all())
    db.delete(u)
    db.commit()
    print(db.scalar(select(func.count()).select_from(Post)))

# association_proxy(): a view of the association objects' targets as a
# plain list (append creates the association object), and of a scalar
# attribute through a many-to-one; contains()/any() in queries.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.ext.associationproxy import association_proxy, AssociationProxy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    user_keyword_associations: Mapped[List["UserKeywordAssociation"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    keywords: AssociationProxy[List["Keyword"]] = association_proxy("user_keyword_associations", "keyword")

    def __init__(self, name):
        self.name = name


class UserKeywordAssociation(Base):
    __tablename__ = "user_keyword"
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("keyword.id"), primary_key=True)
    special_key: Mapped[Optional[str]] = mapped_column(String(50))
    user: Mapped[User] = relationship(back_populates="user_keyword_associations")
    keyword: Mapped["Keyword"] = relationship()
    keyword_text = association_proxy("keyword", "keyword")

    def __init__(self, keyword=None, user=None, special_key=None):
        self.user = user
        self.keyword = keyword
        self.special_key = special_key


class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column("keyword", String(64))

    def __init__(self, keyword):
        self.keyword = keyword

    def __repr__(self):
        return f"Keyword({self.keyword!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    user = User("log")
    for kw in (Keyword("new_from_blammo"), Keyword("its_big")):
        user.keywords.append(kw)
    print(user.keywords, len(user.keywords), user.keywords[0])
    UserKeywordAssociation(Keyword("its_heavy"), user, special_key="deep")
    print(user.keywords)
    print([(a.keyword_text, a.special_key) for a in user.user_keyword_associations])
    session.add(user)
    session.commit()
    print(list(user.keywords), Keyword("x") in user.keywords)
    heavy = user.keywords[2]
    print(heavy in user.keywords)
    user.keywords.remove(heavy)
    session.commit()
    print(user.keywords)
    print(session.scalars(select(User.name).where(User.keywords.contains(user.keywords[0]))).all())
    print(session.scalars(select(User.name).where(User.keywords.any(Keyword.keyword == "its_big"))).all())
    print(session.scalars(select(Keyword.keyword).order_by(Keyword.id)).all(), session.scalars(select(UserKeywordAssociation.keyword_id)).all())

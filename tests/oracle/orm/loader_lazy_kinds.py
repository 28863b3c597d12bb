# lazy= on the relationship itself: "joined" (a LEFT OUTER JOIN in the same
# SELECT), "selectin" (a second IN query), "raise" (no implicit SQL),
# "noload" (never loads) and the default "select".
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, lazyload


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    players: Mapped[list["Player"]] = relationship(back_populates="team", lazy="selectin", order_by="Player.id")
    coach: Mapped["Coach"] = relationship(back_populates="team", lazy="joined", uselist=False)


class Player(Base):
    __tablename__ = "player"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    team: Mapped[Team] = relationship(back_populates="players", lazy="raise")


class Coach(Base):
    __tablename__ = "coach"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    team: Mapped[Team] = relationship(back_populates="coach", lazy="noload")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    t = Team(name="reds", coach=Coach(name="kim"), players=[Player(name="a"), Player(name="b")])
    session.add_all([t, Team(name="blues")])
    session.commit()

with Session(engine) as session:
    teams = session.scalars(select(Team).order_by(Team.id)).all()
    for t in teams:
        print(t.name, t.coach.name if t.coach else None, [p.name for p in t.players])

with Session(engine) as session:
    p = session.get(Player, 1)
    try:
        p.team
    except Exception as e:
        print(type(e).__name__, e)
    c = session.get(Coach, 1)
    print(c.team)

with Session(engine) as session:
    teams = session.scalars(select(Team).options(lazyload(Team.players)).order_by(Team.id)).all()
    print([len(t.players) for t in teams])

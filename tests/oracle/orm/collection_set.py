# A relationship held in a set (collection_class=set / Mapped[set[...]]):
# add, discard, membership, and the flush of what changed.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Board(Base):
    __tablename__ = "board"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    pins: Mapped[set["Pin"]] = relationship(back_populates="board")


class Pin(Base):
    __tablename__ = "pin"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(20))
    board_id: Mapped[int | None] = mapped_column(ForeignKey("board.id"))
    board: Mapped[Board | None] = relationship(back_populates="pins")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    b = Board(name="ideas")
    red, blue = Pin(label="red"), Pin(label="blue")
    # in the session first, so the INSERT order does not depend on the set's order
    session.add_all([red, blue])
    b.pins.add(red)
    b.pins.add(blue)
    b.pins.add(red)
    session.add(b)
    session.commit()
    print(type(b.pins).__name__, sorted(p.label for p in b.pins), red.board is b)
    b.pins.discard(red)
    print(red.board, red in b.pins)
    session.commit()
    print(session.scalars(select(Pin.board_id).order_by(Pin.id)).all())

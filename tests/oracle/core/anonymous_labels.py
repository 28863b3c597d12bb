# Anonymous labels (label(None)): named anon_1, anon_2 where first rendered,
# the same name wherever the same label appears (ORDER BY), a scalar
# subquery labelled, correlated to the enclosing SELECT.
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, create_engine, select, func, insert

metadata = MetaData()
person = Table("person", metadata, Column("id", Integer, primary_key=True), Column("first", String(20)), Column("last", String(20)))
pet = Table("pet", metadata, Column("id", Integer, primary_key=True), Column("owner_id", ForeignKey("person.id")), Column("name", String(20)))
engine = create_engine("sqlite://", echo=True)
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(person), [{"first": "Ada", "last": "Lovelace"}, {"first": "Bob", "last": "Smith"}])
    conn.execute(insert(pet), [{"owner_id": 1, "name": "Rex"}, {"owner_id": 1, "name": "Tom"}, {"owner_id": 2, "name": "Kit"}])
    full = (person.c.first + " " + person.c.last).label(None)
    pets = select(func.count(pet.c.id)).where(pet.c.owner_id == person.c.id).correlate_except(pet).scalar_subquery().label(None)
    print(conn.execute(select(full, pets).order_by(full.desc())).all())
    print(conn.execute(select(pets, full).where(person.c.id == 2)).all())
    print(select(full).order_by(full))

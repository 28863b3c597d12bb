# Flask-SQLAlchemy relationships: db.relationship, db.backref, db.Table.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)

members = db.Table(
    "members",
    db.Column("club_id", db.Integer, db.ForeignKey("club.id"), primary_key=True),
    db.Column("person_id", db.Integer, db.ForeignKey("person.id"), primary_key=True),
)


class Club(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    people = db.relationship("Person", secondary=members, backref=db.backref("clubs", lazy=True))


class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))


class PhoneNumber(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    number = db.Column(db.String(20))
    person_id = db.Column(db.Integer, db.ForeignKey("person.id"))
    person = db.relationship("Person", backref="phones")


print(PhoneNumber.__tablename__)
with app.app_context():
    db.create_all()
    ann = Person(name="ann")
    chess = Club(name="chess", people=[ann])
    db.session.add(chess)
    db.session.add(PhoneNumber(number="555", person=ann))
    db.session.commit()
    print([c.name for c in ann.clubs], [p.number for p in ann.phones])
    print(db.session.execute(db.select(Person.name).join(Person.clubs).where(Club.name == "chess")).scalars().all())

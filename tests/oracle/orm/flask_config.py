# Flask-SQLAlchemy configuration: init_app, engine options, the session per app context.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Note(db.Model):
    __tablename__ = "notes"
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.Text, nullable=False)


app = Flask(__name__)
try:
    db.init_app(app)
except RuntimeError as e:
    print("RuntimeError:", e)
app = Flask(__name__)
app.config.update(SQLALCHEMY_DATABASE_URI="sqlite://", SQLALCHEMY_ENGINE_OPTIONS={})
db.init_app(app)
print(Note.__tablename__, app.extensions["sqlalchemy"] is db)
with app.app_context():
    db.create_all()
    db.session.add(Note(body="first"))
    db.session.commit()
    s1 = db.session()
    print(db.session.execute(db.select(Note.body)).scalars().all(), s1 is db.session())
with app.app_context():
    print(db.session() is s1, Note.query.count())
    db.drop_all()

# Flask-SQLAlchemy outside an application context: the RuntimeError Flask
# raises, and the same code working inside one; db.drop_all().
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import inspect

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class Thing(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    label = db.Column(db.String(10))


for action in (lambda: db.create_all(), lambda: db.session.add(Thing(label="x")), lambda: Thing.query.all()):
    try:
        action()
    except RuntimeError as e:
        print(str(e).splitlines()[0])

with app.app_context():
    db.create_all()
    db.session.add(Thing(label="x"))
    db.session.commit()
    print(Thing.query.count(), inspect(db.engine).get_table_names())
    db.drop_all()
    print(inspect(db.engine).get_table_names())

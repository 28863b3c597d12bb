# Flask-SQLAlchemy configuration: SQLALCHEMY_RECORD_QUERIES with
# get_recorded_queries(), SQLALCHEMY_ENGINE_OPTIONS, and db.engine / db.metadata.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.record_queries import get_recorded_queries

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
app.config["SQLALCHEMY_RECORD_QUERIES"] = True
app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True}
db = SQLAlchemy(app)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True)


with app.app_context():
    db.create_all()
    print(db.engine.url, sorted(db.metadata.tables))
    db.session.add(Tag(name="orm"))
    db.session.commit()
    Tag.query.filter_by(name="orm").one()
    for q in get_recorded_queries():
        print(q.statement, q.parameters)

# Flask-Migrate's workflow, with the Migrations tab as its commands:
#   flask db migrate -m "..."  ->  Autogenerate (compares these models with the live database)
#   flask db upgrade           ->  Upgrade to head
#   flask db downgrade         ->  Downgrade one
#   flask db revision          ->  Empty revision (write upgrade() and downgrade() yourself)
# (flask db init has nothing to do here: the tab holds the revision scripts.)
#
# Try it:
#  1. Run this script: it creates the table and two users. That database is the live one.
#  2. Uncomment the `email` line in User (do not run again: a run starts a fresh database).
#  3. Migrations tab: type a message ("add email"), press Autogenerate, open the script it wrote.
#  4. Upgrade to head. SQL log: ALTER TABLE user ADD COLUMN email, then alembic_version gets the revision.
#     Database tab: ann and bob are still there, with an empty email.
#  5. Downgrade one. SQL log: batch mode's "move and copy" (CREATE TABLE _alembic_tmp_user, INSERT ... SELECT,
#     DROP TABLE user, ALTER TABLE ... RENAME), as Flask-Migrate renders revisions for SQLite (render_as_batch).
# Share keeps the revisions in the link.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    # email = db.Column(db.String(120))


with app.app_context():
    db.create_all()
    db.session.add_all([User(name="ann"), User(name="bob")])
    db.session.commit()
    print(db.session.scalars(db.select(User.name).order_by(User.id)).all())

# The op proxy outside a migration raises NameError, as alembic's does.
from alembic import op
try:
    op.add_column("t", None)
except NameError as e:
    print(e)

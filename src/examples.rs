//! The Examples menu: a runnable, commented script for each topic of the
//! course (the SQL console's welcome script first). Each says in its
//! comments what to look at in which panel. The Python ones are oracle
//! cases (`tests/oracle/examples/`, each with real SQLAlchemy's recorded
//! trace beside it), so the menu shows exactly what the tests check.

/// (title, source), in menu order.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("SQL console", include_str!("../static/examples/welcome.sql")),
    ("Models", include_str!("../tests/oracle/examples/01_models.py")),
    ("CRUD", include_str!("../tests/oracle/examples/02_crud.py")),
    ("Sessions and object states", include_str!("../tests/oracle/examples/03_sessions.py")),
    ("One-to-many", include_str!("../tests/oracle/examples/04_one_to_many.py")),
    ("Many-to-many", include_str!("../tests/oracle/examples/05_many_to_many.py")),
    ("Queries", include_str!("../tests/oracle/examples/06_queries.py")),
    ("Flask-SQLAlchemy", include_str!("../tests/oracle/examples/07_flask.py")),
    ("Data types", include_str!("../tests/oracle/examples/08_data_types.py")),
    ("Schema migration (Alembic)", include_str!("../tests/oracle/examples/09_migrations.py")),
    ("Migrations panel (Flask-Migrate)", include_str!("../tests/oracle/examples/13_flask_migrate.py")),
    ("Performance: N+1, eager loading, dynamic", include_str!("../tests/oracle/examples/10_performance.py")),
    ("Security: SQL injection", include_str!("../tests/oracle/examples/11_security.py")),
    ("Transactions and rollback", include_str!("../tests/oracle/examples/12_transactions.py")),
];

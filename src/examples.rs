//! The Examples menu: a runnable, commented script for each topic of the
//! course (the SQL console's welcome script first). Each says in its
//! comments what to look at in which panel; `retort_runtime`'s
//! `tests/examples.rs` runs every one of them.

/// (title, source), in menu order.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("SQL console", include_str!("../static/examples/welcome.sql")),
    ("Models", include_str!("../static/examples/01_models.py")),
    ("CRUD", include_str!("../static/examples/02_crud.py")),
    ("Sessions and object states", include_str!("../static/examples/03_sessions.py")),
    ("One-to-many", include_str!("../static/examples/04_one_to_many.py")),
    ("Many-to-many", include_str!("../static/examples/05_many_to_many.py")),
    ("Queries", include_str!("../static/examples/06_queries.py")),
    ("Flask-SQLAlchemy", include_str!("../static/examples/07_flask.py")),
    ("Data types", include_str!("../static/examples/08_data_types.py")),
    ("Schema migration (Alembic)", include_str!("../static/examples/09_migrations.py")),
    ("Migrations panel (Flask-Migrate)", include_str!("../static/examples/13_flask_migrate.py")),
    ("Performance: N+1, eager loading, dynamic", include_str!("../static/examples/10_performance.py")),
    ("Security: SQL injection", include_str!("../static/examples/11_security.py")),
    ("Transactions and rollback", include_str!("../static/examples/12_transactions.py")),
];

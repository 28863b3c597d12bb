//! The Migrations panel's actions on the playground's live database:
//! Autogenerate (run the models script, compare its MetaData with the
//! database, render a revision script), Upgrade and Downgrade (run revision
//! scripts in alembic's transactions). The work is alembic's, in
//! `python/_retort_migrations.py`; this module hands it the revisions and the
//! database image and takes back the database, the log and the result.

use retort_engine::{Connection, Limbo};
use retort_python::{Budget, RunResult, Value};
use serde::Deserialize;

pub use retort_protocol::{MigrationAction, RevisionScript};

use crate::Runtime;

/// What an action did.
pub struct Outcome {
    /// Output and the uncaught error, if any (of the models script or the migration).
    pub result: RunResult,
    pub runtime: Runtime,
    /// The database's revision afterwards (`None`: base, no alembic_version row).
    pub current: Option<String>,
    /// The revision Autogenerate wrote.
    pub revision: Option<RevisionScript>,
    /// The live database as the action left it.
    pub database: Option<Connection<Limbo>>,
}

#[derive(Deserialize)]
struct DriverResult {
    current: Option<String>,
    revision: Option<RevisionScript>,
}

const DRIVER: &str = "import _retort_migrations\n_retort_migrations.main(globals())\n";

/// Runs `action` on a copy of `live` (the bytes of a `.sqlite` image; an
/// empty database when `None`). `models` is the editor's script, run first
/// for Autogenerate only.
pub fn run(models: &str, live: Option<Vec<u8>>, revisions: &[RevisionScript], action: &MigrationAction, budget: Budget) -> Outcome {
    let mut interp = retort_python::Interpreter::new(budget);
    let runtime = crate::install(&mut interp.vm);
    if let Some(sql) = &runtime.sql {
        sql.borrow_mut().live = live;
    }
    let mut result = RunResult::default();
    let (kind, arg) = match action {
        MigrationAction::Autogenerate { message } => ("autogenerate", message),
        MigrationAction::Upgrade { target } => ("upgrade", target),
        MigrationAction::Downgrade { target } => ("downgrade", target),
    };
    if kind == "autogenerate" {
        result = interp.run(models);
        if result.error.is_some() {
            return Outcome { result, runtime, current: None, revision: None, database: None };
        }
    }
    let script_events = runtime.log.borrow().len();
    let main = interp.vm.main.clone();
    let list = revisions.iter().map(|r| Value::tuple(vec![Value::str(r.id.as_str()), Value::str(r.source.as_str())])).collect();
    main.set("_retort_revisions", Value::list(list));
    main.set("_retort_action", Value::tuple(vec![Value::str(kind), Value::str(arg.as_str())]));
    let driven = interp.run(DRIVER);
    result.stdout += &driven.stdout;
    result.stderr += &driven.stderr;
    // the driver's own line in main.py means nothing to the user: the error
    // is the migration's, its frames those of the revision scripts
    result.error = driven.error.map(|mut e| {
        e.line = None;
        let mut lines: Vec<&str> = e.traceback.lines().collect();
        if let Some(i) = lines.iter().position(|l| l.starts_with("  File \"main.py\"")) {
            let end = if lines.get(i + 1).is_some_and(|l| l.starts_with("    ")) { i + 2 } else { i + 1 };
            lines.drain(i..end);
        }
        e.traceback = lines.join("\n") + "\n";
        e
    });
    // the migration's statements belong to no line of the editor's script
    for event in runtime.log.borrow_mut().iter_mut().skip(script_events) {
        event.line = None;
    }
    let driver = interp.vm.modules.get("_retort_migrations").cloned();
    let parsed: Option<DriverResult> =
        driver.and_then(|m| m.get("_last_result")).and_then(|v| v.as_str().and_then(|s| serde_json::from_str(s).ok()));
    let handle = runtime.sql.as_ref().and_then(|s| s.borrow().live_handle);
    let database = handle.and_then(|i| {
        let mut dbs = runtime.databases.borrow_mut();
        (i < dbs.len()).then(|| dbs.remove(i))
    });
    // as a connection pool does when a connection comes back: nothing stays open
    let database = database.map(|mut db| {
        let _ = db.rollback();
        db
    });
    let (current, revision) = parsed.map(|p| (p.current, p.revision)).unwrap_or((None, None));
    Outcome { result, runtime, current, revision, database }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODELS_V1: &str = "from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String\n\
        md = MetaData()\n\
        Table('user', md, Column('id', Integer, primary_key=True), Column('name', String(50)))\n";
    const MODELS_V2: &str = "from sqlalchemy import MetaData, Table, Column, Integer, String\n\
        md = MetaData()\n\
        Table('user', md, Column('id', Integer, primary_key=True), Column('name', String(50)), Column('email', String(120)))\n";

    fn image(db: &mut Connection<Limbo>) -> Vec<u8> {
        db.backend_mut().image().unwrap()
    }

    fn sql_texts(outcome: &Outcome) -> Vec<String> {
        outcome
            .runtime
            .log
            .borrow()
            .iter()
            .filter_map(|e| match &e.kind {
                retort_engine::log::EventKind::Sql(s) => Some(s.sql.split_whitespace().collect::<Vec<_>>().join(" ")),
                _ => None,
            })
            .filter(|s| !s.starts_with("PRAGMA") && !s.contains("sqlite_master"))
            .collect()
    }

    #[test]
    fn autogenerate_upgrade_downgrade_keep_the_rows() {
        let mut db = retort_engine::open_in_memory().unwrap();
        db.execute("CREATE TABLE user (id INTEGER NOT NULL, name VARCHAR(50), PRIMARY KEY (id))", &[]).unwrap();
        db.execute("INSERT INTO user (name) VALUES ('ann'), ('bob')", &[]).unwrap();
        db.commit().unwrap();
        let live = image(&mut db);

        let nothing = run(MODELS_V1, Some(live.clone()), &[], &MigrationAction::Autogenerate { message: "same".into() }, Budget::default());
        assert!(nothing.result.error.is_none(), "{:?}", nothing.result.error);
        let text = nothing.revision.unwrap().source;
        assert!(text.contains("def upgrade() -> None:\n    \"\"\"Upgrade schema.\"\"\"\n    # ### commands auto generated by Alembic - please adjust! ###\n    pass"), "{text}");

        let made = run(MODELS_V2, Some(live), &[], &MigrationAction::Autogenerate { message: "add email".into() }, Budget::default());
        assert!(made.result.error.is_none(), "{:?}", made.result.error);
        let revision = made.revision.clone().unwrap();
        assert_eq!(revision.id.len(), 12);
        assert!(revision.source.starts_with("\"\"\"add email\n\nRevision ID: "), "{}", revision.source);
        assert!(
            revision.source.contains("batch_op.add_column(sa.Column('email', sa.String(length=120), nullable=True))"),
            "{}",
            revision.source
        );
        assert_eq!(made.current, None);
        let mut live = made.database.unwrap();
        let revisions = vec![revision.clone()];

        let up = run("", Some(image(&mut live)), &revisions, &MigrationAction::Upgrade { target: "head".into() }, Budget::default());
        assert!(up.result.error.is_none(), "{:?}", up.result.error);
        assert_eq!(up.current.as_deref(), Some(revision.id.as_str()));
        let sql = sql_texts(&up);
        assert!(sql.iter().any(|s| s == "ALTER TABLE user ADD COLUMN email VARCHAR(120)"), "{sql:?}");
        assert!(sql.iter().any(|s| s.starts_with("INSERT INTO alembic_version")), "{sql:?}");
        assert!(up.runtime.log.borrow().iter().all(|e| e.line.is_none()));
        let mut live = up.database.unwrap();
        let rows = live.execute("SELECT id, name, email FROM user ORDER BY id", &[]).unwrap().rows;
        assert_eq!(rows.len(), 2);

        let down = run("", Some(image(&mut live)), &revisions, &MigrationAction::Downgrade { target: "base".into() }, Budget::default());
        assert!(down.result.error.is_none(), "{:?}", down.result.error);
        assert_eq!(down.current, None);
        assert!(sql_texts(&down).iter().any(|s| s.starts_with("CREATE TABLE _alembic_tmp_user")));
        let mut live = down.database.unwrap();
        let columns = live.execute("SELECT * FROM user ORDER BY id", &[]).unwrap();
        assert_eq!((columns.columns.len(), columns.rows.len()), (2, 2));
    }

    #[test]
    fn a_failing_step_rolls_back_and_says_why() {
        let bad = RevisionScript {
            id: "b1".into(),
            source: "from alembic import op\nimport sqlalchemy as sa\nrevision = 'b1'\ndown_revision = None\n\
                def upgrade():\n    op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True))\n    op.add_column('missing', sa.Column('x', sa.Integer()))\n\
                def downgrade():\n    op.drop_table('t')\n"
                .into(),
        };
        let out = run("", None, &[bad], &MigrationAction::Upgrade { target: "head".into() }, Budget::default());
        let error = out.result.error.expect("the ALTER fails");
        assert_eq!(error.type_name, "OperationalError");
        assert_eq!(out.current, None, "the version row is not written");
        // pysqlite runs DDL outside its transactions, so the table made
        // before the failure stays, as it does on CPython
        let mut live = out.database.unwrap();
        let tables = live.execute("SELECT name FROM sqlite_master WHERE name = 't'", &[]).unwrap().rows;
        assert_eq!(tables.len(), 1);
    }

    #[test]
    fn a_broken_revision_script_is_a_syntax_error_naming_it() {
        let broken = RevisionScript { id: "x9".into(), source: "revision = 'x9'\ndef upgrade(:\n".into() };
        let out = run("", None, &[broken], &MigrationAction::Upgrade { target: "head".into() }, Budget::default());
        let error = out.result.error.unwrap();
        assert_eq!(error.type_name, "SyntaxError");
        assert!(error.message.contains("x9.py, line 2"), "{}", error.message);
        assert_eq!(error.line, None, "no line of the editor's script");
        assert!(!error.traceback.contains("main.py"), "{}", error.traceback);
    }

    #[test]
    fn autogenerate_needs_the_database_at_head() {
        let rev = RevisionScript {
            id: "a1".into(),
            source: "revision = 'a1'\ndown_revision = None\ndef upgrade():\n    pass\ndef downgrade():\n    pass\n".into(),
        };
        let out = run(MODELS_V1, None, &[rev], &MigrationAction::Autogenerate { message: "m".into() }, Budget::default());
        let error = out.result.error.unwrap();
        assert_eq!((error.type_name.as_str(), error.message.as_str()), ("CommandError", "Target database is not up to date."));
    }
}

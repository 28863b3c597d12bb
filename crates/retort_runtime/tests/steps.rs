//! The run's steps for the playground's timeline: one per top-level line
//! that sent SQL or changed mapped objects, each with the ORM's snapshot as
//! that line left it; recording them sends no SQL and changes nothing.

use serde_json::Value;

const SCRIPT: &str = r#"from sqlalchemy import create_engine, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    def __repr__(self):
        return f"User({self.name!r})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
ada = User(name="ada")
session.add(ada)
print("no change on this line")
session.commit()
ada.name = "Ada"
session.flush()
for i in range(3):
    session.add(User(name=f"u{i}"))
session.close()
"#;

struct Run {
    steps: Vec<(u32, usize, Option<Value>)>,
    events: usize,
    stdout: String,
}

fn run(source: &str, record: bool) -> Run {
    let source = source.to_owned();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let (result, runtime) = retort_runtime::run_with(&source, retort_python::Budget::default(), record);
            assert!(result.error.is_none(), "{:?}", result.error.map(|e| e.traceback));
            let steps = runtime
                .steps
                .iter()
                .map(|s| (s.line, s.events, s.orm.as_deref().map(|o| serde_json::from_str(o).expect("JSON"))))
                .collect();
            let events = runtime.log.borrow().len();
            Run { steps, events, stdout: result.stdout }
        })
        .expect("a thread")
        .join()
        .expect("no panic")
}

/// Each object's (repr, state) in a step's snapshot.
fn objects(snapshot: &Option<Value>) -> Vec<(String, String)> {
    let Some(s) = snapshot else { return Vec::new() };
    s["objects"]
        .as_array()
        .expect("objects")
        .iter()
        .map(|o| (o["repr"].as_str().unwrap().to_owned(), o["state"].as_str().unwrap().to_owned()))
        .collect()
}

fn owned(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn a_step_per_line_that_did_something() {
    let r = run(SCRIPT, true);
    let lines: Vec<u32> = r.steps.iter().map(|s| s.0).collect();
    // create_all, User(...), add, commit, the attribute set, flush, the add in the loop (line 24, User(...) on it too), close
    assert_eq!(lines, [15, 17, 18, 20, 21, 22, 24, 25]);
    assert_eq!(objects(&r.steps[1].2), owned(&[("User('ada')", "transient")]));
    assert_eq!(objects(&r.steps[2].2), owned(&[("User('ada')", "pending")]));
    // after the commit its attributes are expired: the snapshot does not load them
    let after_commit = objects(&r.steps[3].2);
    assert_eq!(after_commit.len(), 1);
    assert!(after_commit[0].0.starts_with("<__main__.User object at 0x"), "{after_commit:?}");
    assert_eq!(after_commit[0].1, "persistent");
    assert_eq!(objects(&r.steps[4].2), owned(&[("User('Ada')", "persistent")]));
    let pending = objects(&r.steps[6].2).into_iter().filter(|o| o.1 == "pending").count();
    assert_eq!(pending, 3);
    assert!(objects(&r.steps[7].2).iter().all(|o| o.1 == "detached"), "{:?}", objects(&r.steps[7].2));
    // the log positions only grow, and the last one is the whole log
    assert!(r.steps.windows(2).all(|w| w[0].1 <= w[1].1));
    assert_eq!(r.steps.last().unwrap().1, r.events);
}

#[test]
fn recording_steps_changes_nothing() {
    let with = run(SCRIPT, true);
    let without = run(SCRIPT, false);
    assert!(without.steps.is_empty());
    assert_eq!(with.events, without.events);
    assert_eq!(with.stdout, without.stdout);
}

#[test]
fn a_long_loop_is_cut_at_the_limit() {
    let source = "from sqlalchemy import create_engine, text\nengine = create_engine('sqlite://')\nwith engine.connect() as conn:\n    for i in range(400):\n        conn.execute(text('SELECT 1'))\n        conn.execute(text('SELECT 2'))\n";
    let r = run(source, true);
    assert_eq!(r.steps.len(), retort_runtime::steps::MAX_STEPS);
    assert!(r.steps.iter().all(|s| s.2.is_none()), "no ORM, no snapshots");
}

#[test]
fn sql_sent_by_a_top_level_attribute_read_has_its_line() {
    // line 9 reads an expired attribute (a refresh SELECT), line 10 iterates a query
    let source = "from sqlalchemy import create_engine, String, select\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session\nclass Base(DeclarativeBase): pass\nclass U(Base):\n    __tablename__ = 'u'\n    id: Mapped[int] = mapped_column(primary_key=True)\nengine = create_engine('sqlite://'); Base.metadata.create_all(engine)\ns = Session(engine); u = U(); s.add(u); s.commit()\nx = u.id\nfor row in s.execute(select(U.id)): pass\n";
    let source = source.to_owned();
    let lines = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let (result, events) = retort_runtime::run(&source, retort_python::Budget::default());
            assert!(result.error.is_none(), "{:?}", result.error.map(|e| e.traceback));
            events
                .iter()
                .filter_map(|e| match &e.kind {
                    retort_engine::log::EventKind::Sql(s) if s.sql.starts_with("SELECT") => Some(e.line),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .expect("a thread")
        .join()
        .expect("no panic");
    assert_eq!(lines, [Some(9), Some(10)]);
}

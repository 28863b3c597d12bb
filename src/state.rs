//! The page's state as a reducer: what the status bar, the results and the
//! error panel show. Pure, so it is tested natively.

use std::rc::Rc;

use retort_engine::console::ScriptRun;
use retort_engine::log::Event;
use retort_engine::snapshot::TableSnapshot;
use yew::Reducible;

use crate::protocol::{MigrationAction, PythonRun, RevisionScript};

/// Where the engine and the current run stand; `data-state` of the status element.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// The worker's wasm is arriving: bytes so far and in all, if known.
    Loading {
        loaded: u64,
        total: Option<u64>,
    },
    Ready,
    Running,
    Done,
    Error,
}

impl Status {
    /// The value of the status element's `data-state` attribute.
    pub fn name(&self) -> &'static str {
        match self {
            Status::Loading { .. } => "loading",
            Status::Ready => "ready",
            Status::Running => "running",
            Status::Done => "done",
            Status::Error => "error",
        }
    }
}

/// The output pane's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Results,
    SqlLog,
    Session,
    Database,
    Migrations,
    Graph,
}

impl Tab {
    pub const ALL: [Tab; 6] = [Tab::Results, Tab::SqlLog, Tab::Session, Tab::Graph, Tab::Database, Tab::Migrations];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Results => "Results",
            Tab::SqlLog => "SQL log",
            Tab::Session => "Models & session",
            Tab::Database => "Database",
            Tab::Migrations => "Migrations",
            Tab::Graph => "Graph",
        }
    }

    /// The `data-testid` of its button.
    pub fn test_id(self) -> &'static str {
        match self {
            Tab::Results => "tab-results",
            Tab::SqlLog => "tab-sql-log",
            Tab::Session => "tab-session",
            Tab::Database => "tab-database",
            Tab::Migrations => "tab-migrations",
            Tab::Graph => "tab-graph",
        }
    }
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub status: Status,
    /// The last finished run (SQL, or Python: its output), its SQL log and the tables it left.
    /// (Each behind an `Rc`: an action clones the state, not the run.)
    pub run: Option<Rc<ScriptRun>>,
    pub python: Option<Rc<PythonRun>>,
    pub log: Rc<Vec<Event>>,
    pub tables: Rc<Vec<TableSnapshot>>,
    /// The output tab on show.
    pub tab: Tab,
    /// The source line whose statements are selected (editor ↔ SQL log).
    pub selected_line: Option<u32>,
    /// The timeline's step on show (an index into `python.steps`; None: the end of the run).
    pub step: Option<usize>,
    /// The table selected in the relationship graph: the SQL log marks the statements that name it.
    pub selected_table: Option<String>,
    /// The `.sqlite` file runs start from, by name and size, if one was opened.
    pub start_file: Option<(String, usize)>,
    /// The last share link made.
    pub share_url: Option<String>,
    /// The last `<iframe>` snippet made by Embed.
    pub embed_snippet: Option<String>,
    /// A message for the error panel: the failing statement, a stopped run, a broken engine.
    pub error: Option<String>,
    /// The engine could not start: the page offers a retry.
    pub engine_failed: bool,
    /// What the status bar says.
    pub message: String,
    /// The Migrations panel's revision scripts (they travel in share links).
    pub revisions: Vec<RevisionScript>,
    /// The live database's revision (None: base, or no migration run yet).
    pub current_revision: Option<String>,
    next_id: u32,
    /// The request whose answer the page waits for, and what it asks.
    pending: Option<u32>,
    outgoing: Option<Outgoing>,
}

/// What the pending request asks the worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Outgoing {
    /// Run the editor's script (`trace`: and send back its retort-trace/1 JSON).
    Run { trace: bool },
    /// A Migrations panel action.
    Migrate(MigrationAction),
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            status: Status::Loading { loaded: 0, total: None },
            run: None,
            python: None,
            log: Rc::default(),
            tables: Rc::default(),
            tab: Tab::Results,
            selected_line: None,
            step: None,
            selected_table: None,
            start_file: None,
            share_url: None,
            embed_snippet: None,
            error: None,
            engine_failed: false,
            message: "Loading the engine…".into(),
            revisions: Vec::new(),
            current_revision: None,
            next_id: 1,
            pending: None,
            outgoing: None,
        }
    }
}

/// What can happen to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Progress {
        loaded: u64,
        total: Option<u64>,
    },
    EngineReady {
        load_ms: f64,
    },
    EngineFailed(String),
    /// The user asked to run; the reducer gives the request its id.
    Run,
    /// An embedding page asked to run (it gets the trace back).
    RunTraced,
    SqlDone {
        id: u32,
        run: ScriptRun,
        log: Vec<Event>,
        tables: Vec<TableSnapshot>,
        elapsed_ms: f64,
    },
    PythonDone {
        id: u32,
        run: PythonRun,
        log: Vec<Event>,
        tables: Vec<TableSnapshot>,
        elapsed_ms: f64,
    },
    ShowTab(Tab),
    /// A line was picked in the editor's gutter or in the SQL log.
    SelectLine(u32),
    /// The timeline moved to a step (None: the end of the run).
    SelectStep(Option<usize>),
    /// A table was selected in the relationship graph (None: unselected).
    SelectTable(Option<String>),
    /// Runs now start from this `.sqlite` file (None: from an empty database).
    StartFrom(Option<(String, usize)>),
    /// The database was saved as a file of this many bytes.
    Saved(usize),
    /// The user pressed Stop: the worker was terminated and is restarting.
    Stopped,
    /// The engine died while running; a fresh one is starting.
    EngineCrashed(String),
    /// The worker reported a failure it survived.
    WorkerError {
        id: Option<u32>,
        message: String,
    },
    /// The page was opened from a share link that could not be read.
    LinkBroken(String),
    /// A Migrations panel button: the reducer gives the request its id.
    Migrate(MigrationAction),
    Migrated {
        id: u32,
        run: PythonRun,
        log: Vec<Event>,
        tables: Option<Vec<TableSnapshot>>,
        current: Option<String>,
        revision: Option<RevisionScript>,
        elapsed_ms: f64,
    },
    /// The revision scripts a share link carried.
    SetRevisions(Vec<RevisionScript>),
    /// A revision script added by hand (`flask db revision`).
    AddRevision(RevisionScript),
    /// A revision script's text edited in the panel.
    EditRevision {
        id: String,
        source: String,
    },
    /// A revision script removed from the panel.
    RemoveRevision(String),
    /// A share link was made, and whether it reached the clipboard.
    Shared {
        url: String,
        copied: bool,
    },
    /// An embed snippet was made, and whether it reached the clipboard.
    Embedded {
        snippet: String,
        copied: bool,
    },
}

impl AppState {
    /// The ORM's models and objects the Session and Graph panels show: at
    /// the timeline's step, or at the end of the run.
    pub fn orm_view(&self) -> Option<crate::protocol::OrmView> {
        let run = self.python.as_ref()?;
        match self.step.and_then(|i| run.steps.get(i)) {
            Some(step) => crate::protocol::step_view(step),
            None => run.orm.clone(),
        }
    }

    /// The SQL log entries of the timeline's step, as the range `start..end`
    /// (those before it ran earlier, those after it later); None at the end of the run.
    pub fn step_events(&self) -> Option<std::ops::Range<usize>> {
        let run = self.python.as_ref()?;
        let i = self.step?;
        let end = run.steps.get(i)?.events;
        let start = if i == 0 { 0 } else { run.steps[i - 1].events };
        Some(start..end)
    }
    /// The id of the run the page is waiting for, to send to the worker.
    pub fn pending(&self) -> Option<u32> {
        self.pending
    }

    /// What the pending request asks, to send with its id.
    pub fn outgoing(&self) -> Option<&Outgoing> {
        self.pending.and(self.outgoing.as_ref())
    }

    pub fn can_run(&self) -> bool {
        matches!(self.status, Status::Ready | Status::Done | Status::Error) && !self.engine_failed
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Progress { loaded, total } => {
                s.status = Status::Loading { loaded, total };
                s.message = match total {
                    Some(total) if total > 0 => format!("Loading the engine… {}%", loaded * 100 / total),
                    _ => format!("Loading the engine… {} KB", loaded / 1024),
                };
            }
            Action::EngineReady { load_ms } => {
                // After a stop the error panel keeps saying so; otherwise the page is ready.
                if matches!(s.status, Status::Loading { .. }) {
                    s.status = Status::Ready;
                }
                s.engine_failed = false;
                s.message = format!("Ready (engine started in {load_ms:.0} ms)");
            }
            Action::EngineFailed(message) => {
                s.status = Status::Error;
                s.engine_failed = true;
                s.pending = None;
                s.error = Some(format!("The engine could not start: {message}"));
                s.message = "The engine could not start".into();
            }
            Action::Run | Action::RunTraced => {
                if !s.can_run() {
                    return self;
                }
                s.pending = Some(s.next_id);
                s.outgoing = Some(Outgoing::Run { trace: action == Action::RunTraced });
                s.next_id += 1;
                s.status = Status::Running;
                s.error = None;
                s.message = "Running…".into();
            }
            Action::Migrate(action) => {
                if !s.can_run() {
                    return self;
                }
                s.message = match &action {
                    MigrationAction::Autogenerate { .. } => "Autogenerating a revision…".into(),
                    MigrationAction::Upgrade { target } => format!("Upgrading to {target}…"),
                    MigrationAction::Downgrade { target } => format!("Downgrading to {target}…"),
                };
                s.pending = Some(s.next_id);
                s.outgoing = Some(Outgoing::Migrate(action));
                s.next_id += 1;
                s.status = Status::Running;
                s.error = None;
            }
            Action::Migrated { id, run, log, tables, current, revision, elapsed_ms } => {
                if s.pending != Some(id) {
                    return self;
                }
                s.pending = None;
                let at = current.clone().unwrap_or_else(|| "base".into());
                s.error = run.error.as_ref().map(|e| {
                    format!(
                        "{}\nThe failed step's transaction was rolled back: the database stays at revision {at}. \
                         (SQLite under Python's sqlite3 runs DDL outside transactions, so tables a step created before the \
                         failure remain, as on CPython.)",
                        e.traceback.trim_end()
                    )
                });
                s.status = if s.error.is_some() { Status::Error } else { Status::Done };
                s.message = match (&revision, &s.error) {
                    (_, Some(_)) => "Migration failed".into(),
                    (Some(r), None) => format!("Revision {} generated in {elapsed_ms:.1} ms", r.id),
                    (None, None) => format!("Database at {at} ({elapsed_ms:.1} ms)"),
                };
                if let Some(r) = revision {
                    s.revisions.push(r);
                }
                s.current_revision = current;
                s.python = Some(Rc::new(run));
                s.step = None;
                s.run = None;
                s.selected_line = None;
                s.log = Rc::new(log);
                if let Some(tables) = tables {
                    s.tables = Rc::new(tables);
                }
            }
            Action::SetRevisions(revisions) => s.revisions = revisions,
            Action::AddRevision(revision) => s.revisions.push(revision),
            Action::EditRevision { id, source } => {
                if let Some(r) = s.revisions.iter_mut().find(|r| r.id == id) {
                    r.source = source;
                }
            }
            Action::RemoveRevision(id) => s.revisions.retain(|r| r.id != id),
            Action::ShowTab(tab) => s.tab = tab,
            Action::StartFrom(file) => {
                s.message = match &file {
                    Some((name, bytes)) => format!("Runs start from {name} ({:.1} KB)", *bytes as f64 / 1024.0),
                    None => "Runs start from an empty database".into(),
                };
                s.start_file = file;
            }
            Action::Saved(bytes) => s.message = format!("Database saved ({:.1} KB)", bytes as f64 / 1024.0),
            Action::SelectLine(line) => {
                s.selected_line = Some(line);
                s.tab = Tab::SqlLog;
            }
            Action::SelectTable(table) => s.selected_table = table,
            Action::SelectStep(step) => {
                let steps = s.python.as_ref().map_or(0, |p| p.steps.len());
                s.step = step.filter(|&i| i < steps);
                s.selected_line = s.step.and_then(|i| s.python.as_ref().map(|p| p.steps[i].line));
            }
            Action::SqlDone { id, run, log, tables, elapsed_ms } => {
                if s.pending != Some(id) {
                    return self;
                }
                s.pending = None;
                s.error = run.error.as_ref().map(|e| format!("Line {}: {} ({})", e.line, e.error.message, e.error.dbapi_class()));
                s.status = if s.error.is_some() { Status::Error } else { Status::Done };
                let n = run.results.len();
                s.message = format!("{n} statement{} in {elapsed_ms:.1} ms", if n == 1 { "" } else { "s" });
                s.run = Some(Rc::new(run));
                s.python = None;
                s.step = None;
                s.selected_line = None;
                s.log = Rc::new(log);
                s.tables = Rc::new(tables);
            }
            Action::PythonDone { id, run, log, tables, elapsed_ms } => {
                if s.pending != Some(id) {
                    return self;
                }
                s.pending = None;
                s.error = run.error.as_ref().map(|e| e.traceback.trim_end().to_owned());
                s.status = if s.error.is_some() { Status::Error } else { Status::Done };
                let n = log.iter().filter(|e| matches!(e.kind, retort_engine::log::EventKind::Sql(_))).count();
                s.message = format!("Ran in {elapsed_ms:.1} ms · {n} statement{}", if n == 1 { "" } else { "s" });
                s.run = None;
                s.python = Some(Rc::new(run));
                s.selected_line = None;
                s.step = None;
                s.log = Rc::new(log);
                s.tables = Rc::new(tables);
                // the run's database is the live one now, and it has no migration history
                s.current_revision = None;
            }
            Action::Stopped => {
                s.pending = None;
                s.status = Status::Error;
                s.error = Some("Stopped. The engine was restarted with an empty database.".into());
                s.message = "Stopped".into();
            }
            Action::EngineCrashed(message) => {
                s.pending = None;
                s.status = Status::Error;
                s.error = Some(format!(
                    "The engine crashed: {message}\nThis is a bug in Retort. The engine was restarted with an empty database."
                ));
                s.message = "The engine crashed".into();
            }
            Action::LinkBroken(reason) => {
                s.error = Some(format!("This link could not be opened: {reason}. The default example is open instead."));
            }
            Action::Shared { url, copied } => {
                let bytes = url.len();
                s.share_url = Some(url);
                let what = if copied { "Link copied" } else { "Link is in the address bar" };
                s.message = if bytes > crate::share::WARN_BYTES {
                    format!("{what} ({:.1} KB): some apps cut links over 8 KB", bytes as f64 / 1024.0)
                } else {
                    what.to_owned()
                };
            }
            Action::Embedded { snippet, copied } => {
                s.message = if copied { "Embed snippet copied".into() } else { "Embed snippet ready to copy".into() };
                s.embed_snippet = Some(snippet);
            }
            Action::WorkerError { id, message } => {
                if id.is_some() && id != s.pending {
                    return self;
                }
                s.pending = None;
                s.status = Status::Error;
                s.error = Some(message);
                s.message = "Failed".into();
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use retort_engine::console::{ScriptError, ScriptRun};
    use retort_engine::{EngineError, ErrorKind};

    fn reduce(state: Rc<AppState>, actions: Vec<Action>) -> Rc<AppState> {
        actions.into_iter().fold(state, Reducible::reduce)
    }

    #[test]
    fn the_timeline_picks_a_step_and_its_log_range() {
        let step = |line, events| crate::protocol::RunStep { line, events, orm: Some(r#"{"models": [], "objects": []}"#.into()) };
        let run = PythonRun { steps: vec![step(3, 2), step(5, 6), step(9, 7)], ..Default::default() };
        let s = reduce(Rc::default(), vec![Action::EngineReady { load_ms: 1.0 }, Action::Run]);
        let s = reduce(s, vec![Action::PythonDone { id: 1, run, log: vec![], tables: vec![], elapsed_ms: 1.0 }]);
        assert_eq!((s.step, s.step_events()), (None, None));
        let s = reduce(s, vec![Action::SelectStep(Some(1))]);
        assert_eq!((s.step, s.step_events(), s.selected_line), (Some(1), Some(2..6), Some(5)));
        let s = reduce(s, vec![Action::SelectStep(Some(0))]);
        assert_eq!(s.step_events(), Some(0..2));
        // past the last step: the end of the run
        let s = reduce(s, vec![Action::SelectStep(Some(3))]);
        assert_eq!((s.step, s.step_events()), (None, None));
        // a new run starts at its end
        let s = reduce(s, vec![Action::SelectStep(Some(2)), Action::Run]);
        let s = reduce(s, vec![Action::PythonDone { id: 2, run: PythonRun::default(), log: vec![], tables: vec![], elapsed_ms: 1.0 }]);
        assert_eq!(s.step, None);
    }

    #[test]
    fn a_python_run_shows_its_output_and_traceback() {
        let s = reduce(Rc::default(), vec![Action::EngineReady { load_ms: 1.0 }, Action::Run]);
        let run = crate::protocol::PythonRun {
            stdout: "hi\n".into(),
            stderr: String::new(),
            error: Some(crate::protocol::PythonError {
                type_name: "ValueError".into(),
                message: "bad".into(),
                line: Some(2),
                traceback: "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\nValueError: bad\n".into(),
            }),
            ..Default::default()
        };
        let s = reduce(s, vec![Action::PythonDone { id: 1, run: run.clone(), log: vec![], tables: vec![], elapsed_ms: 2.0 }]);
        assert_eq!(s.status.name(), "error");
        assert_eq!(s.python.as_ref().map(|p| p.stdout.as_str()), Some("hi\n"));
        assert!(s.error.as_deref().is_some_and(|e| e.ends_with("ValueError: bad")), "{:?}", s.error);
        assert_eq!(s.message, "Ran in 2.0 ms · 0 statements");
    }

    #[test]
    fn a_run_goes_loading_ready_running_done() {
        let s = reduce(Rc::default(), vec![Action::Progress { loaded: 512, total: Some(1024) }]);
        assert_eq!((s.status.name(), s.message.as_str()), ("loading", "Loading the engine… 50%"));
        assert!(!s.can_run());
        let s = reduce(s, vec![Action::EngineReady { load_ms: 12.0 }, Action::Run]);
        assert_eq!((s.status.name(), s.pending()), ("running", Some(1)));
        let s = reduce(s, vec![Action::SqlDone { id: 1, run: ScriptRun::default(), log: vec![], tables: vec![], elapsed_ms: 1.0 }]);
        assert_eq!((s.status.name(), s.pending(), s.error.clone()), ("done", None, None));
    }

    #[test]
    fn a_failed_statement_is_an_error_with_its_line() {
        let run = ScriptRun {
            results: vec![],
            error: Some(ScriptError { line: 3, error: EngineError::new(ErrorKind::Operational, "no such table: x") }),
        };
        let s = reduce(
            Rc::default(),
            vec![
                Action::EngineReady { load_ms: 1.0 },
                Action::Run,
                Action::SqlDone { id: 1, run, log: vec![], tables: vec![], elapsed_ms: 1.0 },
            ],
        );
        assert_eq!(s.status.name(), "error");
        assert_eq!(s.error.as_deref(), Some("Line 3: no such table: x (OperationalError)"));
        assert!(s.can_run());
    }

    #[test]
    fn an_answer_to_a_stopped_run_is_ignored() {
        let s = reduce(Rc::default(), vec![Action::EngineReady { load_ms: 1.0 }, Action::Run, Action::Stopped]);
        assert_eq!(s.status.name(), "error");
        let late =
            reduce(s.clone(), vec![Action::SqlDone { id: 1, run: ScriptRun::default(), log: vec![], tables: vec![], elapsed_ms: 1.0 }]);
        assert_eq!(late, s);
        let s = reduce(s, vec![Action::EngineReady { load_ms: 1.0 }, Action::Run]);
        assert_eq!(s.pending(), Some(2));
    }

    #[test]
    fn a_crash_ends_the_run_and_the_restarted_engine_runs_again() {
        let s = reduce(Rc::default(), vec![Action::EngineReady { load_ms: 1.0 }, Action::Run]);
        let s = reduce(s, vec![Action::EngineCrashed("panicked at src/x.rs:1:1: boom".into())]);
        assert_eq!((s.status.name(), s.pending()), ("error", None));
        assert!(s.error.as_deref().unwrap().starts_with("The engine crashed: panicked at src/x.rs:1:1: boom\n"));
        assert!(!s.engine_failed, "no retry button: the engine restarts by itself");
        let s = reduce(s, vec![Action::EngineReady { load_ms: 1.0 }, Action::Run]);
        assert_eq!(s.status.name(), "running");
    }

    #[test]
    fn share_links_report_and_warn_when_long() {
        let url = |n: usize| format!("http://x/#code=v1.{}", "a".repeat(n - 18));
        let s = reduce(Rc::default(), vec![Action::EngineReady { load_ms: 1.0 }, Action::Shared { url: url(300), copied: true }]);
        assert_eq!(s.message, "Link copied");
        assert_eq!(s.share_url.as_ref().map(String::len), Some(300));
        let s = reduce(s, vec![Action::Shared { url: url(9 * 1024), copied: false }]);
        assert_eq!(s.message, "Link is in the address bar (9.0 KB): some apps cut links over 8 KB");
        let s = reduce(s, vec![Action::LinkBroken("its data is incomplete: it may have been cut short".into())]);
        assert_eq!(s.status.name(), "ready", "a broken link does not stop the page");
        assert!(s.error.as_deref().unwrap().ends_with("The default example is open instead."));
        let s = reduce(s, vec![Action::Run]);
        assert_eq!(s.error, None);
    }

    fn revision(id: &str, down: Option<&str>) -> RevisionScript {
        RevisionScript { id: id.into(), source: crate::revisions::empty_revision(id, down, "m") }
    }

    #[test]
    fn migrations_keep_revisions_and_the_current_one() {
        let s = reduce(
            Rc::default(),
            vec![Action::EngineReady { load_ms: 1.0 }, Action::Migrate(MigrationAction::Autogenerate { message: "m".into() })],
        );
        assert_eq!(s.outgoing(), Some(&Outgoing::Migrate(MigrationAction::Autogenerate { message: "m".into() })));
        let done = |id, current: Option<&str>, revision: Option<RevisionScript>, error: Option<&str>| Action::Migrated {
            id,
            run: PythonRun {
                error: error.map(|m| crate::protocol::PythonError {
                    type_name: "OperationalError".into(),
                    message: m.into(),
                    line: None,
                    traceback: format!("Traceback (most recent call last):\nOperationalError: {m}\n"),
                }),
                ..PythonRun::default()
            },
            log: vec![],
            tables: None,
            current: current.map(str::to_owned),
            revision,
            elapsed_ms: 1.0,
        };
        let s = reduce(s, vec![done(1, None, Some(revision("a1", None)), None)]);
        assert_eq!((s.revisions.len(), s.status.name(), s.message.as_str()), (1, "done", "Revision a1 generated in 1.0 ms"));
        let s = reduce(s, vec![Action::Migrate(MigrationAction::Upgrade { target: "head".into() }), done(2, Some("a1"), None, None)]);
        assert_eq!(s.current_revision.as_deref(), Some("a1"));
        let s = reduce(
            s,
            vec![Action::Migrate(MigrationAction::Upgrade { target: "head".into() }), done(3, Some("a1"), None, Some("no such table: x"))],
        );
        assert_eq!(s.status.name(), "error");
        assert!(s.error.as_deref().unwrap().contains("the database stays at revision a1"), "{:?}", s.error);
        assert!(s.can_run(), "the panel stays usable after a failure");
        let s =
            reduce(s, vec![Action::EditRevision { id: "a1".into(), source: "x".into() }, Action::AddRevision(revision("b2", Some("a1")))]);
        assert_eq!((s.revisions[0].source.as_str(), s.revisions.len()), ("x", 2));
        let s = reduce(s, vec![Action::RemoveRevision("b2".into()), Action::Run]);
        assert_eq!((s.revisions.len(), s.outgoing()), (1, Some(&Outgoing::Run { trace: false })));
        let s = reduce(s, vec![Action::PythonDone { id: 4, run: PythonRun::default(), log: vec![], tables: vec![], elapsed_ms: 1.0 }]);
        assert_eq!(s.current_revision, None, "a run starts a fresh database");
    }

    #[test]
    fn an_embedding_page_gets_a_traced_run() {
        let s = reduce(Rc::default(), vec![Action::EngineReady { load_ms: 1.0 }, Action::RunTraced]);
        assert_eq!(s.outgoing(), Some(&Outgoing::Run { trace: true }));
        let s = reduce(s, vec![Action::Embedded { snippet: "<iframe></iframe>".into(), copied: true }]);
        assert_eq!((s.message.as_str(), s.embed_snippet.as_deref()), ("Embed snippet copied", Some("<iframe></iframe>")));
    }

    #[test]
    fn an_engine_that_fails_to_load_offers_a_retry() {
        let s = reduce(Rc::default(), vec![Action::EngineFailed("HTTP 404".into()), Action::Run]);
        assert!(s.engine_failed && !s.can_run());
        assert_eq!(s.status.name(), "error");
        let s = reduce(s, vec![Action::Progress { loaded: 0, total: None }, Action::EngineReady { load_ms: 1.0 }]);
        assert!(s.can_run());
    }
}

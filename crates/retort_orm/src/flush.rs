//! The unit of work: a session's pending, changed and deleted objects
//! become INSERT, UPDATE and DELETE statements in SQLAlchemy's order.
//!
//! Mirrors `orm/unitofwork.py` and `orm/persistence.py`: one "save" and one
//! "delete" action per mapper and one "process" action per relationship
//! direction (foreign keys copied from parent to child, rows of a
//! `secondary` table), ordered by the dependency processors' edges, then
//! layered (`topological.sort_as_subsets`) over the actions sorted by
//! their sort keys; inside an action, SQLAlchemy's grouping of rows into
//! statements (executemany, one `INSERT … RETURNING` per row, or a plain
//! INSERT and the cursor's lastrowid).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use retort_sql::compiler::{self, Compiled};
use retort_sql::expr::{BinOp, Delete, Expr, Insert, InsertSource, Literal, Update};
use retort_sql::schema::Table;

use crate::mapper::{Direction, Mapper, MapperId};
use crate::session::Orm;
use crate::state::{SessionId, StateId, Status};

mod delete;
use delete::delete_all;

/// What the host knows and the flush needs: the objects' current values,
/// their Python-side defaults, and what their relationships imply.
#[derive(Clone, Debug, Default)]
pub struct FlushWork {
    /// For each pending object and each persistent one with changes: the
    /// current value of each column attribute (`None`: not set, or None).
    pub values: HashMap<StateId, Vec<Option<Literal>>>,
    /// Python-side column defaults of pending objects (attribute, value),
    /// already evaluated.
    pub defaults: HashMap<StateId, Vec<(usize, Literal)>>,
    /// Foreign key values to copy from parent to child.
    pub syncs: Vec<Sync>,
    /// Rows of `secondary` tables to insert or delete.
    pub links: Vec<Link>,
    /// Objects a cascade (`delete`, `delete-orphan`) deletes in this flush.
    pub cascaded_deletes: Vec<StateId>,
    /// Values a bind processor refused (a string for a Date attribute), with
    /// its exception: the statement that would send one fails instead, as
    /// SQLAlchemy's `StatementError` does.
    pub refused: HashMap<(StateId, usize), Refusal>,
}

/// A bind processor's exception: its Python class (`TypeError`,
/// `ValueError`) and message.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub class: String,
    pub message: String,
}

/// A relationship of a mapper: `(mapper, index in its relationships)`.
pub type RelationshipRef = (MapperId, usize);

/// Copy the parent's key into the child's foreign key (or NULL it out,
/// with no parent) once the parent has one.
#[derive(Clone, Debug)]
pub struct Sync {
    pub relationship: RelationshipRef,
    pub parent: Option<StateId>,
    pub child: StateId,
    /// (parent attribute, child attribute) pairs.
    pub pairs: Vec<(usize, usize)>,
    pub timing: SyncTiming,
}

/// When a sync's foreign key reaches the database.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SyncTiming {
    /// Copied before the child's row is saved (INSERT or UPDATE).
    #[default]
    Ordinary,
    /// `post_update`: copied once both rows are saved, then an UPDATE of its own.
    PostUpdate,
    /// `post_update` of a row about to be deleted: its key set NULL by an UPDATE first.
    PreUpdate,
}

/// A row of a `secondary` table: each of its columns takes an attribute of one of the two objects.
#[derive(Clone, Debug)]
pub struct Link {
    pub relationship: RelationshipRef,
    pub table: Rc<Table>,
    pub insert: bool,
    /// (secondary column, object, attribute of the object).
    pub columns: Vec<(String, StateId, usize)>,
}

/// A parameter of a failed statement: its name, the object and attribute
/// it came from (if one did), the value sent.
pub type ShownParam = (String, Option<(StateId, usize)>, Literal);

/// A result the host's executor hands back.
#[derive(Clone, Debug, Default)]
pub struct Executed {
    pub rows: Vec<Vec<Literal>>,
    pub last_insert_rowid: i64,
    pub rows_affected: u64,
}

/// Where a statement stands in an "insertmanyvalues" batch, as
/// SQLAlchemy's log shows it (`[insertmanyvalues 2/2 (ordered; batch not
/// supported)]`): its number, how many, and whether the batch was sent a
/// row at a time (`downgraded`: RETURNING needs it on SQLite).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Batch {
    pub num: usize,
    pub total: usize,
    pub downgraded: bool,
    /// The rows come back in the parameters' order (the ORM's always do).
    pub ordered: bool,
}

/// Runs statements for the flush (the host logs them and maps errors).
pub trait Executor {
    type Error;
    fn execute(&mut self, statement: &Compiled) -> Result<Executed, Self::Error>;
    fn execute_many(&mut self, sql: &str, rows: Vec<Vec<Literal>>) -> Result<u64, Self::Error>;
    /// One row of a batch SQLAlchemy sends as "insertmanyvalues" (an
    /// executemany to its cursor events), one statement per row on SQLite.
    fn execute_batched(&mut self, statement: &Compiled, _batch: Batch) -> Result<Executed, Self::Error> {
        self.execute(statement)
    }
    /// Loads the attributes an expired object lacks, by its primary key
    /// (the statement is [`crate::loading::by_primary_key`] over those
    /// columns): `(attribute, value)` pairs, none when the row is gone.
    /// `known` marks the attributes the flush has already given values.
    fn refresh(
        &mut self,
        st: StateId,
        mapper: &crate::mapper::Mapper,
        key: &[Literal],
        known: &[bool],
    ) -> Result<Vec<(usize, Literal)>, Self::Error>;
}

/// A flush's failure: the database's, or SQLAlchemy's own check.
#[derive(Debug)]
pub enum FlushError<E> {
    Database(E),
    /// `sqlalchemy.orm.exc.StaleDataError`.
    StaleData(String),
    /// `sqlalchemy.exc.CompileError` and the like: a bug in the work given.
    Sql(retort_sql::SqlError),
    /// A statement whose parameters a bind processor refused
    /// (`StatementError`): the processor's exception, the SQL, and each row's
    /// parameters by name, with the object attribute each came from (whose
    /// Python value SQLAlchemy shows).
    Statement {
        refusal: Refusal,
        sql: String,
        params: Vec<Vec<ShownParam>>,
    },
}

/// What the host must mirror on its objects after a flush.
#[derive(Clone, Debug, Default)]
pub struct Flushed {
    /// Column values the flush gave objects (new primary keys, defaults,
    /// synchronised foreign keys): (object, attribute, value).
    pub set: Vec<(StateId, usize, Literal)>,
    /// Column attributes to forget (server-side defaults not fetched).
    pub expired: Vec<(StateId, usize)>,
    pub inserted: Vec<StateId>,
    pub deleted: Vec<StateId>,
    /// Expired objects the flush had to load (their values are committed now).
    pub refreshed: Vec<StateId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Action {
    SaveAll(MapperId),
    DeleteAll(MapperId),
    Process {
        relationship: RelationshipRef,
        delete: bool,
    },
    /// `_PostUpdateAll`: the post_update UPDATEs of a mapper's rows (`delete`:
    /// those of rows about to be deleted).
    PostUpdate {
        mapper: MapperId,
        delete: bool,
    },
}

impl Action {
    /// `PostSortRec.sort_key`: `("DeleteAll", mapper)`, `("PostUpdateAll", mapper, isdelete)`,
    /// `("ProcessAll", "Mapper_prop", isdelete)`, `("SaveUpdateAll", mapper)`.
    fn sort_key(&self, orm: &Orm) -> (&'static str, String, bool) {
        match self {
            Action::PostUpdate { mapper, delete } => ("PostUpdateAll", orm.registry.get(*mapper).sort_key.clone(), *delete),
            Action::SaveAll(m) => ("SaveUpdateAll", orm.registry.get(*m).sort_key.clone(), false),
            Action::DeleteAll(m) => ("DeleteAll", orm.registry.get(*m).sort_key.clone(), false),
            Action::Process { relationship: (m, r), delete } => {
                let mapper = orm.registry.get(*m);
                ("ProcessAll", format!("{}_{}", mapper.sort_key, mapper.relationships[*r].key), *delete)
            }
        }
    }
}

/// The actions of a flush touching `mappers`, in execution order.
fn plan(orm: &Orm, mappers: &[MapperId]) -> Vec<Action> {
    let mut actions: Vec<Action> = Vec::new();
    let mut edges: Vec<(Action, Action)> = Vec::new();
    let add = |a: &Action, actions: &mut Vec<Action>| {
        if !actions.contains(a) {
            actions.push(a.clone());
        }
    };
    let base = |m: MapperId| orm.registry.base(m);
    for &m in mappers {
        let (save, delete) = (Action::SaveAll(base(m)), Action::DeleteAll(base(m)));
        add(&save, &mut actions);
        add(&delete, &mut actions);
        edges.push((save, delete));
        for (r, rel) in orm.registry.get(m).relationships.iter().enumerate() {
            let (ps, pd) = (Action::SaveAll(base(m)), Action::DeleteAll(base(m)));
            let (cs, cd) = (Action::SaveAll(base(rel.target)), Action::DeleteAll(base(rel.target)));
            let after_save = Action::Process { relationship: (m, r), delete: false };
            let before_delete = Action::Process { relationship: (m, r), delete: true };
            for a in [&cs, &cd, &after_save, &before_delete] {
                add(a, &mut actions);
            }
            if !edges.contains(&(cs.clone(), cd.clone())) {
                edges.push((cs.clone(), cd.clone()));
            }
            let e = |a: &Action, b: &Action| (a.clone(), b.clone());
            if rel.post_update && rel.direction != Direction::ManyToMany {
                // `post_update`: the rows are saved (and deleted) on their own, the
                // foreign key by UPDATEs of the mapper holding it
                let holder = if rel.direction == Direction::OneToMany { rel.target } else { m };
                let post = Action::PostUpdate { mapper: holder, delete: false };
                let pre = Action::PostUpdate { mapper: holder, delete: true };
                add(&post, &mut actions);
                add(&pre, &mut actions);
                edges.extend([e(&cs, &after_save), e(&ps, &after_save), e(&after_save, &post)]);
                if rel.direction == Direction::OneToMany {
                    edges.extend([
                        e(&cs, &before_delete),
                        e(&before_delete, &post),
                        e(&post, &pd),
                        e(&before_delete, &pre),
                        e(&pre, &pd),
                        e(&pre, &cd),
                    ]);
                } else {
                    edges.extend([e(&after_save, &pre), e(&before_delete, &pre), e(&pre, &cd), e(&pre, &pd)]);
                }
                continue;
            }
            let before = edges.len();
            match rel.direction {
                Direction::OneToMany => edges.extend([
                    e(&ps, &after_save),
                    e(&after_save, &cs),
                    e(&after_save, &cd),
                    e(&cs, &pd),
                    e(&cd, &pd),
                    e(&before_delete, &cs),
                    e(&before_delete, &cd),
                ]),
                Direction::ManyToOne => edges.extend([e(&cs, &after_save), e(&after_save, &ps), e(&ps, &cd), e(&pd, &cd)]),
                Direction::ManyToMany => edges.extend([
                    e(&ps, &after_save),
                    e(&cs, &after_save),
                    e(&after_save, &cd),
                    e(&before_delete, &ps),
                    e(&before_delete, &pd),
                    e(&before_delete, &cd),
                    e(&before_delete, &cs),
                ]),
            }
            if base(rel.target) == base(m) && rel.direction != Direction::ManyToMany {
                // an adjacency list: save_all inserts the mapper's rows in layers
                // (SQLAlchemy's per-state actions), so its own relationship's
                // process runs after its save, never before (no cycle)
                let saves = Action::SaveAll(base(m));
                let mut i = before;
                while i < edges.len() {
                    if edges[i].1 == saves && matches!(edges[i].0, Action::Process { .. }) {
                        edges.remove(i);
                    } else {
                        i += 1;
                    }
                }
            }
        }
    }
    let mut keyed: Vec<((&'static str, String, bool), Action)> = actions.into_iter().map(|a| (a.sort_key(orm), a)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let todo: Vec<Action> = keyed.into_iter().map(|(_, a)| a).collect();
    sort_as_subsets(&edges, todo)
}

/// `topological.sort_as_subsets`, flattened: each round takes, in order,
/// every item none of whose predecessors is left. A cycle (a
/// self-referential mapper) falls back to the remaining order.
fn sort_as_subsets(edges: &[(Action, Action)], mut todo: Vec<Action>) -> Vec<Action> {
    let mut out = Vec::new();
    while !todo.is_empty() {
        let left: HashSet<&Action> = todo.iter().collect();
        let ready: Vec<Action> =
            todo.iter().filter(|node| !edges.iter().any(|(p, c)| c == *node && p != *node && left.contains(p))).cloned().collect();
        let ready = if ready.is_empty() { std::mem::take(&mut todo) } else { ready };
        todo.retain(|a| !ready.contains(a));
        out.extend(ready);
    }
    out
}

/// Consecutive UPDATE rows that set the same columns, sent together (one
/// statement or an executemany) when a row that differs comes: SQLAlchemy's
/// `groupby` over a generator, so a later row's key may load in between.
#[derive(Default)]
struct UpdateBatch(Vec<(Record, Vec<Literal>)>);

impl UpdateBatch {
    fn push<X: Executor>(
        &mut self,
        orm: &mut Orm,
        mapper: &Mapper,
        columns: &[String],
        row: (Record, Vec<Literal>),
        work: &FlushWork,
        exec: &mut X,
    ) -> Result<(), FlushError<X::Error>> {
        let same = self.0.first().is_none_or(|(r, _)| r.params.iter().map(|(a, _)| *a).eq(row.0.params.iter().map(|(a, _)| *a)));
        if !same {
            emit_updates(orm, mapper, columns, std::mem::take(&mut self.0), work, exec)?;
        }
        self.0.push(row);
        Ok(())
    }

    fn finish<X: Executor>(
        self,
        orm: &mut Orm,
        mapper: &Mapper,
        columns: &[String],
        work: &FlushWork,
        exec: &mut X,
    ) -> Result<(), FlushError<X::Error>> {
        if self.0.is_empty() {
            return Ok(());
        }
        emit_updates(orm, mapper, columns, self.0, work, exec)
    }
}

/// One row for an INSERT or UPDATE: its parameters by column, in table order.
struct Record {
    state: StateId,
    params: Vec<(usize, Literal)>,
}

/// Flushes session `sid`: every statement through `exec`, the session's
/// bookkeeping updated as each succeeds.
pub fn flush<X: Executor>(orm: &mut Orm, sid: SessionId, mut work: FlushWork, exec: &mut X) -> Result<Flushed, FlushError<X::Error>> {
    let mut out = Flushed::default();
    let session = orm.session(sid);
    let mut deletes: Vec<StateId> = session.deleted.clone();
    let mut seen: HashSet<StateId> = deletes.iter().copied().collect();
    for st in std::mem::take(&mut work.cascaded_deletes) {
        if seen.insert(st) {
            deletes.push(st);
        }
    }
    let mut saves: Vec<StateId> = session.new.clone();
    seen.extend(saves.iter().copied());
    for st in session.modified.iter().chain(work.syncs.iter().map(|s| &s.child)) {
        if orm.state(*st).status == Status::Persistent && seen.insert(*st) {
            saves.push(*st);
        }
    }
    let mut mappers: Vec<MapperId> = Vec::new();
    for &st in saves.iter().chain(&deletes) {
        let m = orm.state(st).mapper;
        if !mappers.contains(&m) {
            mappers.push(m);
        }
    }
    for rel in work.syncs.iter().map(|s| s.relationship).chain(work.links.iter().map(|l| l.relationship)) {
        if !mappers.contains(&rel.0) {
            mappers.push(rel.0);
        }
    }
    if mappers.is_empty() {
        return Ok(out);
    }
    let deleting: HashSet<StateId> = deletes.iter().copied().collect();
    let mut registered = PostUpdates::default();
    for action in plan(orm, &mappers) {
        match action {
            Action::SaveAll(m) => {
                let states: Vec<StateId> = saves.iter().copied().filter(|&s| orm.registry.base(orm.state(s).mapper) == m).collect();
                save_all(orm, sid, m, &states, &mut work, exec, &mut out)?;
            }
            Action::DeleteAll(m) => {
                let states: Vec<StateId> = deletes.iter().copied().filter(|&s| orm.registry.base(orm.state(s).mapper) == m).collect();
                delete_all(orm, sid, m, &states, exec, &mut out)?;
            }
            Action::Process { relationship, delete } => {
                apply_syncs(orm, relationship, delete, &deleting, &mut work, &mut registered, exec, &mut out)?;
                links(orm, relationship, delete, &work, &deleting, exec, &mut out)?;
            }
            Action::PostUpdate { mapper, delete } => {
                post_update_all(orm, mapper, delete, &registered, &work, exec, &mut out)?;
            }
        }
    }
    orm.flushed(sid);
    Ok(out)
}

/// The rows a `post_update` relationship must UPDATE: (the mapper holding
/// the foreign key, before deletes, the row, its foreign key attributes),
/// as `UOWTransaction.register_post_update` collects them.
type PostUpdates = Vec<(MapperId, bool, StateId, Vec<usize>)>;

/// Copies parent keys into children's current values (`sync.populate`):
/// after saves, the ordinary and post_update syncs; before deletes, the
/// post_update ones of a deleted parent. A post_update row is registered
/// for the UPDATEs before the deletes when it is itself being deleted.
#[allow(clippy::too_many_arguments)]
fn apply_syncs<X: Executor>(
    orm: &mut Orm,
    relationship: RelationshipRef,
    delete: bool,
    deleting: &HashSet<StateId>,
    work: &mut FlushWork,
    registered: &mut PostUpdates,
    exec: &mut X,
    out: &mut Flushed,
) -> Result<(), FlushError<X::Error>> {
    let wanted = |t: SyncTiming| if delete { t == SyncTiming::PreUpdate } else { t != SyncTiming::PreUpdate };
    let syncs: Vec<Sync> = work.syncs.iter().filter(|s| s.relationship == relationship && wanted(s.timing)).cloned().collect();
    for sync in syncs {
        sync_one(orm, &sync, work, exec, out)?;
        if sync.timing != SyncTiming::Ordinary {
            let attrs = sync.pairs.iter().map(|&(_, to)| to).collect();
            registered.push((orm.state(sync.child).mapper, deleting.contains(&sync.child), sync.child, attrs));
        }
    }
    Ok(())
}

/// `persistence.post_update`: for each registered row whose foreign key
/// now differs from the database's, `UPDATE ... SET fk=? WHERE pk = ?`;
/// rows inserted by this flush first (in insert order), then the others by
/// key; consecutive rows setting the same columns go as one executemany.
fn post_update_all<X: Executor>(
    orm: &mut Orm,
    m: MapperId,
    delete: bool,
    registered: &PostUpdates,
    work: &FlushWork,
    exec: &mut X,
    out: &mut Flushed,
) -> Result<(), FlushError<X::Error>> {
    let mut states: Vec<StateId> = Vec::new();
    let mut attrs: HashSet<usize> = HashSet::new();
    for (mapper, d, st, a) in registered {
        if *mapper == m && *d == delete {
            if !states.contains(st) {
                states.push(*st);
            }
            attrs.extend(a.iter().copied());
        }
    }
    if states.is_empty() {
        return Ok(());
    }
    let mapper = orm.registry.get(m).clone();
    let columns: Vec<String> = mapper.attrs.iter().map(|a| a.column.clone()).collect();
    let (mut fresh, mut known): (Vec<StateId>, Vec<StateId>) = states.into_iter().partition(|s| out.inserted.contains(s));
    fresh.sort_by_key(|&s| orm.state(s).insert_order);
    known.sort_by(|&a, &b| compare_keys(&orm.state(a).committed, &orm.state(b).committed, &mapper.pk));
    let mut group = UpdateBatch::default();
    for st in fresh.into_iter().chain(known) {
        let Some(current) = work.values.get(&st) else { continue };
        let mut key = Vec::new();
        for &i in &mapper.pk {
            key.push(value_of(orm, st, i, Some(work), exec, out)?);
        }
        let committed = &orm.state(st).committed;
        let mut params: Vec<(usize, Literal)> = Vec::new();
        for (i, value) in current.iter().enumerate() {
            if let Some(v) = value {
                if attrs.contains(&i) && committed[i].as_ref() != Some(v) {
                    params.push((i, v.clone()));
                }
            }
        }
        if params.is_empty() {
            continue;
        }
        group.push(orm, &mapper, &columns, (Record { state: st, params }, key), work, exec)?;
    }
    group.finish(orm, &mapper, &columns, work, exec)?;
    Ok(())
}

/// Copies one parent's key into one child's foreign key.
fn sync_one<X: Executor>(
    orm: &mut Orm,
    sync: &Sync,
    work: &mut FlushWork,
    exec: &mut X,
    out: &mut Flushed,
) -> Result<(), FlushError<X::Error>> {
    for &(from, to) in &sync.pairs {
        let value = match sync.parent {
            Some(p) => match work_value(&work.defaults, p, from) {
                Some(v) if orm.state(p).committed[from].is_none() => v,
                _ => value_of(orm, p, from, Some(work), exec, out)?,
            },
            None => Literal::None,
        };
        let child = orm.state(sync.child);
        let width = child.committed.len();
        let values = work.values.entry(sync.child).or_insert_with(|| child.committed.clone());
        values.resize(width, None);
        out.set.push((sync.child, to, value.clone()));
        values[to] = Some(value);
    }
    Ok(())
}

/// A column value of an object as the database holds it; an expired
/// persistent object is loaded first, as SQLAlchemy's attribute access does.
fn value_of<X: Executor>(
    orm: &mut Orm,
    st: StateId,
    attr: usize,
    work: Option<&FlushWork>,
    exec: &mut X,
    out: &mut Flushed,
) -> Result<Literal, FlushError<X::Error>> {
    if let Some(v) = orm.state(st).committed[attr].clone() {
        return Ok(v);
    }
    let state = orm.state(st);
    if let (Status::Persistent, Some(key)) = (state.status, state.key.clone()) {
        let mapper = orm.registry.get(state.mapper).clone();
        let known: Vec<bool> = match work.and_then(|w| w.values.get(&st)) {
            Some(values) => (0..mapper.attrs.len()).map(|i| values.get(i).is_some_and(Option::is_some)).collect(),
            None => vec![false; mapper.attrs.len()],
        };
        let loaded = exec.refresh(st, &mapper, &key.values, &known).map_err(FlushError::Database)?;
        if !loaded.is_empty() {
            for (a, v) in loaded {
                if orm.states[st].committed[a].is_none() {
                    orm.states[st].committed[a] = Some(v);
                }
            }
            out.refreshed.push(st);
        }
    }
    Ok(orm.state(st).committed[attr].clone().unwrap_or(Literal::None))
}

fn work_value(defaults: &HashMap<StateId, Vec<(usize, Literal)>>, st: StateId, attr: usize) -> Option<Literal> {
    defaults.get(&st)?.iter().find(|(a, _)| *a == attr).map(|(_, v)| v.clone())
}

fn sql<E>(r: Result<Compiled, retort_sql::SqlError>) -> Result<Compiled, FlushError<E>> {
    r.map_err(FlushError::Sql)
}

fn bind_row(mapper_columns: &[String], params: &[(usize, Literal)]) -> Vec<(String, Expr)> {
    params.iter().map(|(a, v)| (mapper_columns[*a].clone(), Expr::Bind(v.clone()))).collect()
}

/// `persistence.save_obj` for the mappers of one hierarchy (`m` its base):
/// table by table (joined inheritance: the base's first), UPDATEs then
/// INSERTs of the rows each holds.
fn save_all<X: Executor>(
    orm: &mut Orm,
    sid: SessionId,
    m: MapperId,
    states: &[StateId],
    work: &mut FlushWork,
    exec: &mut X,
    out: &mut Flushed,
) -> Result<(), FlushError<X::Error>> {
    if states.is_empty() {
        return Ok(());
    }
    let pk_order = orm.registry.get(m).pk.clone();
    // `_sort_states`: pending by insert order, then persistent by key
    let mut pending: Vec<StateId> = states.iter().copied().filter(|&s| orm.state(s).status == Status::Pending).collect();
    pending.sort_by_key(|&s| orm.state(s).insert_order);
    let mut persistent: Vec<StateId> = states.iter().copied().filter(|&s| orm.state(s).status == Status::Persistent).collect();
    persistent.sort_by(|&a, &b| compare_keys(&orm.state(a).committed, &orm.state(b).committed, &pk_order));
    for (n, table) in orm.registry.hierarchy_tables(m).iter().enumerate() {
        if n > 0 {
            // a later table's key is the base row's, just generated
            for &st in &pending {
                let committed = orm.state(st).committed.clone();
                let values = work.values.entry(st).or_default();
                values.resize(committed.len(), None);
                for (slot, v) in values.iter_mut().zip(committed) {
                    if slot.is_none() {
                        *slot = v;
                    }
                }
            }
        }
        let (updates, inserts) = (runs(orm, table, &persistent), runs(orm, table, &pending));
        for (mapper, run) in updates {
            save_table(orm, sid, m, &mapper, &[], &run, n > 0, work, exec, out)?;
        }
        for (mapper, run) in inserts {
            save_table(orm, sid, m, &mapper, &run, &[], n > 0, work, exec, out)?;
        }
    }
    Ok(())
}

/// The states holding a row in `table`, in consecutive runs whose mappers
/// save the same columns there, each with its mapper as saved in it.
fn runs(orm: &Orm, table: &str, states: &[StateId]) -> Vec<(Mapper, Vec<StateId>)> {
    let mut out: Vec<(MapperId, Mapper, Vec<StateId>)> = Vec::new();
    for &st in states {
        let m = orm.state(st).mapper;
        // (a mapper is projected on the table once per run, not once per row)
        if let Some((_, _, run)) = out.last_mut().filter(|(last, _, _)| *last == m) {
            run.push(st);
            continue;
        }
        let full = orm.registry.get(m);
        let Some(mapper) = full.for_table(table) else { continue };
        match out.last_mut() {
            Some((_, last, run)) if last.layout_in(table) == mapper.layout_in(table) => run.push(st),
            _ => out.push((m, mapper, vec![st])),
        }
    }
    out.into_iter().map(|(_, mapper, run)| (mapper, run)).collect()
}

/// UPDATEs, then INSERTs, of some states' rows in one table (`later`: a
/// table after the base's, whose INSERT adds to a row already saved).
#[allow(clippy::too_many_arguments)]
fn save_table<X: Executor>(
    orm: &mut Orm,
    sid: SessionId,
    m: MapperId,
    mapper: &Mapper,
    pending: &[StateId],
    persistent: &[StateId],
    later: bool,
    work: &mut FlushWork,
    exec: &mut X,
    out: &mut Flushed,
) -> Result<(), FlushError<X::Error>> {
    let columns: Vec<String> = mapper.attrs.iter().map(|a| a.column.clone()).collect();

    // UPDATEs: the changed columns of each; consecutive rows with the same
    // columns go together. Like SQLAlchemy's `groupby` over a generator, a
    // group is sent when the next row (whose key may need loading) differs.
    let mut group = UpdateBatch::default();
    for &st in persistent {
        let state = orm.state(st);
        let Some(current) = work.values.get(&st) else { continue };
        let mut params = Vec::new();
        for (i, value) in current.iter().enumerate() {
            if let Some(v) = value {
                if columns.get(i).is_some_and(|c| !c.is_empty()) && !mapper.pk.contains(&i) && state.committed[i].as_ref() != Some(v) {
                    params.push((i, v.clone()));
                }
            }
        }
        if params.is_empty() {
            continue;
        }
        let mut key = Vec::new();
        for &i in &mapper.pk {
            key.push(value_of(orm, st, i, Some(work), exec, out)?);
        }
        if let Some(v) = mapper.version {
            // the row's version is checked, and the next one set
            let old = orm.state(st).committed[v].clone().unwrap_or(Literal::None);
            if !params.iter().any(|(a, _)| *a == v) {
                let next = match &old {
                    Literal::Int(n) => Literal::Int(n + 1),
                    _ => Literal::Int(1),
                };
                params.push((v, next.clone()));
                params.sort_by_key(|(a, _)| *a);
                out.set.push((st, v, next));
            }
            key.push(old);
            // SQLite reports no per-row counts for an executemany: one UPDATE each
            emit_updates(orm, mapper, &columns, vec![(Record { state: st, params }, key)], work, exec)?;
            continue;
        }
        group.push(orm, mapper, &columns, (Record { state: st, params }, key), work, exec)?;
    }
    group.finish(orm, mapper, &columns, work, exec)?;

    // INSERTs. A self-referential mapper (an adjacency list) inserts in
    // layers, parents before children, each layer's keys copied first: what
    // SQLAlchemy's per-state actions do when the mapper depends on itself.
    let layered = orm.registry.get(m).relationships.iter().any(|r| r.target == m);
    for layer in layers(orm, m, pending, work) {
        if layered {
            let members: HashSet<StateId> = layer.iter().copied().collect();
            let own: Vec<Sync> = work
                .syncs
                .iter()
                .filter(|s| s.timing == SyncTiming::Ordinary && self_referential(orm, m, s) && members.contains(&s.child))
                .cloned()
                .collect();
            for sync in own {
                sync_one(orm, &sync, work, exec, out)?;
            }
        }
        insert_states(orm, sid, mapper, &columns, &layer, later, work, exec, out)?;
    }
    Ok(())
}

/// Whether `sync` belongs to a relationship of mapper `m` to itself.
fn self_referential(orm: &Orm, m: MapperId, sync: &Sync) -> bool {
    sync.relationship.0 == m && orm.registry.get(m).relationships[sync.relationship.1].target == m
}

/// Pending states of mapper `m` in layers: those whose parent (through a
/// relationship of `m` to itself) is pending too come after it.
fn layers(orm: &Orm, m: MapperId, pending: &[StateId], work: &FlushWork) -> Vec<Vec<StateId>> {
    if !orm.registry.get(m).relationships.iter().any(|r| r.target == m) {
        return vec![pending.to_vec()];
    }
    let in_flush: HashSet<StateId> = pending.iter().copied().collect();
    let parents: HashMap<StateId, StateId> = work
        .syncs
        .iter()
        .filter(|s| self_referential(orm, m, s))
        .filter_map(|s| Some((s.child, s.parent?)))
        .filter(|(c, p)| in_flush.contains(p) && c != p)
        .collect();
    let parent_of = |st: StateId| parents.get(&st).copied();
    let mut depth: Vec<usize> = vec![0; pending.len()];
    for (i, &st) in pending.iter().enumerate() {
        let (mut d, mut cur) = (0, st);
        while let Some(p) = parent_of(cur) {
            d += 1;
            cur = p;
            if d > pending.len() {
                break;
            }
        }
        depth[i] = d;
    }
    let max = depth.iter().copied().max().unwrap_or(0);
    (0..=max)
        .map(|d| pending.iter().zip(&depth).filter(|(_, &x)| x == d).map(|(&s, _)| s).collect::<Vec<_>>())
        .filter(|l| !l.is_empty())
        .collect()
}

/// `_collect_insert_commands` then `_emit_insert_statements` for some pending states of one mapper.
#[allow(clippy::too_many_arguments)]
fn insert_states<X: Executor>(
    orm: &mut Orm,
    sid: SessionId,
    mapper: &crate::mapper::Mapper,
    columns: &[String],
    pending: &[StateId],
    later: bool,
    work: &mut FlushWork,
    exec: &mut X,
    out: &mut Flushed,
) -> Result<(), FlushError<X::Error>> {
    let table = mapper.table.clone();
    let mut inserts: Vec<Record> = Vec::new();
    for &st in pending {
        let current = work.values.get(&st).cloned().unwrap_or_default();
        let mut params = Vec::new();
        for (i, name) in columns.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            let column = table.column(name);
            match current.get(i).cloned().flatten() {
                Some(Literal::None) | None if mapper.version == Some(i) => params.push((i, Literal::Int(1))),
                Some(Literal::None) | None => {
                    // `_insert_cols_as_none`: nullable columns with no default are sent as NULL
                    // (not JSON: its None is the JSON 'null', `should_evaluate_none`)
                    let as_none = column
                        .is_some_and(|c| !c.primary_key && c.server_default.is_none() && c.ty != retort_sql::types::SqlType::Json)
                        && !mapper.python_defaults.get(i).copied().unwrap_or(false);
                    if as_none {
                        params.push((i, Literal::None));
                    }
                }
                Some(v) => params.push((i, v)),
            }
        }
        inserts.push(Record { state: st, params });
    }
    let autoinc = mapper.autoincrement_pk();
    // columns the database fills: server defaults, and SQL expression
    // defaults rendered in the statement (both fetched back by RETURNING)
    let server_defaults: Vec<usize> = (0..columns.len())
        .filter(|&i| {
            !columns[i].is_empty()
                && (table.column(&columns[i]).is_some_and(|c| c.server_default.is_some())
                    || mapper.sql_defaults.get(i).is_some_and(Option::is_some))
        })
        .collect();
    let sql_defaults = |row: &[(usize, Literal)]| -> Vec<(usize, Expr)> {
        (0..columns.len())
            .filter(|i| !row.iter().any(|(a, _)| a == i))
            .filter(|&i| !columns[i].is_empty())
            .filter_map(|i| mapper.sql_defaults.get(i).cloned().flatten().map(|e| (i, e)))
            .collect()
    };
    // a row's VALUES in column order: its bound values and its SQL defaults
    let values_of = |row: &[(usize, Literal)]| -> Vec<(String, Expr)> {
        let mut items: Vec<(usize, Expr)> = row.iter().map(|(a, v)| (*a, Expr::Bind(v.clone()))).chain(sql_defaults(row)).collect();
        items.sort_by_key(|(a, _)| *a);
        items.into_iter().map(|(a, e)| (columns[a].clone(), e)).collect()
    };
    for group in consecutive(&inserts, |r| r.params.iter().map(|(a, _)| *a).collect::<Vec<_>>()) {
        let given: Vec<usize> = group[0].params.iter().map(|(a, _)| *a).collect();
        let has_all_pks = mapper.pk.iter().all(|i| given.contains(i));
        // defaults join each row's values
        let rows: Vec<Vec<(usize, Literal)>> = group
            .iter()
            .map(|r| {
                let mut row = r.params.clone();
                for (a, v) in work.defaults.get(&r.state).cloned().unwrap_or_default() {
                    if !given.contains(&a) && columns.get(a).is_some_and(|c| !c.is_empty()) {
                        row.push((a, v));
                    }
                }
                row.sort_by_key(|(a, _)| *a);
                row
            })
            .collect();
        let missing_server: Vec<usize> = server_defaults.iter().copied().filter(|i| !given.contains(i)).collect();
        // what a row's INSERT ... RETURNING fetches: the generated key, then the server defaults
        let fetched: Vec<usize> = mapper.pk.iter().copied().filter(|i| !given.contains(i)).chain(missing_server.iter().copied()).collect();
        let names = |attrs: &[usize]| -> Vec<String> { attrs.iter().map(|&i| columns[i].clone()).collect() };
        // insertmanyvalues with the keys given: RETURNING the server defaults then the key the rows are matched by
        let batched = rows.len() > 1 && has_all_pks && !missing_server.is_empty();
        let returning = if has_all_pks && missing_server.is_empty() {
            Vec::new()
        } else if batched {
            names(&missing_server.iter().chain(&mapper.pk).copied().collect::<Vec<_>>())
        } else if rows.len() > 1 || !missing_server.is_empty() {
            names(&fetched)
        } else {
            Vec::new()
        };
        let refused = refusal(work, group.iter());
        let statement = |returning: Vec<String>, row: &[(usize, Literal)]| {
            let mut values = values_of(row);
            if values.is_empty() && !returning.is_empty() {
                // a row of nothing in an insertmanyvalues batch: `(id) VALUES (NULL)`, not DEFAULT VALUES
                if let Some(&i) = mapper.pk.first() {
                    values.push((columns[i].clone(), Expr::Null));
                }
            }
            Insert {
                table: table.name.clone(),
                source: InsertSource::Values(vec![values]),
                returning,
                on_conflict: None,
                prefixes: Vec::new(),
            }
        };
        if let Some(refusal) = refused {
            let compiled = sql(compiler::insert(&statement(returning, &rows[0]), &table))?;
            let params = group
                .iter()
                .map(|r| r.params.iter().map(|(a, v)| (columns[*a].clone(), Some((r.state, *a)), v.clone())).collect())
                .collect();
            return Err(FlushError::Statement { refusal, sql: compiled.sql, params });
        }
        if has_all_pks && missing_server.is_empty() {
            // executemany, or one plain INSERT
            let compiled = sql(compiler::insert(&statement(Vec::new(), &rows[0]), &table))?;
            run_rows(exec, &compiled.sql, rows.iter().map(|r| ordered_params(&table, columns, r)).collect())?;
            for (r, row) in group.iter().zip(&rows) {
                finish_insert(orm, sid, r.state, row, &[], later, work, out);
            }
        } else if batched {
            // insertmanyvalues: every row's VALUES in one INSERT (1,000 a page)
            let pairs: Vec<(&Record, &Vec<(usize, Literal)>)> = group.iter().zip(&rows).collect();
            let pages = pairs.len().div_ceil(1000);
            for (n, page) in pairs.chunks(1000).enumerate() {
                let values = page.iter().map(|(_, row)| values_of(row)).collect();
                let insert = Insert {
                    table: table.name.clone(),
                    source: InsertSource::Values(values),
                    returning: returning.clone(),
                    on_conflict: None,
                    prefixes: Vec::new(),
                };
                let batch = Batch { num: n + 1, total: pages, downgraded: false, ordered: true };
                let result = exec.execute_batched(&sql(compiler::insert(&insert, &table))?, batch).map_err(FlushError::Database)?;
                for (r, row) in page {
                    let key: Vec<Literal> =
                        mapper.pk.iter().map(|i| row.iter().find(|(a, _)| a == i).map_or(Literal::None, |(_, v)| v.clone())).collect();
                    let returned = result.rows.iter().find(|ret| ret[missing_server.len()..] == key[..]).cloned().unwrap_or_default();
                    let got: Vec<(usize, Literal)> = missing_server.iter().copied().zip(returned).collect();
                    finish_insert(orm, sid, r.state, row, &got, later, work, out);
                }
            }
        } else if !returning.is_empty() {
            // RETURNING of a generated key or server defaults (the eager defaults), one
            // statement per row on SQLite; several rows are an insertmanyvalues batch
            for (n, (r, row)) in group.iter().zip(&rows).enumerate() {
                let compiled = sql(compiler::insert(&statement(returning.clone(), row), &table))?;
                let batch = Batch { num: n + 1, total: rows.len(), downgraded: true, ordered: true };
                let result = if rows.len() > 1 { exec.execute_batched(&compiled, batch) } else { exec.execute(&compiled) };
                let returned = result.map_err(FlushError::Database)?.rows.into_iter().next().unwrap_or_default();
                let got: Vec<(usize, Literal)> = fetched.iter().copied().zip(returned).collect();
                finish_insert(orm, sid, r.state, row, &got, later, work, out);
            }
        } else {
            let compiled = sql(compiler::insert(&statement(Vec::new(), &rows[0]), &table))?;
            let result = exec.execute(&compiled).map_err(FlushError::Database)?;
            let got: Vec<(usize, Literal)> = match autoinc {
                Some(i) if !given.contains(&i) => vec![(i, Literal::Int(result.last_insert_rowid))],
                _ => Vec::new(),
            };
            finish_insert(orm, sid, group[0].state, &rows[0], &got, later, work, out);
        }
    }
    Ok(())
}

/// One group of UPDATE rows: a statement, or an executemany; each must match one row.
fn emit_updates<X: Executor>(
    orm: &mut Orm,
    mapper: &crate::mapper::Mapper,
    columns: &[String],
    group: Vec<(Record, Vec<Literal>)>,
    work: &FlushWork,
    exec: &mut X,
) -> Result<(), FlushError<X::Error>> {
    let table = &mapper.table;
    let where_ = by_key(mapper);
    let update =
        Update { table: table.name.clone(), values: bind_row(columns, &group[0].0.params), ordered: false, where_, returning: Vec::new() };
    let compiled = sql(compiler::update(&update, table))?;
    if let Some(refusal) = refusal(work, group.iter().map(|(r, _)| r)) {
        // each row's new values, then its key as `table_column` (the WHERE's bind names)
        let params = group
            .iter()
            .map(|(r, key)| {
                let mut p: Vec<ShownParam> = r.params.iter().map(|(a, v)| (columns[*a].clone(), Some((r.state, *a)), v.clone())).collect();
                p.extend(mapper.pk.iter().zip(key).map(|(&i, v)| (format!("{}_{}", table.name, columns[i]), None, v.clone())));
                p
            })
            .collect();
        return Err(FlushError::Statement { refusal, sql: compiled.sql, params });
    }
    let rows: Vec<Vec<Literal>> = group
        .iter()
        .map(|(r, key)| {
            let mut row: Vec<Literal> = ordered_params(table, columns, &r.params);
            row.extend(key.iter().cloned());
            row
        })
        .collect();
    let expected = rows.len();
    let affected = run_rows(exec, &compiled.sql, rows)?;
    if affected != expected as u64 {
        return Err(FlushError::StaleData(format!(
            "UPDATE statement on table '{}' expected to update {expected} row(s); {affected} were matched.",
            table.name
        )));
    }
    for (r, _) in group {
        let mut row = vec![None; columns.len()];
        for (a, v) in r.params {
            row[a] = Some(v);
        }
        orm.updated(r.state, row);
    }
    Ok(())
}

/// The exception of a value of `records` a bind processor refused, if any.
fn refusal<'a>(work: &FlushWork, mut records: impl Iterator<Item = &'a Record>) -> Option<Refusal> {
    records.find_map(|r| r.params.iter().find_map(|(a, _)| work.refused.get(&(r.state, *a)).cloned()))
}

/// Records an inserted row: the session's bookkeeping and what the object must be told.
#[allow(clippy::too_many_arguments)]
fn finish_insert(
    orm: &mut Orm,
    sid: SessionId,
    st: StateId,
    row: &[(usize, Literal)],
    fetched: &[(usize, Literal)],
    later: bool,
    work: &FlushWork,
    out: &mut Flushed,
) {
    if later {
        // a subclass table's row: its values join the object's
        for (a, v) in row.iter().chain(fetched) {
            orm.states[st].committed[*a] = Some(v.clone());
        }
        return;
    }
    let mut committed = vec![Literal::None; orm.state(st).committed.len()];
    for (a, v) in row.iter().chain(fetched) {
        committed[*a] = v.clone();
    }
    let explicit = work.values.get(&st);
    for (a, v) in row.iter().chain(fetched) {
        let was_set = explicit.and_then(|vals| vals.get(*a)).is_some_and(|v| v.as_ref().is_some_and(|v| *v != Literal::None));
        if !was_set && !matches!(v, Literal::None) {
            out.set.push((st, *a, v.clone()));
        }
    }
    orm.inserted(sid, st, committed);
    out.inserted.push(st);
}

/// A relationship's `secondary` rows: deletes, then inserts, each one
/// statement or an executemany (`ManyToManyDP._run_crud`).
fn links<X: Executor>(
    orm: &mut Orm,
    relationship: RelationshipRef,
    delete: bool,
    work: &FlushWork,
    deleting: &HashSet<StateId>,
    exec: &mut X,
    out: &mut Flushed,
) -> Result<(), FlushError<X::Error>> {
    let mine: Vec<&Link> = work.links.iter().filter(|l| l.relationship == relationship).collect();
    if mine.is_empty() {
        return Ok(());
    }
    // a parent deleted in this flush (or its cascade, or an orphan) loses
    // its rows before its DELETE; others after the saves
    let phase: Vec<bool> = mine
        .iter()
        .map(|l| {
            let any_deleted = l.columns.iter().any(|(_, st, _)| deleting.contains(st) || orm.state(*st).status == Status::Deleted);
            if l.insert {
                !delete
            } else {
                any_deleted == delete
            }
        })
        .collect();
    for insert in [false, true] {
        let batch: Vec<&Link> = mine.iter().zip(&phase).filter(|(l, &p)| p && l.insert == insert).map(|(l, _)| *l).collect();
        let Some(first) = batch.first() else { continue };
        let table = &first.table;
        // the secondary table's column order, for VALUES and for WHERE alike
        let mut order: Vec<usize> = (0..first.columns.len()).collect();
        order.sort_by_key(|&i| table.columns.iter().position(|c| c.name == first.columns[i].0));
        let compiled = if insert {
            let row: Vec<(String, Expr)> = first.columns.iter().map(|(c, _, _)| (c.clone(), Expr::Bind(Literal::None))).collect();
            sql(compiler::insert(
                &Insert {
                    table: table.name.clone(),
                    source: InsertSource::Values(vec![row]),
                    returning: Vec::new(),
                    on_conflict: None,
                    prefixes: Vec::new(),
                },
                table,
            ))?
        } else {
            let where_: Vec<Expr> =
                order.iter().map(|&i| Expr::column(&table.name, &first.columns[i].0).compare(BinOp::Eq, placeholder())).collect();
            sql(compiler::delete(&Delete { table: table.name.clone(), where_, ..Delete::default() }))?
        };
        let mut rows: Vec<Vec<Literal>> = Vec::new();
        for l in &batch {
            let mut row = Vec::new();
            for &i in &order {
                row.push(value_of(orm, l.columns[i].1, l.columns[i].2, Some(work), exec, out)?);
            }
            rows.push(row);
        }
        run_rows(exec, &compiled.sql, rows)?;
    }
    Ok(())
}

/// `WHERE t.pk = ?` for each primary key column, the rows supplying the values.
fn by_key(mapper: &crate::mapper::Mapper) -> Vec<Expr> {
    // the primary key, then the version counter when the mapper has one
    mapper
        .pk
        .iter()
        .chain(mapper.version.iter())
        .map(|&i| Expr::column(&mapper.table.name, &mapper.attrs[i].column).compare(BinOp::Eq, placeholder()))
        .collect()
}

/// Runs `sql` for each row: one statement, or an executemany when there
/// are several (as SQLAlchemy's `cursor.executemany`); the rows it touched.
fn run_rows<X: Executor>(exec: &mut X, sql: &str, mut rows: Vec<Vec<Literal>>) -> Result<u64, FlushError<X::Error>> {
    if rows.len() > 1 {
        return exec.execute_many(sql, rows).map_err(FlushError::Database);
    }
    let one = Compiled { sql: sql.to_owned(), params: rows.pop().unwrap_or_default(), ..Compiled::default() };
    Ok(exec.execute(&one).map_err(FlushError::Database)?.rows_affected)
}

/// A `?` whose value each row supplies (a NULL literal would compare as `IS NULL`).
fn placeholder() -> Expr {
    Expr::Bind(Literal::Int(0))
}

/// Parameters of a row in the statement's order (the table's column order).
fn ordered_params(table: &Table, columns: &[String], params: &[(usize, Literal)]) -> Vec<Literal> {
    let mut p: Vec<&(usize, Literal)> = params.iter().collect();
    p.sort_by_key(|(a, _)| table.columns.iter().position(|c| c.name == columns[*a]));
    p.into_iter().map(|(_, v)| v.clone()).collect()
}

/// Consecutive runs of records with the same key (`itertools.groupby`).
fn consecutive<K: PartialEq>(records: &[Record], key: impl Fn(&Record) -> K) -> Vec<&[Record]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=records.len() {
        if i == records.len() || key(&records[i]) != key(&records[start]) {
            if i > start {
                out.push(&records[start..i]);
            }
            start = i;
        }
    }
    out
}

fn compare_keys(a: &[Option<Literal>], b: &[Option<Literal>], pk: &[usize]) -> std::cmp::Ordering {
    for &i in pk {
        let o = match (&a[i], &b[i]) {
            (Some(Literal::Int(x)), Some(Literal::Int(y))) => x.cmp(y),
            (Some(Literal::Str(x)), Some(Literal::Str(y))) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        };
        if o != std::cmp::Ordering::Equal {
            return o;
        }
    }
    std::cmp::Ordering::Equal
}

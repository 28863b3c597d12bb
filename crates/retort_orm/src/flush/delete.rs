//! The DELETEs of a flush (`persistence.delete_obj`): by primary key,
//! table by table (a joined-inheritance subclass's rows first), rows that
//! refer to each other on one table in the order their keys need.

use retort_sql::compiler;
use retort_sql::expr::{Delete, Literal};

use super::Executor;
use super::{by_key, compare_keys, run_rows, runs, value_of, FlushError, Flushed};
use crate::mapper::{Mapper, MapperId};
use crate::session::Orm;
use crate::state::{SessionId, StateId};

/// `persistence.delete_obj` for the mappers of one hierarchy (`m` its
/// base): table by table, the subclasses' first; in each, by primary key,
/// one statement or an executemany.
pub(super) fn delete_all<X: Executor>(
    orm: &mut Orm,
    sid: SessionId,
    m: MapperId,
    states: &[StateId],
    exec: &mut X,
    out: &mut Flushed,
) -> Result<(), FlushError<X::Error>> {
    if states.is_empty() {
        return Ok(());
    }
    let tables = orm.registry.hierarchy_tables(m);
    for (n, table) in tables.iter().enumerate().rev() {
        let mut states = states.to_vec();
        let pk_order = orm.registry.get(m).pk.clone();
        states.sort_by(|&a, &b| compare_keys(&orm.state(a).committed, &orm.state(b).committed, &pk_order));
        for (mapper, run) in runs(orm, table, &states) {
            delete_table(orm, sid, &mapper, run, n == 0, exec, out)?;
        }
    }
    Ok(())
}

/// The DELETEs of some states' rows in one table (`last`: the base's
/// table, after which the objects are deleted).
fn delete_table<X: Executor>(
    orm: &mut Orm,
    sid: SessionId,
    mapper: &Mapper,
    states: Vec<StateId>,
    last: bool,
    exec: &mut X,
    out: &mut Flushed,
) -> Result<(), FlushError<X::Error>> {
    let table = &mapper.table;
    let where_ = by_key(mapper);
    let compiled = compiler::delete(&Delete { table: table.name.clone(), where_, ..Delete::default() }).map_err(FlushError::Sql)?;
    for level in delete_levels(orm, mapper, states) {
        let mut rows: Vec<Vec<Literal>> = Vec::new();
        for &st in &level {
            let mut key = Vec::new();
            for &i in &mapper.pk {
                key.push(value_of(orm, st, i, None, exec, out)?);
            }
            if let Some(v) = mapper.version {
                key.push(orm.state(st).committed[v].clone().unwrap_or(Literal::None));
            }
            rows.push(key);
        }
        if mapper.version.is_some() {
            // versioned rows: one DELETE each, every one must match its row
            for row in rows {
                let affected = run_rows(exec, &compiled.sql, vec![row])?;
                if affected != 1 {
                    return Err(FlushError::StaleData(format!(
                        "DELETE statement on table '{}' expected to delete 1 row(s); {affected} were matched.",
                        table.name
                    )));
                }
            }
        } else {
            run_rows(exec, &compiled.sql, rows)?;
        }
        if last {
            for st in level {
                orm.deleted(sid, st);
                out.deleted.push(st);
            }
        }
    }
    Ok(())
}

/// The deletes of one mapper in the order rows referring to each other on
/// its own table need (a tree: children before their parent), level by
/// level, as SQLAlchemy's unit of work sorts a cycle's states: each level
/// is one DELETE (an executemany), its rows in key order. Without such a
/// foreign key: one level.
fn delete_levels(orm: &Orm, mapper: &Mapper, states: Vec<StateId>) -> Vec<Vec<StateId>> {
    // (foreign key attribute, the attribute it refers to) on the mapper's own table
    let index = |name: &str| mapper.attrs.iter().position(|a| a.column == name);
    let mut self_refs = Vec::new();
    for c in &mapper.table.columns {
        for fk in c.foreign_keys.iter().filter(|fk| fk.table == mapper.table.name) {
            if let (Some(from), Some(to)) = (index(&c.name), index(&fk.column)) {
                self_refs.push((from, to));
            }
        }
    }
    if self_refs.is_empty() || states.len() < 2 {
        return vec![states];
    }
    // who refers to whom, among the states deleted (by their loaded values)
    let refers = |a: StateId, b: StateId| {
        let (a, b) = (&orm.state(a).committed, &orm.state(b).committed);
        self_refs.iter().any(|&(from, to)| a[from].is_some() && a[from] == b[to])
    };
    let mut left = states;
    let mut levels = Vec::new();
    while !left.is_empty() {
        // deletable now: no remaining row refers to it
        let (now, later): (Vec<StateId>, Vec<StateId>) =
            left.iter().partition(|&&st| !left.iter().any(|&other| other != st && refers(other, st)));
        if now.is_empty() {
            // a cycle of references: the rest at once
            levels.push(later);
            break;
        }
        levels.push(now);
        left = later;
    }
    levels
}

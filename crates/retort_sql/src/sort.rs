//! The order `create_all` and `drop_all` visit tables in: mirrors
//! `sort_tables_and_constraints` over `util.topological.sort_as_subsets`:
//! layer by layer, each layer the tables whose foreign keys point only at
//! tables of earlier layers, in definition order. Self-references do not count.

use crate::schema::Table;
use crate::SqlError;

/// Tables in creation order (`drop_all` visits them reversed).
pub fn sort_tables(tables: &[Table]) -> Result<Vec<&Table>, SqlError> {
    let known: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    let mut todo: Vec<&Table> = tables.iter().collect();
    let mut sorted = Vec::with_capacity(tables.len());
    while !todo.is_empty() {
        let pending: Vec<&str> = todo.iter().map(|t| t.name.as_str()).collect();
        let (ready, rest): (Vec<&Table>, Vec<&Table>) =
            todo.iter().partition(|t| t.referenced_tables().all(|r| !pending.contains(&r) || !known.contains(&r)));
        if ready.is_empty() {
            let names: Vec<&str> = rest.iter().map(|t| t.name.as_str()).collect();
            // SQLAlchemy warns and breaks the cycle (its SAWarning about
            // unresolvable cycles); Retort does not model that yet.
            return Err(SqlError::NotSupported(format!("tables whose foreign keys form a cycle ({})", names.join(", "))));
        }
        sorted.extend(ready);
        todo = rest;
    }
    Ok(sorted)
}

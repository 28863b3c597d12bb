//! The order `create_all` and `drop_all` visit tables in: mirrors
//! `sort_tables_and_constraints` over `util.topological.sort_as_subsets`:
//! layer by layer, each layer the tables whose foreign keys point only at
//! tables of earlier layers, in definition order. Self-references do not
//! count. Foreign keys that form a cycle (two rows pointing at each other,
//! `post_update`'s case) cannot be sorted: as SQLAlchemy does, every table
//! on a cycle then has its foreign keys left out of the sort, and the caller
//! warns.

use crate::schema::Table;

/// Tables in creation order, and the names of the tables on foreign key
/// cycles (sorted; empty when there are none).
pub struct TableOrder<'a> {
    pub tables: Vec<&'a Table>,
    pub cycles: Vec<String>,
}

/// Tables in creation order (`drop_all` visits them reversed).
pub fn sort_tables(tables: &[Table]) -> TableOrder<'_> {
    let known: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    let deps = |t: &Table| -> Vec<String> { t.referenced_tables().filter(|r| known.contains(r)).map(str::to_owned).collect() };
    let mut edges: Vec<Vec<String>> = tables.iter().map(deps).collect();
    if let Some(sorted) = layers(tables, &edges) {
        return TableOrder { tables: sorted, cycles: Vec::new() };
    }
    let on_cycle: Vec<bool> = (0..tables.len()).map(|i| reaches(tables, &edges, i, &tables[i].name)).collect();
    for (i, cyclic) in on_cycle.iter().enumerate() {
        if *cyclic {
            edges[i].clear();
        }
    }
    let mut cycles: Vec<String> = tables.iter().zip(&on_cycle).filter(|(_, c)| **c).map(|(t, _)| t.name.clone()).collect();
    cycles.sort();
    let sorted = layers(tables, &edges).unwrap_or_else(|| tables.iter().collect());
    TableOrder { tables: sorted, cycles }
}

/// `sort_as_subsets` flattened; None when some tables wait on each other.
fn layers<'a>(tables: &'a [Table], edges: &[Vec<String>]) -> Option<Vec<&'a Table>> {
    let mut todo: Vec<usize> = (0..tables.len()).collect();
    let mut sorted = Vec::with_capacity(tables.len());
    while !todo.is_empty() {
        let pending: Vec<&str> = todo.iter().map(|&i| tables[i].name.as_str()).collect();
        let (ready, rest): (Vec<usize>, Vec<usize>) = todo.iter().partition(|&&i| edges[i].iter().all(|r| !pending.contains(&r.as_str())));
        if ready.is_empty() {
            return None;
        }
        sorted.extend(ready.iter().map(|&i| &tables[i]));
        todo = rest;
    }
    Some(sorted)
}

/// Whether following foreign keys from table `start` leads to the table named `goal`.
fn reaches(tables: &[Table], edges: &[Vec<String>], start: usize, goal: &str) -> bool {
    let mut seen = vec![false; tables.len()];
    let mut stack = vec![start];
    while let Some(i) = stack.pop() {
        for name in &edges[i] {
            if name == goal {
                return true;
            }
            if let Some(j) = tables.iter().position(|t| t.name == *name) {
                if !seen[j] {
                    seen[j] = true;
                    stack.push(j);
                }
            }
        }
    }
    false
}

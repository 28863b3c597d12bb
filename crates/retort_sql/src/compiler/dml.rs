//! INSERT, UPDATE and DELETE (SQLAlchemy's `visit_insert`, `visit_update`,
//! `visit_delete` and the dialects' multiple-table forms).

use super::*;

/// The statement's values in the table's column order, as SQLAlchemy orders them.
pub(super) fn in_table_order<'a>(table: &Table, values: &'a [(String, Expr)]) -> Result<Vec<&'a (String, Expr)>, SqlError> {
    for (name, _) in values {
        if table.column(name).is_none() {
            return Err(SqlError::Compile(format!("Unconsumed column names: {name}")));
        }
    }
    Ok(table.columns.iter().filter_map(|c| values.iter().find(|(n, _)| *n == c.name)).collect())
}

/// Mirrors `SQLCompiler.visit_insert`: one row or several of VALUES, or
/// `INSERT … SELECT`.
pub fn insert(insert: &Insert, table: &Table) -> Result<Compiled, SqlError> {
    insert_with(Writer::default(), insert, table)
}

/// `SQLCompiler._generate_prefixes`: each prefix and a space.
pub(super) fn prefixes(prefixes: &[String]) -> String {
    prefixes.iter().map(|p| format!("{p} ")).collect()
}

pub(super) fn insert_with(mut w: Writer, insert: &Insert, table: &Table) -> Result<Compiled, SqlError> {
    if let InsertSource::Values(rows) = &insert.source {
        if rows.len() == 1 && rows[0].is_empty() {
            // no column has a value: SQLite's form (`SQLiteCompiler` renders it so)
            w.sql += &format!("INSERT {}INTO {} DEFAULT VALUES", prefixes(&insert.prefixes), quote(&insert.table));
            w.returning(&insert.table, &insert.returning);
            return w.finish();
        }
    }
    w.sql += &format!("INSERT {}INTO {} (", prefixes(&insert.prefixes), quote(&insert.table));
    match &insert.source {
        InsertSource::Values(rows) => {
            let first = rows.first().ok_or_else(|| SqlError::Compile("an INSERT needs at least one row of values".into()))?;
            let names: Vec<&String> = in_table_order(table, first)?.into_iter().map(|(n, _)| n).collect();
            w.sql += &names.iter().map(|n| quote(n)).collect::<Vec<_>>().join(", ");
            w.sql += ") VALUES ";
            for (r, row) in rows.iter().enumerate() {
                if r > 0 {
                    w.sql += ", ";
                }
                w.sql.push('(');
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        w.sql += ", ";
                    }
                    let (_, value) = row.iter().find(|(n, _)| n == *name).ok_or_else(|| {
                        SqlError::Argument(format!("INSERT value for column {}.{name} is explicitly rendered as a boundparameter in the VALUES clause; a Python-side value or SQL expression is required", insert.table))
                    })?;
                    w.expr(value, None);
                }
                w.sql.push(')');
            }
        }
        InsertSource::Select { columns, select } => {
            w.sql += &columns.iter().map(|n| quote(n)).collect::<Vec<_>>().join(", ");
            w.sql += ") ";
            w.select(select, SelectContext::Top);
        }
    }
    if let Some(on_conflict) = &insert.on_conflict {
        w.on_conflict(on_conflict, table)?;
    }
    w.returning(&insert.table, &insert.returning);
    w.finish()
}

impl Writer {
    /// Mirrors `SQLiteCompiler.visit_on_conflict_do_nothing/_do_update`: the
    /// target's bare column names; SET in the table's column order, each
    /// value self-grouped (`qty = (stock.qty + excluded.qty)`).
    pub(super) fn on_conflict(&mut self, on_conflict: &OnConflict, table: &Table) -> Result<(), SqlError> {
        self.sql += " ON CONFLICT ";
        if !on_conflict.target.is_empty() {
            self.sql += &format!("({}) ", on_conflict.target.iter().map(|n| quote(n)).collect::<Vec<_>>().join(", "));
        }
        let Some(set) = &on_conflict.set else {
            self.sql += "DO NOTHING";
            return Ok(());
        };
        self.sql += "DO UPDATE SET ";
        let values = in_table_order(table, set)?;
        self.list(&values, ", ", |w, (name, value)| {
            w.sql += &quote(name);
            w.sql += " = ";
            w.expr(value, Some(i32::MAX));
        });
        self.where_clause(" WHERE ", &on_conflict.where_);
        Ok(())
    }
}

/// Mirrors `SQLCompiler.visit_update`: `SET col=value`, values grouped.
pub fn update(update: &Update, table: &Table) -> Result<Compiled, SqlError> {
    update_with(Writer::default(), update, table)
}

pub(super) fn update_with(mut w: Writer, update: &Update, table: &Table) -> Result<Compiled, SqlError> {
    let values = in_table_order(table, &update.values)?;
    let values = if update.ordered { update.values.iter().collect() } else { values };
    let extra = extra_froms(&update.table, update.where_.iter().chain(update.values.iter().map(|(_, v)| v)));
    // subqueries in SET and WHERE correlate to the tables being updated
    w.scopes.push(std::iter::once(FromName::Named(update.table.clone())).chain(extra.iter().cloned()).collect());
    let multi_table = !extra.is_empty() && w.dialect == Dialect::Mysql;
    if !extra.is_empty() && w.dialect == Dialect::Oracle {
        return Err(SqlError::Backend("This backend does not support multiple-table criteria within UPDATE".into()));
    }
    w.sql += &format!("UPDATE {}", quote(&update.table));
    if multi_table {
        // MySQLCompiler.update_tables_clause: the other tables beside it
        w.sql += ", ";
        w.list(&extra, ", ", |w, name| w.visit_from_name(name));
    }
    w.sql += " SET ";
    w.list(&values, ", ", |w, (name, value)| {
        if multi_table {
            w.sql += &format!("{}.", quote(&update.table));
        }
        w.sql += &quote(name);
        w.sql.push('=');
        // A SET value is self_group()ed against nothing: any operator gets parentheses.
        w.expr(value, Some(i32::MAX));
    });
    if !extra.is_empty() && !multi_table {
        // `update_from_clause` (SQLite's and the default dialect's: UPDATE..FROM)
        w.sql += " FROM ";
        w.list(&extra, ", ", |w, name| w.visit_from_name(name));
    }
    w.where_clause(" WHERE ", &update.where_);
    w.returning(&update.table, &update.returning);
    w.finish()
}

/// Mirrors `SQLCompiler.visit_delete`.
pub fn delete(delete: &Delete) -> Result<Compiled, SqlError> {
    delete_with(Writer::default(), delete)
}

pub(super) fn delete_with(mut w: Writer, delete: &Delete) -> Result<Compiled, SqlError> {
    // `_make_extra_froms`: using()'s items, then the tables the criteria name
    // that neither the table nor those items cover
    let mut extra: Vec<FromItem> = delete.using.clone();
    for name in extra_froms(&delete.table, delete.where_.iter()) {
        if !extra.iter().any(|f| f.covers(&name)) {
            extra.push(match name {
                FromName::AnonOf(id, table) => FromItem::AnonAlias { table, id },
                FromName::Named(n) => FromItem::table(&n),
                FromName::Anon(_) => continue,
            });
        }
    }
    let own = FromName::Named(delete.table.clone());
    w.scopes.push(std::iter::once(own.clone()).chain(extra.iter().flat_map(FromItem::names)).collect());
    w.sql += &format!("DELETE FROM {}", quote(&delete.table));
    if !extra.is_empty() {
        match w.dialect {
            // (SQLite's compiler has no `delete_extra_from_clause`)
            Dialect::Sqlite | Dialect::Oracle => {
                return Err(SqlError::Backend("This backend does not support multiple-table criteria within DELETE".into()))
            }
            // MySQLCompiler.delete_extra_from_clause: USING the table (unless
            // an item joins it) and the others
            Dialect::Mysql => {
                w.sql += " USING ";
                if !extra.iter().any(|f| f.covers(&own)) {
                    w.sql += &format!("{}, ", quote(&delete.table));
                }
            }
            Dialect::Postgresql => w.sql += " USING ",
            // the default dialect's `delete_extra_from_clause`
            Dialect::Default => w.sql += " , ",
        }
        w.list(&extra, ", ", Writer::visit_from_item);
    }
    w.where_clause(" WHERE ", &delete.where_);
    w.returning(&delete.table, &delete.returning);
    w.finish()
}

/// `DMLState._make_extra_froms`: the tables a DML statement's criteria (and
/// values) name besides its own table, in order.
pub(super) fn extra_froms<'a>(table: &str, exprs: impl Iterator<Item = &'a Expr>) -> Vec<FromName> {
    let mut named: Vec<&FromName> = Vec::new();
    for e in exprs {
        e.tables(&mut named);
    }
    let own = FromName::Named(table.to_owned());
    let mut out: Vec<FromName> = Vec::new();
    for name in named {
        if *name != own && !out.contains(name) && !matches!(name, FromName::Anon(_)) {
            out.push(name.clone());
        }
    }
    out
}

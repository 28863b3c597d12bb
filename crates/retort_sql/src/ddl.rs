//! DDL compiled to SQLAlchemy's exact SQLite text: mirrors `DDLCompiler`
//! (`visit_create_table`, `create_table_constraints`, `visit_create_index`,
//! `visit_drop_table`, `visit_drop_index`) and `SQLiteDDLCompiler.get_column_specification`.

use crate::quote::quote;
use crate::schema::{Column, Constraint, Index, PrimaryKey, ServerDefault, Table};

/// Mirrors `DDLCompiler.visit_create_table` on SQLite.
pub fn create_table(table: &Table) -> String {
    create_table_in(table, false)
}

/// `str(CreateTable(table))`: the default dialect's text (server defaults
/// as written, none put in parentheses).
pub fn create_table_generic(table: &Table) -> String {
    create_table_in(table, true)
}

fn create_table_in(table: &Table, generic: bool) -> String {
    let mut text = format!("\nCREATE TABLE {} (", quote(&table.name));
    let mut separator = "\n";
    for column in &table.columns {
        text += separator;
        separator = ", \n";
        text += "\t";
        text += &column_specification(column, generic);
    }
    let constraints = table_constraints(table, generic);
    if !constraints.is_empty() {
        text += separator;
        text += "\t";
        text += &constraints;
    }
    text + "\n)\n\n"
}

/// Mirrors `SQLiteDDLCompiler.get_column_specification` (no AUTOINCREMENT:
/// that needs `sqlite_autoincrement=True`, which is not modelled yet), or
/// with `generic` the default dialect's `DDLCompiler.get_column_specification`
/// (a server default as written, never in parentheses).
fn column_specification(column: &Column, generic: bool) -> String {
    let mut spec = format!("{} {}", quote(&column.name), column.ty);
    if let Some(default) = &column.server_default {
        let default = match default {
            ServerDefault::Literal(s) => format!("'{}'", s.replace('\'', "''")),
            ServerDefault::Sql(sql) => sql.clone(),
            ServerDefault::Expr { sqlite, generic: text } => (if generic { text } else { sqlite }).clone(),
        };
        // SQLite needs parentheses around a default that is an expression.
        let starts_quoted = default.trim_start().starts_with(['\'', '"', '(']);
        let has_non_word = default.chars().any(|c| !(c.is_alphanumeric() || c == '_'));
        if !generic && !starts_quoted && has_non_word {
            spec += &format!(" DEFAULT ({default})");
        } else {
            spec += &format!(" DEFAULT {default}");
        }
    }
    if !column.is_nullable() {
        spec += " NOT NULL";
    }
    for check in &column.checks {
        spec += &format!(" CHECK ({check})");
    }
    spec
}

/// Mirrors `DDLCompiler.create_table_constraints`: the primary key first,
/// then the others in creation order.
fn table_constraints(table: &Table, generic: bool) -> String {
    let mut parts = Vec::new();
    if !table.primary_key.columns.is_empty() {
        parts.push(primary_key(&table.primary_key));
    }
    let shown = table.constraints.iter().filter(|c| !(generic && matches!(c, Constraint::Check { sqlite_only: true, .. })));
    parts.extend(shown.map(constraint));
    parts.join(", \n\t")
}

fn preamble(name: &Option<String>) -> String {
    name.as_ref().map(|n| format!("CONSTRAINT {} ", quote(n))).unwrap_or_default()
}

fn column_list(columns: &[String]) -> String {
    columns.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ")
}

fn primary_key(pk: &PrimaryKey) -> String {
    format!("{}PRIMARY KEY ({})", preamble(&pk.name), column_list(&pk.columns))
}

fn constraint(constraint: &Constraint) -> String {
    match constraint {
        Constraint::Unique { name, columns } => format!("{}UNIQUE ({})", preamble(name), column_list(columns)),
        Constraint::Check { name, sqltext, .. } => format!("{}CHECK ({sqltext})", preamble(name)),
        Constraint::ForeignKey { name, columns, ref_table, ref_columns, ondelete, onupdate } => {
            let mut text = format!(
                "{}FOREIGN KEY({}) REFERENCES {} ({})",
                preamble(name),
                column_list(columns),
                quote(ref_table),
                column_list(ref_columns)
            );
            if let Some(action) = ondelete {
                text += &format!(" ON DELETE {action}");
            }
            if let Some(action) = onupdate {
                text += &format!(" ON UPDATE {action}");
            }
            text
        }
    }
}

/// Mirrors `DDLCompiler.visit_create_index`.
pub fn create_index(table: &Table, index: &Index) -> String {
    format!(
        "CREATE {}INDEX {} ON {} ({})",
        if index.unique { "UNIQUE " } else { "" },
        quote(&index.name),
        quote(&table.name),
        column_list(&index.columns)
    )
}

/// Mirrors `DDLCompiler.visit_drop_table`.
pub fn drop_table(table: &Table) -> String {
    format!("\nDROP TABLE {}", quote(&table.name))
}

/// Mirrors `DDLCompiler.visit_drop_index`.
pub fn drop_index(index: &Index) -> String {
    format!("\nDROP INDEX {}", quote(&index.name))
}

/// Mirrors alembic's `visit_add_column` on SQLite: `ALTER TABLE t ADD COLUMN spec`.
pub fn add_column(table: &str, column: &Column) -> String {
    format!("ALTER TABLE {} ADD COLUMN {}", quote(table), column_specification(column, false))
}

/// Mirrors alembic's `visit_drop_column`: SQLite's native `DROP COLUMN`.
pub fn drop_column(table: &str, column: &str) -> String {
    format!("ALTER TABLE {} DROP COLUMN {}", quote(table), quote(column))
}

/// Mirrors alembic's `visit_rename_table`.
pub fn rename_table(old: &str, new: &str) -> String {
    format!("ALTER TABLE {} RENAME TO {}", quote(old), quote(new))
}

/// Mirrors `SQLiteDialect.has_table`'s look-up: the statement run for
/// `schema` ("main" or "temp") to see whether `table` exists (rows = exists).
pub fn table_info_pragma(schema: &str, table: &str) -> String {
    format!("PRAGMA {schema}.table_info(\"{}\")", table.replace('"', "\"\""))
}

//! The schema: [`MetaData`] holding [`Table`]s of [`Column`]s, with their
//! constraints and indexes, built as SQLAlchemy builds them (column flags such
//! as `unique=True` or a `ForeignKey` become table constraints, in SQLAlchemy's
//! creation order).

use crate::types::SqlType;
use crate::SqlError;

/// A server-side default (`server_default=`), as DDL renders it.
#[derive(Clone, Debug, PartialEq)]
pub enum ServerDefault {
    /// A Python string: rendered as a quoted SQL literal.
    Literal(String),
    /// `text("...")` or a SQL expression already rendered: rendered as is.
    Sql(String),
    /// An expression whose text depends on the dialect (`func.now()`:
    /// CURRENT_TIMESTAMP on SQLite, `now()` in the default dialect's `str()`).
    Expr { sqlite: String, generic: String },
}

/// `ForeignKey("table.column", ondelete=..., onupdate=...)` on a column.
#[derive(Clone, Debug, PartialEq)]
pub struct ForeignKey {
    pub table: String,
    pub column: String,
    pub name: Option<String>,
    pub ondelete: Option<String>,
    pub onupdate: Option<String>,
}

impl ForeignKey {
    /// Parses the `"table.column"` target spec.
    pub fn to(spec: &str) -> Result<Self, SqlError> {
        let (table, column) =
            spec.rsplit_once('.').ok_or_else(|| SqlError::Argument(format!("Invalid foreign key column specification: {spec}")))?;
        Ok(ForeignKey { table: table.to_owned(), column: column.to_owned(), name: None, ondelete: None, onupdate: None })
    }
}

/// A column of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub ty: SqlType,
    pub primary_key: bool,
    /// `None`: SQLAlchemy's default (not null only for primary keys).
    pub nullable: Option<bool>,
    pub unique: bool,
    pub index: bool,
    pub foreign_keys: Vec<ForeignKey>,
    pub server_default: Option<ServerDefault>,
    /// Column-level CHECK constraints, as SQL text, rendered inline.
    pub checks: Vec<String>,
}

impl Column {
    pub fn new(name: &str, ty: SqlType) -> Self {
        Column {
            name: name.to_owned(),
            ty,
            primary_key: false,
            nullable: None,
            unique: false,
            index: false,
            foreign_keys: Vec::new(),
            server_default: None,
            checks: Vec::new(),
        }
    }

    /// Whether the column accepts NULL, with SQLAlchemy's default.
    pub fn is_nullable(&self) -> bool {
        self.nullable.unwrap_or(!self.primary_key)
    }
}

/// A table-level constraint other than the primary key.
#[derive(Clone, Debug, PartialEq)]
pub enum Constraint {
    Unique {
        name: Option<String>,
        columns: Vec<String>,
    },
    Check {
        name: Option<String>,
        sqltext: String,
        /// Rendered for SQLite only, not by the default dialect's `str()`
        /// (Boolean's `create_constraint`: the default dialect has native booleans).
        sqlite_only: bool,
    },
    ForeignKey {
        name: Option<String>,
        columns: Vec<String>,
        ref_table: String,
        ref_columns: Vec<String>,
        ondelete: Option<String>,
        onupdate: Option<String>,
    },
}

/// The table's primary key (`PrimaryKeyConstraint`, explicit or implied by columns).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrimaryKey {
    pub name: Option<String>,
    pub columns: Vec<String>,
}

/// `Index(name, *columns, unique=...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub name: String,
    pub columns: Vec<String>,
    pub unique: bool,
}

/// What may follow the columns in `Table(name, metadata, *columns, *args)`.
#[derive(Clone, Debug, PartialEq)]
pub enum TableArg {
    Constraint(Constraint),
    PrimaryKey(PrimaryKey),
    Index(Index),
}

/// A table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub primary_key: PrimaryKey,
    /// In SQLAlchemy's creation order (`Table._sorted_constraints`).
    pub constraints: Vec<Constraint>,
    pub indexes: Vec<Index>,
}

impl Table {
    /// Mirrors `Table.__init__`: explicit arguments are created before the
    /// table, so they come first; then each column in order adds what its
    /// flags imply: an index (`index=True`, unique if also `unique=True`),
    /// else a unique constraint, then a foreign key constraint per ForeignKey.
    pub fn new(name: &str, columns: Vec<Column>, args: Vec<TableArg>) -> Self {
        let mut table =
            Table { name: name.to_owned(), columns, primary_key: PrimaryKey::default(), constraints: Vec::new(), indexes: Vec::new() };
        let mut explicit_pk = None;
        for arg in args {
            match arg {
                TableArg::Constraint(c) => table.constraints.push(c),
                TableArg::PrimaryKey(pk) => explicit_pk = Some(pk),
                TableArg::Index(index) => table.indexes.push(index),
            }
        }
        for column in &table.columns {
            if column.index {
                table.indexes.push(Index {
                    name: format!("ix_{}_{}", table.name, column.name),
                    columns: vec![column.name.clone()],
                    unique: column.unique,
                });
            } else if column.unique {
                table.constraints.push(Constraint::Unique { name: None, columns: vec![column.name.clone()] });
            }
            for fk in &column.foreign_keys {
                table.constraints.push(Constraint::ForeignKey {
                    name: fk.name.clone(),
                    columns: vec![column.name.clone()],
                    ref_table: fk.table.clone(),
                    ref_columns: vec![fk.column.clone()],
                    ondelete: fk.ondelete.clone(),
                    onupdate: fk.onupdate.clone(),
                });
            }
        }
        table.primary_key = match explicit_pk {
            Some(pk) => {
                for column in &mut table.columns {
                    column.primary_key |= pk.columns.contains(&column.name);
                }
                pk
            }
            None => PrimaryKey { name: None, columns: table.columns.iter().filter(|c| c.primary_key).map(|c| c.name.clone()).collect() },
        };
        table
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The tables this one's foreign keys point at, itself excluded.
    pub fn referenced_tables(&self) -> impl Iterator<Item = &str> {
        self.constraints.iter().filter_map(move |c| match c {
            Constraint::ForeignKey { ref_table, .. } if *ref_table != self.name => Some(ref_table.as_str()),
            _ => None,
        })
    }
}

/// `MetaData`: tables by name, in the order they were defined.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MetaData {
    tables: Vec<Table>,
}

impl MetaData {
    pub fn new() -> Self {
        MetaData::default()
    }

    /// Adds a table; SQLAlchemy refuses a second definition of the same name.
    pub fn add(&mut self, table: Table) -> Result<(), SqlError> {
        if self.table(&table.name).is_some() {
            return Err(SqlError::Argument(format!(
                "Table '{}' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object.",
                table.name
            )));
        }
        self.tables.push(table);
        Ok(())
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// Tables in definition order (`MetaData.tables.values()`).
    pub fn tables(&self) -> &[Table] {
        &self.tables
    }

    /// Checks that every foreign key names an existing table and column,
    /// as SQLAlchemy does when it first resolves them (at `create_all`).
    pub fn resolve_foreign_keys(&self) -> Result<(), SqlError> {
        for table in &self.tables {
            for column in &table.columns {
                for fk in &column.foreign_keys {
                    let Some(target) = self.table(&fk.table) else {
                        return Err(SqlError::NoReferencedTable {
                            column: format!("{}.{}", table.name, column.name),
                            table: fk.table.clone(),
                            target: fk.column.clone(),
                        });
                    };
                    if target.column(&fk.column).is_none() {
                        return Err(SqlError::NoReferencedColumn {
                            spec: format!("{}.{}", fk.table, fk.column),
                            table: table.name.clone(),
                            target_table: fk.table.clone(),
                            target_column: fk.column.clone(),
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

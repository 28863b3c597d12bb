//! Mappers: a mapped class's table, its column attributes and primary key,
//! and the relationships that order a flush.

use std::rc::Rc;

use retort_sql::schema::Table;

/// Index of a mapper in its [`Registry`].
pub type MapperId = usize;

/// A column attribute (`mapped_column`, `Column`): the attribute's key and its column.
#[derive(Clone, Debug)]
pub struct ColumnAttr {
    pub key: String,
    pub column: String,
}

/// How a relationship's foreign key runs, which decides what a flush must
/// do first (SQLAlchemy's dependency processors).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The foreign key is on the target's table (`Author.posts`).
    OneToMany,
    /// The foreign key is on this mapper's table (`Post.author`).
    ManyToOne,
    /// Rows of a `secondary` table link the two.
    ManyToMany,
}

/// A relationship, as far as ordering a flush needs it.
#[derive(Clone, Debug)]
pub struct Relationship {
    pub key: String,
    pub target: MapperId,
    pub direction: Direction,
    /// `post_update=True`: the foreign key is written by a second UPDATE
    /// after both rows exist (and cleared by one before either is deleted),
    /// so two rows can point at each other.
    pub post_update: bool,
}

/// A table a mapped class's rows are saved in, with the column each
/// attribute has there (joined inheritance spans several: the base's
/// table, then each subclass's).
#[derive(Clone, Debug, PartialEq)]
pub struct MappedTable {
    pub table: Rc<Table>,
    /// Per attribute of the mapper: its column in this table, if it has one.
    pub columns: Vec<Option<String>>,
}

/// A mapped class.
#[derive(Clone, Debug)]
pub struct Mapper {
    /// The class's qualified name, `__main__.User`: ties in a flush's order are broken by it.
    pub sort_key: String,
    pub table: Rc<Table>,
    /// Column attributes in the table's column order.
    pub attrs: Vec<ColumnAttr>,
    /// Indexes into `attrs` of the primary key columns, in the primary key's order.
    pub pk: Vec<usize>,
    /// Per attribute: whether its column has a Python-side default (`default=`).
    pub python_defaults: Vec<bool>,
    /// Per attribute: a SQL expression default (`default=func.now()`),
    /// rendered in the INSERT and fetched back by its RETURNING.
    pub sql_defaults: Vec<Option<retort_sql::expr::Expr>>,
    pub relationships: Vec<Relationship>,
    /// The attribute of `version_id_col`: 1 on INSERT, incremented by each
    /// UPDATE, checked by UPDATEs and DELETEs (a stale row raises).
    pub version: Option<usize>,
    /// The mapper this one inherits from (`None`: it inherits nothing).
    pub inherits: Option<MapperId>,
    /// The tables its rows are saved in, the base's first (`table` is the
    /// first); one unless it is a joined-inheritance subclass.
    pub tables: Vec<MappedTable>,
}

impl Mapper {
    /// Builds a mapper over `table`, one attribute per `(key, column)`.
    pub fn new(sort_key: &str, table: Rc<Table>, attrs: Vec<ColumnAttr>) -> Mapper {
        let mut pk: Vec<usize> = Vec::new();
        for name in &table.primary_key.columns {
            if let Some(i) = attrs.iter().position(|a| a.column == *name) {
                pk.push(i);
            }
        }
        let python_defaults = vec![false; attrs.len()];
        let sql_defaults = vec![None; attrs.len()];
        let tables = vec![MappedTable { table: table.clone(), columns: attrs.iter().map(|a| Some(a.column.clone())).collect() }];
        Mapper {
            sort_key: sort_key.to_owned(),
            table,
            attrs,
            pk,
            python_defaults,
            sql_defaults,
            relationships: Vec::new(),
            version: None,
            inherits: None,
            tables,
        }
    }

    /// Makes this mapper inherit from `parent` (whose attributes come first,
    /// at the same indexes), its rows saved in `tables`, the base's first.
    pub fn inherit(&mut self, parent: MapperId, tables: Vec<MappedTable>) {
        self.inherits = Some(parent);
        if let Some(first) = tables.first() {
            self.table = first.table.clone();
            self.pk = first
                .table
                .primary_key
                .columns
                .iter()
                .filter_map(|name| first.columns.iter().position(|c| c.as_deref() == Some(name)))
                .collect();
        }
        self.tables = tables;
    }

    /// The column of attribute `i` (in the first table holding it).
    pub fn column_of(&self, i: usize) -> Option<&retort_sql::schema::Column> {
        self.tables.iter().find_map(|t| t.table.column(t.columns.get(i)?.as_deref()?))
    }

    /// This mapper as saved in one of its tables: the attributes without a
    /// column there have an empty column name, the primary key is that
    /// table's.
    pub fn for_table(&self, name: &str) -> Option<Mapper> {
        let t = self.tables.iter().find(|t| t.table.name == name)?;
        let mut m = self.clone();
        m.table = t.table.clone();
        for (i, a) in m.attrs.iter_mut().enumerate() {
            a.column = t.columns.get(i).cloned().flatten().unwrap_or_default();
        }
        m.pk = t.table.primary_key.columns.iter().filter_map(|name| m.attrs.iter().position(|a| a.column == *name)).collect();
        m.version = m.version.filter(|&v| !m.attrs[v].column.is_empty());
        m.tables = vec![t.clone()];
        Some(m)
    }

    /// The attributes and columns this mapper saves in the table, for
    /// comparing two mappers' rows of it.
    pub fn layout_in(&self, name: &str) -> Vec<(usize, String)> {
        let Some(t) = self.tables.iter().find(|t| t.table.name == name) else { return Vec::new() };
        t.columns.iter().enumerate().filter_map(|(i, c)| Some((i, c.clone()?))).collect()
    }

    /// The attribute index of a column.
    pub fn attr_of_column(&self, column: &str) -> Option<usize> {
        self.attrs.iter().position(|a| a.column == column)
    }

    /// Whether the primary key is one integer column SQLite fills in itself.
    pub fn autoincrement_pk(&self) -> Option<usize> {
        match self.pk[..] {
            [i] => {
                let column = self.table.column(&self.attrs[i].column)?;
                column.ty.is_integer().then_some(i)
            }
            _ => None,
        }
    }
}

/// Every mapper of a run.
#[derive(Default, Debug)]
pub struct Registry {
    pub mappers: Vec<Mapper>,
}

impl Registry {
    pub fn add(&mut self, mapper: Mapper) -> MapperId {
        self.mappers.push(mapper);
        self.mappers.len() - 1
    }

    pub fn get(&self, id: MapperId) -> &Mapper {
        &self.mappers[id]
    }

    /// The base of a mapper's hierarchy (itself when it inherits nothing):
    /// identity keys and the flush's save and delete actions go by it.
    pub fn base(&self, mut id: MapperId) -> MapperId {
        while let Some(parent) = self.mappers[id].inherits {
            id = parent;
        }
        id
    }

    /// The tables of a hierarchy's rows, in the order the flush saves them
    /// (the base's, then each subclass's as mapped).
    pub fn hierarchy_tables(&self, base: MapperId) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (id, m) in self.mappers.iter().enumerate() {
            if self.base(id) == base {
                for t in &m.tables {
                    if !out.contains(&t.table.name) {
                        out.push(t.table.name.clone());
                    }
                }
            }
        }
        out
    }
}

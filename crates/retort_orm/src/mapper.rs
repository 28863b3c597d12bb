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
        Mapper { sort_key: sort_key.to_owned(), table, attrs, pk, python_defaults, sql_defaults, relationships: Vec::new(), version: None }
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
}

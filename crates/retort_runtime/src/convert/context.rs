//! The state of one conversion (SQLAlchemy's compiler state for one
//! compile): passed explicitly through the expression and statement
//! converters, so nothing of one statement leaks into the next.

use retort_python::Value;
use retort_sql::expr::FromName;

/// What converting one statement reads and collects.
#[derive(Default)]
pub struct Conversion {
    /// Compiling to show a statement (`str()`, `compile()`): a `bindparam()`
    /// without a value is no error, and `extract()` of any field renders.
    pub lenient: bool,
    /// The parameters the statement is executed with, for `bindparam("name")`.
    bind_values: Vec<(String, Value)>,
    /// The CTEs and subqueries a SELECT's expressions referred to (one list
    /// per SELECT being converted, innermost last), which become its FROM items.
    pub(super) cte_scopes: Vec<Vec<(FromName, Value)>>,
    /// The names of CTEs whose bodies are converting, so a recursive
    /// reference only names its CTE.
    pub(super) declaring: Vec<String>,
}

impl Conversion {
    /// A conversion for executing (`lenient`: for showing) a statement.
    pub fn new(lenient: bool) -> Conversion {
        Conversion { lenient, ..Conversion::default() }
    }

    /// Sets the execution parameters `bindparam()`s without a value take.
    pub fn set_bind_values(&mut self, pairs: Vec<(Value, Value)>) {
        // (a key that is not a name, such as a Column, names no bind parameter:
        // SQLAlchemy looks its parameters up by name)
        self.bind_values = pairs.into_iter().filter_map(|(k, v)| k.as_str().map(|s| (s.to_owned(), v))).collect();
    }

    /// Notes a FROM item an expression of the SELECT being converted refers
    /// to (a CTE, subquery or table-valued function named by a column): it
    /// becomes one of the SELECT's FROM items, once.
    pub(super) fn refers_to(&mut self, name: &FromName, item: &Value) {
        if let Some(scope) = self.cte_scopes.last_mut() {
            if !scope.iter().any(|(n, _)| n == name) {
                scope.push((name.clone(), item.clone()));
            }
        }
    }

    /// The execution's value of `bindparam(key)`, if it gave one.
    pub(super) fn bind_value(&self, key: &str) -> Option<Value> {
        self.bind_values.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

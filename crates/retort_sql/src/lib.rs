//! SQLAlchemy Core's schema and SQLite compiler, in Rust.
//!
//! Owns: the schema ([`schema`]: MetaData, Table, Column, constraints,
//! indexes), the generic and upper-case SQL types ([`types`]), identifier
//! quoting ([`quote`]), DDL compiled to SQLAlchemy 2.1's exact SQLite text
//! ([`ddl`]) and the order `create_all`/`drop_all` visit tables in ([`sort`]).
//!
//! Invariants: no I/O (running statements is the engine's and the runtime's
//! business); knows no ORM and no Python; every rendering mirrors a named
//! SQLAlchemy function, and its tests compare with SQL that real SQLAlchemy
//! emitted (the oracle traces under `tests/oracle/`).

pub mod compiler;
pub mod ddl;
pub mod error;
pub mod expr;
pub mod naming;
pub mod process;
pub mod quote;
pub mod schema;
pub mod sort;
pub mod text;
pub mod types;
pub mod value;

pub use error::SqlError;

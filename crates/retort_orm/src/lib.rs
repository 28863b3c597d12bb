//! SQLAlchemy's ORM core, in Rust and without Python: what a mapped class
//! maps to ([`mapper`]), the identity of a row ([`identity`]), the life of a
//! mapped object ([`state`]), the session's identity map and transaction
//! bookkeeping ([`session`]), and the unit of work that turns a session's
//! changes into INSERT, UPDATE and DELETE statements in SQLAlchemy's order
//! ([`flush`]), and loading: a row's state found in the identity map or
//! made new, and the SELECT that loads an object by key ([`loading`]).
//!
//! What stays Python (`crates/retort_runtime/python/sqlalchemy/orm/`):
//! declarative scanning, attribute instrumentation and history,
//! collections and backrefs, relationship configuration, building the
//! Python object of a loaded state, the loaders' queries, and the
//! `Session` and `Query` APIs.
//!
//! Invariants: objects are opaque to this crate (a [`state::StateId`] each;
//! the host keeps the objects and their current attribute values and hands
//! them over at flush time); values are SQL-level [`Literal`]s, already
//! processed by the column types; SQL text comes from `retort_sql`; no I/O
//! except through the [`flush::Executor`] the host provides.

pub mod flush;
pub mod identity;
pub mod loading;
pub mod mapper;
pub mod session;
pub mod state;

pub use retort_sql::expr::Literal;

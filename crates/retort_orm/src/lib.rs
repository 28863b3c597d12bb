//! SQLAlchemy's ORM core, in Rust and without Python: what a mapped class
//! maps to ([`mapper`]), the identity of a row ([`identity`]), the life of a
//! mapped object ([`state`]), the session's identity map and transaction
//! bookkeeping ([`session`]), and the unit of work that turns a session's
//! changes into INSERT, UPDATE and DELETE statements in SQLAlchemy's order
//! ([`flush`]), plus the SELECTs that load objects ([`loading`]).
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

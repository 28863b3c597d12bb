//! The engine adapter: Retort's only door to the SQL engine.
//!
//! Owns: opening an in-memory database ([`limbo`], over the crate `turso_core`),
//! running one statement with positional parameters ([`Backend`]), the typed
//! values that cross the door ([`Value`]), and the SQL log ([`log`]) that every
//! later panel and the oracle trace are built from.
//!
//! Invariants:
//! - No other crate names `turso_core`: everything above speaks [`Backend`],
//!   [`Connection`] and [`Value`].
//! - Every statement that reaches the engine passes through
//!   [`Connection::execute`] or [`Connection::execute_many`], which records one
//!   [`log::Event`] for it, error or not. (The one exception is
//!   [`DirectStatement`], the benchmarks' measure of the engine on its own.)
//! - The same code runs natively and on `wasm32-unknown-unknown`; the clock comes
//!   from `web-time`, which reads the JS clock in a browser.
//! - Foreign keys are off, as in SQLite and SQLAlchemy, until a script turns them on.

//!
//! Feature `limbo` (default) is the engine itself; without it the crate is
//! only the types above, which is what the page (as opposed to the worker) needs.

mod backend;
mod connection;
pub mod console;
mod error;
#[cfg(feature = "limbo")]
mod limbo;
pub mod log;
pub mod mentions;
#[cfg(feature = "limbo")]
mod script;
pub mod snapshot;
mod trivia;
mod value;

pub use backend::{Backend, Outcome};
pub use connection::Connection;
pub use error::{EngineError, ErrorKind};
#[cfg(feature = "limbo")]
pub use limbo::{DirectStatement, Limbo};
#[cfg(feature = "limbo")]
pub use script::split_statements;
pub use value::Value;

/// Opens a fresh in-memory database on Limbo with an empty SQL log.
#[cfg(feature = "limbo")]
pub fn open_in_memory() -> Result<Connection<Limbo>, EngineError> {
    Ok(Connection::new(Limbo::open_in_memory()?))
}

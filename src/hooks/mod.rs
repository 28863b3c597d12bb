//! The page's side effects as custom hooks, so components render and hooks
//! do I/O: the engine worker ([`engine`]), embed mode's `postMessage` API
//! ([`embed`]) and the editor's marks ([`editor_marks`]).

mod editor_marks;
mod embed;
mod engine;

pub use editor_marks::use_editor_marks;
pub use embed::use_embed_api;
pub use engine::{use_engine, use_requests};

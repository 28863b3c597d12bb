//! Retort's web app: the page (Yew components that render state) and the Web
//! Worker that owns the engine. The page never touches the database; the two
//! talk through the typed messages of [`protocol`].
//!
//! Modules: [`protocol`] (page ↔ worker messages), [`state`] (the page's
//! reducer, pure and tested natively), [`share`] (share links), [`revisions`] (the
//! Migrations panel's scripts), [`language`]
//! (Python or SQL in the editor); in the browser only: `components`
//! (one component per file, rendering), `hooks` (the page's side effects as
//! custom hooks), `engine_client` (spawns, feeds and stops the worker),
//! `editor` (the CodeMirror binding) and `worker` (the worker's side).

pub mod embed;
pub mod er;
pub mod examples;
pub mod language;
pub mod protocol;
pub mod revisions;
pub mod share;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod clipboard;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod editor;
#[cfg(target_arch = "wasm32")]
pub mod engine_client;
#[cfg(target_arch = "wasm32")]
pub mod files;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
pub mod worker;

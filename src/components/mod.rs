//! The page's components, one per file, each with its `Props` above it.
//! They render [`crate::state::AppState`]; I/O lives in [`crate::engine_client`].

mod app;
mod editor_pane;
mod error_panel;
mod results;
mod toolbar;

pub use app::App;

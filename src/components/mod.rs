//! The page's components, one per file, each with its `Props` above it.
//! They render [`crate::state::AppState`]; I/O lives in [`crate::engine_client`].

mod app;
mod database;
mod editor_pane;
mod error_panel;
mod graph;
mod migrations;
mod output;
mod results;
mod rows_table;
mod session;
mod splitter;
mod sql_log;
mod timeline;
mod toolbar;

pub use app::App;

//! Minifies the Python modules this crate embeds (`src/modules/py/*.py`) into
//! `$OUT_DIR/py/`, where `py_source!` includes them from (see `pymin.rs`).

#[path = "pymin.rs"]
mod pymin;

fn main() {
    println!("cargo:rerun-if-changed=pymin.rs");
    pymin::minify_dir("src/modules/py");
}

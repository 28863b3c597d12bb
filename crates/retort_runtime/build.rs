//! Minifies the Python modules this crate embeds (`src/py/*.py`) into
//! `$OUT_DIR/py/`, where `py_source!` includes them from (see `pymin.rs`).

#[path = "../retort_python/pymin.rs"]
mod pymin;

fn main() {
    println!("cargo:rerun-if-changed=../retort_python/pymin.rs");
    pymin::minify_dir("src/py");
}

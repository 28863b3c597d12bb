//! Minifies the Python modules this crate embeds (`src/modules/py/*.py`) into
//! `$OUT_DIR/py/`, where `py_source!` includes them from (see `pymin.rs`).

#[path = "pymin.rs"]
mod pymin;

fn main() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("py");
    std::fs::create_dir_all(&out).expect("OUT_DIR/py");
    println!("cargo:rerun-if-changed=src/modules/py");
    println!("cargo:rerun-if-changed=pymin.rs");
    for entry in std::fs::read_dir("src/modules/py").expect("src/modules/py") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "py") {
            let source = std::fs::read_to_string(&path).expect("a module's source");
            std::fs::write(out.join(path.file_name().expect("a name")), pymin::minify(&source)).expect("written");
        }
    }
}

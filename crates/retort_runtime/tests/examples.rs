//! Every Python example of the playground's Examples menu
//! (`static/examples/NN_topic.py`) runs without an error and prints what
//! real SQLAlchemy prints for the public oracle case of the same number
//! (`tests/oracle/public/NN_*.trace.json`): the examples are those cases
//! with comments on what to look at. An example with no public case of its
//! number (13, the Migrations panel's) prints what its own recorded trace
//! beside it in `tests/oracle/examples` says.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_example_prints_what_sqlalchemy_prints() {
    let mut examples: Vec<PathBuf> = std::fs::read_dir(root().join("static/examples"))
        .expect("the examples")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 12, "only {} examples", examples.len());
    let traces: Vec<PathBuf> = std::fs::read_dir(root().join("tests/oracle/public"))
        .expect("the public cases")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".trace.json"))
        .collect();
    for example in examples {
        let name = example.file_name().unwrap().to_string_lossy().to_string();
        let number = &name[..3];
        let own = root().join("tests/oracle/examples").join(name.replace(".py", ".trace.json"));
        let trace = traces.iter().find(|t| t.file_name().unwrap().to_string_lossy().starts_with(number)).cloned().unwrap_or(own);
        let want: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(trace).unwrap()).unwrap();
        let source = std::fs::read_to_string(&example).unwrap();
        if let Ok(recorded) = std::fs::read_to_string(root().join("tests/oracle/examples").join(&name)) {
            assert_eq!(recorded, source, "{name}: record tests/oracle/examples again after changing the example");
        }
        let (stdout, error) = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || {
                let (result, _) = retort_runtime::run(&source, retort_python::Budget::default());
                (result.stdout, result.error.map(|e| e.traceback))
            })
            .unwrap()
            .join()
            .expect("no panic");
        assert_eq!(error, None, "{name}");
        assert_eq!(stdout, want["stdout"].as_str().unwrap(), "{name}");
    }
}

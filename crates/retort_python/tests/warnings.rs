//! `warnings.warn` writes CPython's two lines to stderr: the script line it
//! points at (`main.py:3: UserWarning: ...`) and that line's text; once per
//! message and line; the categories CPython ignores by default stay quiet,
//! and filters ignore or raise.

fn stderr_of(source: &str) -> String {
    let r = retort_python::run(source);
    assert!(r.error.is_none(), "{:?}", r.error.map(|e| e.traceback));
    r.stderr
}

#[test]
fn a_warning_names_its_line_once() {
    let src = "import warnings\nfor i in range(3):\n    warnings.warn('careful')\nwarnings.warn('careful')\n";
    assert_eq!(
        stderr_of(src),
        "main.py:3: UserWarning: careful\n  warnings.warn('careful')\nmain.py:4: UserWarning: careful\n  warnings.warn('careful')\n"
    );
}

#[test]
fn categories_and_filters() {
    let src = "import warnings\n\
               warnings.warn('later', PendingDeprecationWarning)\n\
               warnings.warn('old', DeprecationWarning)\n\
               warnings.simplefilter('ignore', RuntimeWarning)\n\
               warnings.warn('hidden', RuntimeWarning)\n\
               warnings.simplefilter('error')\n\
               try:\n    warnings.warn('raised')\nexcept UserWarning as e:\n    print('caught', e)\n";
    let r = retort_python::run(src);
    assert_eq!(r.stdout, "caught raised\n");
    assert_eq!(r.stderr, "main.py:3: DeprecationWarning: old\n  warnings.warn('old', DeprecationWarning)\n");
}

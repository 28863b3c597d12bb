//! Budgets and bad input: runaway scripts end with a clear error, and any
//! text at all gives an error instead of a panic or a hang.

use retort_python::{Budget, ErrorInfo, Interpreter};

fn run_with(source: &str, budget: Budget) -> (String, Option<ErrorInfo>) {
    let source = source.to_owned();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let r = Interpreter::new(budget).run(&source);
            (r.stdout, r.error)
        })
        .expect("a thread")
        .join()
        .expect("no panic")
}

fn error_of(source: &str, budget: Budget) -> ErrorInfo {
    run_with(source, budget).1.unwrap_or_else(|| panic!("{source:?} should fail"))
}

#[test]
fn the_step_budget_ends_an_infinite_loop_and_cannot_be_caught() {
    let budget = Budget { steps: 100_000, ..Budget::default() };
    let src = "print('start')\nwhile True:\n    try:\n        pass\n    except BaseException:\n        pass\n";
    let (out, e) = run_with(src, budget);
    let e = e.expect("the budget ends it");
    assert_eq!(out, "start\n");
    assert_eq!(e.type_name, "TimeoutError");
    assert!(e.message.contains("step budget"), "{}", e.message);
    assert!(matches!(e.line, Some(2..=6)), "the loop line, not {:?}: {}", e.line, e.traceback);
}

#[test]
fn the_memory_budget_refuses_huge_objects() {
    for src in ["x = [0] * 10**10", "s = 'x' * 10**12", "s = 'ab'\nwhile True:\n    s = s + s", "n = 10 ** (10 ** 12)"] {
        let e = error_of(src, Budget { memory: 32 << 20, ..Budget::default() });
        assert_eq!(e.type_name, "MemoryError", "{src}: {}", e.message);
        assert!(e.message.contains("memory budget"), "{}", e.message);
    }
}

#[test]
fn deep_recursion_raises_recursion_error_like_cpython() {
    let e = error_of("def f(n):\n    return f(n + 1)\nf(0)\n", Budget::default());
    assert_eq!((e.type_name.as_str(), e.line), ("RecursionError", Some(2)));
    let e = error_of("class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n", Budget::default());
    assert_eq!(e.type_name, "RecursionError");
    let (out, e) = run_with("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(900))\n", Budget::default());
    assert_eq!((out.as_str(), e), ("900\n", None));
}

#[test]
fn bad_input_gives_an_error_never_a_panic() {
    let nested = format!("x = {}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let brackets = "[".repeat(1 << 20);
    let garbage: String = (0..5000u32).map(|i| char::from_u32((i * 7919) % 0x2fff + 1).unwrap_or('?')).collect();
    let cases: Vec<(&str, Option<&str>)> = vec![
        ("", None),
        ("   \n\n  # only a comment\n", None),
        (&nested, Some("SyntaxError")),
        (&brackets, Some("SyntaxError")),
        ("s = 'unterminated\n", Some("SyntaxError")),
        ("x = 10**100000\nprint(x > 1)\nprint(x)\n", Some("ValueError")),
        ("def f(:\n", Some("SyntaxError")),
        ("\t\tindented = 1\n", Some("SyntaxError")),
        (&garbage, Some("SyntaxError")),
    ];
    for (src, want) in cases {
        let (_, e) = run_with(src, Budget { steps: 1_000_000, ..Budget::default() });
        assert_eq!(e.as_ref().map(|e| e.type_name.as_str()), want, "{:?}", &src[..src.len().min(40)]);
    }
}

#[test]
fn unsupported_constructs_say_so_and_point_at_their_line() {
    for (src, line, what) in [
        ("x = 1\nmatch x:\n    case 1:\n        pass\n", 2, "the match statement"),
        ("async def f():\n    pass\n", 1, "async functions"),
        ("z = 1j\n", 1, "complex numbers"),
        ("print(1)\nfrom . import x\n", 2, "relative imports"),
    ] {
        let (out, e) = run_with(src, Budget::default());
        let e = e.expect("an error");
        assert_eq!(out, "", "nothing runs before a compile error");
        assert_eq!(e.type_name, "NotImplementedError", "{src}");
        assert_eq!(e.line, Some(line), "{src}");
        assert_eq!(e.message, format!("Retort does not support {what} yet"));
    }
    let e = error_of("import numpy\n", Budget::default());
    assert_eq!((e.type_name.as_str(), e.message.as_str()), ("ModuleNotFoundError", "No module named 'numpy'"));
}

//! `_retort`: the few things Retort's Python-written modules need from the
//! host: the wall clock and random bytes (both recorded as
//! non-deterministic in the trace), and where in the script a warning is
//! raised.

use std::rc::Rc;

use crate::builtins::add_function;
use crate::object::{Module, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// Civil date and time (UTC) from Unix microseconds.
pub fn civil(us: i64) -> [i64; 7] {
    let secs = us.div_euclid(1_000_000);
    let micro = us.rem_euclid(1_000_000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's days-from-civil inverse
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    [y, m, d, rem / 3600, rem % 3600 / 60, rem % 60, micro]
}

pub fn module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_retort");
    add_function(&m, "now", |vm, a| {
        let what = match a.pos.first() {
            Some(Value::Str(s)) => s.s.to_string(),
            _ => "the clock".to_owned(),
        };
        vm.nondeterministic.push(what);
        let us = web_time::SystemTime::now().duration_since(web_time::UNIX_EPOCH).map(|d| d.as_micros() as i64).unwrap_or(0);
        Ok(Value::tuple(civil(us).iter().map(|v| Value::Int(*v)).collect()))
    });
    // (the script line now running, innermost, and its text: where a
    // warning points, as SQLAlchemy's `stacklevel` points at the user's code)
    add_function(&m, "script_line", |vm, _| {
        let Some(&line) = vm.current_lines().last() else { return Ok(Value::None) };
        let text = vm.script.lines().nth(line.saturating_sub(1) as usize).unwrap_or("").trim().to_owned();
        Ok(Value::tuple(vec![Value::str(&*vm.filename), Value::Int(i64::from(line)), Value::str(text)]))
    });
    add_function(&m, "random_bytes", |vm, a| {
        let n = match a.pos.first() {
            Some(Value::Int(n)) => (*n).clamp(0, 1 << 20) as usize,
            _ => 16,
        };
        vm.nondeterministic.push("random bytes".into());
        let mut out = Vec::with_capacity(n);
        let mut seed =
            web_time::SystemTime::now().duration_since(web_time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0x9e37_79b9_7f4a_7c15)
                ^ vm.steps.rotate_left(17);
        for _ in 0..n {
            // splitmix64
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = seed;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            out.push((z ^ (z >> 31)) as u8);
        }
        Ok(Value::Bytes(Rc::new(out)))
    });
    Ok(m)
}

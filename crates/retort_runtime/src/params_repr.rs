//! How SQLAlchemy shows bound parameters on an error's `[parameters: ...]`
//! line (`sqlalchemy.sql.util._repr_params`, as `StatementError` uses it):
//! an executemany's parameter sets, at most 10 of them (the first 8 and the
//! last 2); a set's values, at most 100 (the first and last 50); each
//! value's repr cut to 300 characters.

use retort_python::{PyResult, Value, Vm};

/// Parameter sets shown of an executemany.
const BATCHES: usize = 10;
/// Values shown of one parameter set.
const MAX_PARAMS: usize = 100;
/// Characters shown of one value's repr.
const MAX_CHARS: usize = 300;

/// `repr(_repr_params(params, 10, ismulti=many))`: one parameter set, or
/// (`many`) an executemany's list of them.
pub fn params_repr(vm: &mut Vm, params: &Value, many: bool) -> PyResult<String> {
    let (sets, list) = match params {
        Value::List(l) if many => (l.borrow().clone(), true),
        Value::Tuple(t) if many => (t.to_vec(), false),
        _ => return one_set(vm, params),
    };
    if sets.len() > BATCHES {
        let head = many_sets(vm, &sets[..BATCHES - 2], list)?;
        let tail = many_sets(vm, &sets[sets.len() - 2..], list)?;
        let shown = format!(" ... displaying {BATCHES} of {} total bound parameter sets ... ", sets.len());
        return Ok(format!("{} {shown} {}", &head[..head.len() - 1], &tail[1..]));
    }
    many_sets(vm, &sets, list)
}

/// `_repr_multi`: the sets, in brackets when they came as a list.
fn many_sets(vm: &mut Vm, sets: &[Value], list: bool) -> PyResult<String> {
    let shown = sets.iter().map(|s| one_set(vm, s)).collect::<PyResult<Vec<_>>>()?.join(", ");
    Ok(if list { format!("[{shown}]") } else { format!("({shown})") })
}

/// One parameter set: a dict, tuple or list, its values cut to 100.
fn one_set(vm: &mut Vm, set: &Value) -> PyResult<String> {
    let (items, open, close): (Vec<(Option<Value>, Value)>, &str, &str) = match set {
        Value::Dict(d) => (d.borrow().values().map(|(k, v)| (Some(k.clone()), v.clone())).collect(), "{", "}"),
        Value::Tuple(t) => (t.iter().map(|v| (None, v.clone())).collect(), "(", ")"),
        Value::List(l) => (l.borrow().iter().map(|v| (None, v.clone())).collect(), "[", "]"),
        other => return trunc(vm, other),
    };
    let item = |vm: &mut Vm, (k, v): &(Option<Value>, Value)| -> PyResult<String> {
        Ok(match k {
            Some(k) => format!("{}: {}", vm.repr(k)?, trunc(vm, v)?),
            None => trunc(vm, v)?,
        })
    };
    let joined = |vm: &mut Vm, part: &[(Option<Value>, Value)]| -> PyResult<String> {
        Ok(part.iter().map(|i| item(vm, i)).collect::<PyResult<Vec<_>>>()?.join(", "))
    };
    if items.len() > MAX_PARAMS {
        let half = MAX_PARAMS / 2;
        let first = joined(vm, &items[..half])?;
        let last = joined(vm, &items[items.len() - half..])?;
        let cut = items.len() - MAX_PARAMS;
        return Ok(format!("{open}{first} ... {cut} parameters truncated ... {last}{close}"));
    }
    let shown = joined(vm, &items)?;
    // (a tuple of one keeps its comma)
    let comma = if open == "(" && items.len() == 1 { "," } else { "" };
    Ok(format!("{open}{shown}{comma}{close}"))
}

/// `_repr_base.trunc`: a value's repr, its middle cut when longer than 300 characters.
fn trunc(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let rep = vm.repr(v)?;
    let chars = rep.chars().count();
    if chars <= MAX_CHARS {
        return Ok(rep);
    }
    let segment = MAX_CHARS / 2;
    let head: String = rep.chars().take(segment).collect();
    let tail: String = rep.chars().skip(chars - segment).collect();
    Ok(format!("{head} ... ({} characters truncated) ... {tail}", chars - MAX_CHARS))
}

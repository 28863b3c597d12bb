//! Generators: resuming one with a sent value or a thrown exception, its
//! frame run by a nested instruction loop until it yields or returns.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::{Generator, PyErr, PyResult};
use crate::value::Value;

use super::exec::Exit;
use super::frame::Frame;
use super::Vm;

/// What resuming a generator gave.
pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

impl Vm {
    /// Resumes a generator with a sent value (or a thrown exception).
    pub fn gen_resume(&mut self, g: &Rc<RefCell<Generator>>, sent: Value, throw: Option<PyErr>) -> PyResult<GenStep> {
        let mut frame = {
            let mut gen = g.borrow_mut();
            if gen.running {
                return Err(self.new_error("ValueError", "generator already executing"));
            }
            let Some(frame) = gen.frame.take() else {
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(GenStep::Returned(Value::None)),
                };
            };
            if !gen.started {
                if !sent.is_none() && throw.is_none() {
                    gen.frame = Some(frame);
                    return Err(self.new_error("TypeError", "can't send non-None value to a just-started generator"));
                }
                gen.started = true;
            } else if throw.is_none() {
                let mut frame = frame;
                frame.stack.push(sent);
                gen.running = true;
                drop(gen);
                return self.gen_run(g, frame, None);
            }
            gen.running = true;
            frame
        };
        frame.handled_base = self.handled.len();
        self.gen_run(g, frame, throw)
    }

    fn gen_run(&mut self, g: &Rc<RefCell<Generator>>, mut frame: Box<Frame>, throw: Option<PyErr>) -> PyResult<GenStep> {
        frame.handled_base = self.handled.len();
        if let Err(e) = self.enter_frame() {
            g.borrow_mut().running = false;
            g.borrow_mut().frame = Some(frame);
            return Err(e);
        }
        let (r, back) = self.execute(frame, throw);
        let mut gen = g.borrow_mut();
        gen.running = false;
        match r {
            Ok(Exit::Yield(v)) => {
                gen.frame = back;
                Ok(GenStep::Yielded(v))
            }
            Ok(Exit::Return(v)) => Ok(GenStep::Returned(v)),
            Err(e) => {
                drop(gen);
                if self.err_is(&e, "StopIteration") {
                    let re = self.new_error("RuntimeError", "generator raised StopIteration");
                    self.with_exc_data(&re.0, |d| {
                        d.cause = Some(e.value());
                        d.suppress_context = true;
                    });
                    return Err(re);
                }
                Err(e)
            }
        }
    }
}

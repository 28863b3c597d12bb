//! The page's side of the engine worker: fetches and compiles the worker's
//! wasm once (reporting progress), spawns the worker from that compiled
//! module, sends it [`Request`]s, and stops a runaway run by terminating the
//! worker and spawning a fresh one from the same module, which takes
//! milliseconds because nothing is downloaded or compiled again.
//!
//! gloo-worker's bridge cannot terminate its worker, so this speaks to
//! `web_sys::Worker` directly; messages are still typed Rust values.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Uint8Array, WebAssembly};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, ReadableStreamDefaultReader, Worker};

use crate::protocol::{Request, Response};

/// The worker's wasm and its loader, as Trunk lays them out in `dist/`.
const WORKER_WASM: &str = "./worker_bg.wasm";
const WORKER_LOADER: &str = "./worker_loader.js";

/// What the client tells the page.
pub enum Event {
    Progress {
        loaded: u64,
        total: Option<u64>,
    },
    /// The worker answered; `load_ms` counts from the start of the download.
    Message(Response),
    /// The engine could not start (download, compile or instantiate failed).
    Failed(String),
    /// A running engine died; a fresh one is already starting.
    Crashed(String),
}

type Listener = Rc<dyn Fn(Event)>;

/// A handle on the engine worker.
#[derive(Clone)]
pub struct EngineClient {
    inner: Rc<RefCell<Inner>>,
}

struct Inner {
    module: Option<WebAssembly::Module>,
    worker: Option<Worker>,
    /// Whether the current worker said it was ready (then an error is a crash).
    ready: bool,
    listener: Listener,
    // Kept alive while the worker is.
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl EngineClient {
    /// Starts loading the engine; `listener` hears progress, answers and failures.
    pub fn start(listener: impl Fn(Event) + 'static) -> Self {
        let client = EngineClient {
            inner: Rc::new(RefCell::new(Inner {
                module: None,
                worker: None,
                ready: false,
                listener: Rc::new(listener),
                _handlers: Vec::new(),
            })),
        };
        client.load();
        client
    }

    /// Downloads and compiles the worker's wasm (again, after a failure), then spawns it.
    pub fn load(&self) {
        let client = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let listener = client.listener();
            match fetch_module(&listener).await {
                Ok(module) => {
                    client.inner.borrow_mut().module = Some(module);
                    client.spawn();
                }
                Err(message) => listener(Event::Failed(message)),
            }
        });
    }

    /// Sends a request to the worker.
    pub fn send(&self, request: &Request) {
        let inner = self.inner.borrow();
        let Some(worker) = &inner.worker else {
            (inner.listener)(Event::Failed("the engine is not running".into()));
            return;
        };
        let value = serde::Serialize::serialize(request, &serde_wasm_bindgen::Serializer::json_compatible());
        if let Err(e) = value.map_err(JsValue::from).and_then(|v| worker.post_message(&v)) {
            (inner.listener)(Event::Failed(format!("cannot reach the engine: {e:?}")));
        }
    }

    /// Ends whatever the worker is doing, at once, and starts a fresh one.
    pub fn stop(&self) {
        if let Some(worker) = self.inner.borrow_mut().worker.take() {
            worker.terminate();
        }
        self.spawn();
    }

    fn listener(&self) -> Listener {
        self.inner.borrow().listener.clone()
    }

    fn spawn(&self) {
        let listener = self.listener();
        let Some(module) = self.inner.borrow().module.clone() else { return };
        let worker = match Worker::new(WORKER_LOADER) {
            Ok(worker) => worker,
            Err(e) => return listener(Event::Failed(format!("cannot start the worker: {e:?}"))),
        };
        let on_message = {
            let client = self.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                let data = event.unchecked_into::<MessageEvent>().data();
                match serde_wasm_bindgen::from_value::<Response>(data) {
                    Ok(Response::Crashed { message }) => client.crashed(message),
                    Ok(response) => {
                        if response == Response::Ready {
                            client.inner.borrow_mut().ready = true;
                        }
                        (client.listener())(Event::Message(response));
                    }
                    Err(e) => (client.listener())(Event::Failed(format!("the engine sent a message the page does not understand: {e}"))),
                }
            })
        };
        let on_error = {
            let client = self.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                let message = js_sys::Reflect::get(&event, &"message".into()).ok().and_then(|m| m.as_string());
                let message = message.unwrap_or_else(|| "the worker failed".into());
                if client.inner.borrow().ready {
                    client.crashed(message);
                } else {
                    (client.listener())(Event::Failed(message));
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        if let Err(e) = worker.post_message(&module) {
            return listener(Event::Failed(format!("cannot hand the engine to the worker: {e:?}")));
        }
        let mut inner = self.inner.borrow_mut();
        inner.worker = Some(worker);
        inner.ready = false;
        inner._handlers = vec![on_message, on_error];
    }

    /// The running engine died (a panic is followed by the trap's error
    /// event: only the first is reported): replace it with a fresh one.
    fn crashed(&self, message: String) {
        if !self.inner.borrow().ready {
            return;
        }
        self.inner.borrow_mut().ready = false;
        (self.listener())(Event::Crashed(message));
        // Not now: this runs inside the dying worker's handler, which
        // replacing the worker would drop while it runs.
        let client = self.clone();
        wasm_bindgen_futures::spawn_local(async move { client.stop() });
    }
}

/// Fetches the worker's wasm, reporting bytes as they arrive, and compiles it.
async fn fetch_module(listener: &Listener) -> Result<WebAssembly::Module, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(WORKER_WASM))
        .await
        .map_err(|e| format!("cannot download the engine: {e:?}"))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("cannot download the engine: HTTP {} for {WORKER_WASM}", response.status()));
    }
    let total = response.headers().get("content-length").ok().flatten().and_then(|l| l.parse().ok());
    let body = response.body().ok_or("the engine download has no body")?;
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut chunks: Vec<Uint8Array> = Vec::new();
    let mut loaded = 0u64;
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(|e| format!("the engine download broke off: {e:?}"))?;
        if js_sys::Reflect::get(&step, &"done".into()).map(|d| d.is_truthy()).unwrap_or(true) {
            break;
        }
        let chunk: Uint8Array = js_sys::Reflect::get(&step, &"value".into()).map_err(|e| format!("{e:?}"))?.unchecked_into();
        loaded += u64::from(chunk.length());
        chunks.push(chunk);
        listener(Event::Progress { loaded, total });
    }
    let bytes = Uint8Array::new_with_length(u32::try_from(loaded).map_err(|_| "the engine is too large")?);
    let mut offset = 0;
    for chunk in chunks {
        bytes.set(&chunk, offset);
        offset += chunk.length();
    }
    let module = JsFuture::from(WebAssembly::compile(&bytes)).await.map_err(|e| format!("cannot compile the engine: {e:?}"))?;
    Ok(module.unchecked_into())
}

// Starts the engine worker from the WebAssembly.Module that the page already
// downloaded and compiled (src/engine_client.rs), so a restart after Stop
// neither downloads nor compiles again. worker.js is wasm-bindgen's glue.
importScripts("./worker.js");
self.onmessage = (event) => {
  self.onmessage = null;
  wasm_bindgen({ module_or_path: event.data }).catch((error) =>
    self.postMessage({ Failed: { id: null, message: "the engine failed to start: " + error } }));
};

//! The engine worker's entry point (a Trunk `data-type="worker"` binary).

fn main() {
    #[cfg(target_arch = "wasm32")]
    retort_app::worker::start();
}

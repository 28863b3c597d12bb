//! The page's entry point: renders the Yew app into the document body.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<retort_app::components::App>::new().render();
}

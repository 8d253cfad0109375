//! The browser entry point: mounts the app. Native builds have nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    incident_atlas::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Incident Atlas runs in the browser: see README.md (scripts/serve).");
}

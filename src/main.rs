//! The wasm entry point that Trunk builds. Registration happens when the
//! loader (`casenote.js`) calls `register`, so that the stylesheet URL can
//! be resolved relative to wherever the host serves casenote.

// Keep the library's exports (`register`) in this binary.
pub use casenote::*;

fn main() {}

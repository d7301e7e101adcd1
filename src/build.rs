//! The element's build script. When the wasm build (`.ci/wasm`, Trunk's
//! build hook) sets `CASENOTE_SPLIT=1`, the parts of the editor marked with
//! `part!` (`src/ui/part.rs`) become split points: each is a function whose
//! code `wasm-split-cli` moves into a file of its own, loaded on first use.
//! The linker then keeps its relocations, which `wasm-split-cli` reads.
//! Any other build (the host's tests, the browser tests, clippy) calls the
//! same functions directly.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(casenote_split)");
    println!("cargo::rerun-if-env-changed=CASENOTE_SPLIT");
    println!("cargo::rerun-if-changed=src/build.rs");
    if std::env::var_os("CASENOTE_SPLIT").is_some_and(|v| v == "1") {
        println!("cargo::rustc-cfg=casenote_split");
        println!("cargo::rustc-link-arg-bin=casenote-element=--emit-relocs");
    }
}

// The <casenote-editor> custom element. This file only defines the element
// class; everything it does is forwarded to the wasm module through `hooks`.
// Shipped as a wasm-bindgen snippet (a separate file), so it runs under a
// strict Content-Security-Policy with no inline script.

export const OBSERVED_ATTRIBUTES = [
  "endpoint", "format", "client-id", "client-name",
  "author-id", "author-name", "draft-scope",
];

export function defineCasenoteEditor(tag, hooks) {
  if (customElements.get(tag)) return;
  class CasenoteEditor extends HTMLElement {
    static get observedAttributes() { return OBSERVED_ATTRIBUTES; }
    connectedCallback() {
      if (this._casenote == null) this._casenote = hooks.mount(this);
    }
    disconnectedCallback() {
      // A move within the page disconnects and reconnects at once: wait.
      queueMicrotask(() => {
        if (!this.isConnected && this._casenote != null) {
          const handle = this._casenote;
          this._casenote = null;
          hooks.unmount(handle);
        }
      });
    }
    attributeChangedCallback(name, oldValue, newValue) {
      if (this._casenote != null && oldValue !== newValue) {
        hooks.attributeChanged(this._casenote, name, newValue);
      }
    }
    /** Writes the current draft to storage now. */
    flush() {
      if (this._casenote != null) hooks.flush(this._casenote);
    }
  }
  customElements.define(tag, CasenoteEditor);
}

// The <casenote-editor> custom element. This file only defines the element
// class; everything it does is forwarded to the wasm module through `hooks`.
// Shipped as a wasm-bindgen snippet (a separate file), so it runs under a
// strict Content-Security-Policy with no inline script.

export const OBSERVED_ATTRIBUTES = [
  "endpoint", "format", "client-id", "client-name",
  "author-id", "author-name", "draft-scope", "draft-retention-days",
];

// Properties a host may set before this script has loaded: the element is
// then a plain HTMLElement and the value sits on the instance; move it onto
// the class's accessor.
const PROPERTIES = ["encryptionKey"];

export function defineCasenoteEditor(tag, hooks) {
  if (customElements.get(tag)) return;
  class CasenoteEditor extends HTMLElement {
    static get observedAttributes() { return OBSERVED_ATTRIBUTES; }
    constructor() {
      super();
      this._casenote = null;
      this._encryptionKey = null;
      for (const p of PROPERTIES) {
        if (Object.prototype.hasOwnProperty.call(this, p)) {
          const value = this[p];
          delete this[p];
          this[p] = value;
        }
      }
    }
    /** AES-GCM CryptoKey for drafts at rest. Kept in memory only. */
    get encryptionKey() { return this._encryptionKey; }
    set encryptionKey(key) {
      this._encryptionKey = key ?? null;
      if (this._casenote != null) hooks.remount(this._casenote);
    }
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
        hooks.remount(this._casenote);
      }
    }
    /** Writes the current draft to storage now. */
    flush() {
      if (this._casenote != null) hooks.flush(this._casenote);
    }
    /** Deletes every draft of this editor's draft-scope on this device. */
    purgeDrafts() {
      return this._casenote != null ? hooks.purge(this._casenote) : Promise.resolve();
    }
  }
  customElements.define(tag, CasenoteEditor);
}

// The <casenote-editor> custom element. This file only defines the element
// class; everything it does is forwarded to the wasm module through `hooks`.
// Shipped as a wasm-bindgen snippet (a separate file), so it runs under a
// strict Content-Security-Policy with no inline script.

// Editors on the page, so that a change of an ancestor's `lang` (the
// page's `<html lang>`, say) reaches each one whose language it changes.
const EDITORS = new Set();
const langOf = (el) => el.closest("[lang]")?.getAttribute("lang") ?? "";
let langWatch = null;
function watchLang(el, on) {
  if (on) EDITORS.add(el); else EDITORS.delete(el);
  if (langWatch == null && on) {
    langWatch = new MutationObserver(() => {
      for (const e of EDITORS) {
        const lang = langOf(e);
        if (lang !== e._lang) {
          e._lang = lang;
          if (e._casenote != null) e._hooks.remount(e._casenote);
        }
      }
    });
    langWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"], subtree: true });
  }
}

// Properties a host may set before this script has loaded: the element is
// then a plain HTMLElement and the value sits on the instance; move it onto
// the class's accessor.
const PROPERTIES = [
  "encryptionKey", "headers", "beforeSubmit", "goals", "template",
  "participants", "locations", "previousNote", "returned",
];

// Properties that, when set, mount the editor again with the new value
// (the draft is flushed and restored, so nothing typed is lost).
const REMOUNTING = ["participants", "locations", "previousNote", "returned"];

// `attributes` are the names the element observes, from the one list in
// `attributes.rs`.
export function defineCasenoteEditor(tag, hooks, attributes) {
  if (customElements.get(tag)) return;
  class CasenoteEditor extends HTMLElement {
    static get observedAttributes() { return attributes; }
    constructor() {
      super();
      this._casenote = null;
      this._encryptionKey = null;
      this._headers = null;
      this._beforeSubmit = null;
      this._goals = null;
      this._template = null;
      this._values = {};
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
    /** Extra request headers, e.g. { Authorization: "Bearer ..." }. Read
     *  for every send, never stored. Setting them resumes a paused outbox. */
    get headers() { return this._headers; }
    set headers(value) {
      this._headers = value ?? null;
      if (this._casenote != null) hooks.retry(this._casenote);
    }
    /** The client's goals: [{ id, text }]. */
    get goals() { return this._goals; }
    set goals(value) {
      this._goals = value ?? null;
      if (this._casenote != null) hooks.remount(this._casenote);
    }
    /** A note template of the host's own: { id, name, sections: [...] }. */
    get template() { return this._template; }
    set template(value) {
      this._template = value ?? null;
      if (this._casenote != null) hooks.remount(this._casenote);
    }
    /** async (payload) => payload | false | undefined, run before queuing. */
    get beforeSubmit() { return this._beforeSubmit; }
    set beforeSubmit(fn) { this._beforeSubmit = typeof fn === "function" ? fn : null; }
    connectedCallback() {
      this._hooks = hooks;
      this._lang = langOf(this);
      watchLang(this, true);
      if (this._casenote == null) this._casenote = hooks.mount(this);
    }
    disconnectedCallback() {
      // A move within the page disconnects and reconnects at once: wait.
      queueMicrotask(() => {
        if (!this.isConnected) watchLang(this, false);
        if (!this.isConnected && this._casenote != null) {
          const handle = this._casenote;
          this._casenote = null;
          hooks.unmount(handle);
        }
      });
    }
    attributeChangedCallback(name, oldValue, newValue) {
      if (name === "lang") this._lang = langOf(this);
      if (this._casenote != null && oldValue !== newValue) {
        hooks.remount(this._casenote);
      }
    }
    /** Writes the current draft to storage now. */
    flush() {
      if (this._casenote != null) hooks.flush(this._casenote);
    }
    /** Submits the note, as the Submit button does. */
    submit() {
      if (this._casenote != null) hooks.submit(this._casenote);
    }
    /** Resumes a paused outbox and tries every waiting note now. */
    retry() {
      if (this._casenote != null) hooks.retry(this._casenote);
    }
    /** Deletes every draft of this editor's draft-scope on this device. */
    purgeDrafts() {
      return hooks.purge(this._casenote ?? 0, this);
    }
  }
  for (const name of REMOUNTING) {
    Object.defineProperty(CasenoteEditor.prototype, name, {
      get() { return this._values[name] ?? null; },
      set(value) {
        this._values[name] = value ?? null;
        if (this._casenote != null) hooks.remount(this._casenote);
      },
    });
  }
  customElements.define(tag, CasenoteEditor);
}

// The standalone page: applies config.json (served beside this page) to the
// editor, then loads casenote. Configuration never comes from the URL, so a
// link cannot point the editor at another endpoint.
const ATTRIBUTES = {
  endpoint: "endpoint",
  format: "format",
  draftScope: "draft-scope",
  draftRetentionDays: "draft-retention-days",
  theme: "theme",
  credentials: "credentials",
  csrfMeta: "csrf-meta",
  csrfHeader: "csrf-header",
  requestTimeout: "request-timeout",
  clientId: "client-id",
  clientName: "client-name",
  authorId: "author-id",
  authorName: "author-name",
};

// Start loading the editor's modules (not running them) while config.json
// loads, so its imports are not fetched one after another afterwards.
const modules = import("./casenote-element.js").catch(() => {});

const editor = document.querySelector("casenote-editor");
// What is wrong with config.json, as catalog ids and their variables: said
// in the page's language once casenote (and its catalog) has loaded.
const problems = [];
// The worker's own choice of language on this device wins over the
// deployer's `language`.
const LANGUAGE_KEY = "casenote-page-language";
const chosen = (() => {
  try { return localStorage.getItem(LANGUAGE_KEY); } catch { return null; }
})();
try {
  const res = await fetch(new URL("config.json", import.meta.url), { cache: "no-cache" });
  if (res.ok) {
    let config;
    try {
      config = await res.json();
    } catch (e) {
      throw { id: "page-config-not-json", args: { why: e.message } };
    }
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
      throw { id: "page-config-not-object", args: { example: '{"endpoint": "api/notes"}' } };
    }
    for (const [key, value] of Object.entries(config)) {
      const attribute = ATTRIBUTES[key];
      if (key === "language" && typeof value === "string") {
        if (!chosen) document.documentElement.lang = value;
      } else if (!attribute) {
        problems.push({ id: "page-config-unknown", args: { key, known: [...Object.keys(ATTRIBUTES), "language"].join(", ") } });
      } else if (typeof value !== "string" && typeof value !== "number") {
        problems.push({ id: "page-config-type", args: { key } });
      } else {
        editor.setAttribute(attribute, String(value));
      }
    }
  } else if (res.status !== 404) {
    problems.push({ id: "page-config-http", args: { status: String(res.status) } });
  }
} catch (e) {
  problems.push(e && e.id ? e : { id: "page-config-unreadable", args: { why: String(e && e.message) } });
}
if (chosen) document.documentElement.lang = chosen;
await modules;
await import("./casenote.js");
const { pageText, pageLanguages } = await import("./casenote-element.js");

// The page's own text, in its language; again when the worker picks
// another (the editor follows the page's lang by itself).
function showText() {
  const lang = document.documentElement.lang;
  for (const el of document.querySelectorAll("[data-text]")) {
    el.textContent = pageText(lang, el.dataset.text);
  }
  const box = document.getElementById("config-problems");
  const list = box.querySelector("ul");
  list.replaceChildren(...problems.map((p) => {
    const item = document.createElement("li");
    item.textContent = pageText(lang, p.id, p.args);
    return item;
  }));
  box.hidden = problems.length === 0;
}
const picker = document.getElementById("page-language");
for (const [tag, name] of pageLanguages()) {
  const option = document.createElement("option");
  option.value = tag;
  option.lang = tag;
  option.textContent = name;
  picker.append(option);
}
const current = pageLanguages().find(([tag]) => pageText(document.documentElement.lang, "lang-name") === pageText(tag, "lang-name"));
picker.value = current ? current[0] : "en";
// The receiver's own pages (the inbox, an addendum) are in the language
// chosen here too: they read it from this cookie (never any note text).
const SITE_PATH = new URL("./", import.meta.url).pathname;
function rememberForServerPages(tag) {
  document.cookie = `casenote-lang=${encodeURIComponent(tag)}; path=${SITE_PATH}; max-age=31536000; SameSite=Lax`;
}
picker.addEventListener("change", () => {
  document.documentElement.lang = picker.value;
  try { localStorage.setItem(LANGUAGE_KEY, picker.value); } catch { /* private mode: this page only */ }
  rememberForServerPages(picker.value);
  showText();
});
if (chosen) rememberForServerPages(chosen);
picker.closest(".page-language").hidden = false;
showText();

// The inbox is on the server: offline, the page says that it needs the
// network, and its link does not lead into the browser's error page.
const inboxLink = document.querySelector('a[data-text="page-inbox"]');
const inboxOffline = document.getElementById("inbox-offline");
function showOnline() {
  inboxOffline.textContent = navigator.onLine ? "" : pageText(document.documentElement.lang, "page-inbox-offline");
}
inboxLink.addEventListener("click", (e) => {
  if (!navigator.onLine) {
    e.preventDefault();
    showOnline();
  }
});
addEventListener("online", showOnline);
addEventListener("offline", showOnline);
picker.addEventListener("change", showOnline);
showOnline();

// Offline use (README: Offline use): once the editor is up, the service
// worker beside this page precaches the release, so that the next load
// needs no network. Only this page registers it, never the element.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker
    .register(new URL("sw.js", import.meta.url), { scope: new URL("./", import.meta.url).href })
    .catch((e) => console.warn(`casenote: no offline use on this device (${e.message})`));
}

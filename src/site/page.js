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
const problems = [];
try {
  const res = await fetch(new URL("config.json", import.meta.url), { cache: "no-cache" });
  if (res.ok) {
    let config;
    try {
      config = await res.json();
    } catch (e) {
      throw new Error(`config.json is not valid JSON (${e.message}).`);
    }
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
      throw new Error("config.json must hold one JSON object, like {\"endpoint\": \"api/notes\"}.");
    }
    for (const [key, value] of Object.entries(config)) {
      const attribute = ATTRIBUTES[key];
      if (!attribute) {
        problems.push(`config.json: "${key}" is not a setting (known: ${Object.keys(ATTRIBUTES).join(", ")}).`);
      } else if (typeof value !== "string" && typeof value !== "number") {
        problems.push(`config.json: "${key}" must be a string or a number.`);
      } else {
        editor.setAttribute(attribute, String(value));
      }
    }
  } else if (res.status !== 404) {
    problems.push(`config.json could not be loaded (HTTP ${res.status}); using the page's defaults.`);
  }
} catch (e) {
  problems.push(`${e.message} Using the page's defaults.`);
}
if (problems.length) {
  const box = document.getElementById("config-problems");
  for (const p of problems) {
    const item = document.createElement("li");
    item.textContent = p;
    box.querySelector("ul").append(item);
  }
  box.hidden = false;
}
await modules;
await import("./casenote.js");

// Offline use (README: Offline use): once the editor is up, the service
// worker beside this page precaches the release, so that the next load
// needs no network. Only this page registers it, never the element.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker
    .register(new URL("sw.js", import.meta.url), { scope: new URL("./", import.meta.url).href })
    .catch((e) => console.warn(`casenote: no offline use on this device (${e.message})`));
}

// casenote loader: the one file a host page includes.
//   <script type="module" src="/path/to/casenote.js"></script>
//   <casenote-editor endpoint="/api/notes"></casenote-editor>
// Everything else is resolved relative to this file, so casenote can be
// served from any path.
import init, { register } from "./casenote-element.js";

await init({ module_or_path: new URL("./casenote-element_bg.wasm", import.meta.url) });
register(new URL("./casenote.css", import.meta.url).href);

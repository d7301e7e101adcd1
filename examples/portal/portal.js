// The portal's own script: gives the editor the worker's credentials and
// the client's goals, and shows every event the editor fires.
const editor = document.querySelector("casenote-editor");
const log = document.getElementById("event-log");

editor.headers = { Authorization: "Bearer demo-session" };
editor.goals = [
  { id: "G-1", text: "Secure stable housing by March" },
  { id: "G-2", text: "Keep all medical appointments" },
];

function show(name, detail) {
  const item = document.createElement("li");
  item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(detail)}`;
  log.prepend(item);
}

for (const name of [
  "casenote-draft-saved",
  "casenote-submitted",
  "casenote-submit-failed",
  "casenote-auth-required",
]) {
  editor.addEventListener(name, (event) => show(name, event.detail));
}

// The portal's own script: gives the editor the worker's credentials and
// the client's goals, and shows every event the editor fires.
const editor = document.querySelector("casenote-editor");
const log = document.getElementById("event-log");

editor.headers = { Authorization: "Bearer demo-session" };
editor.goals = [
  { id: "G-1", text: "Secure stable housing by March" },
  { id: "G-2", text: "Keep all medical appointments" },
];
// Who usually takes part, and the places this team meets clients.
editor.participants = [{ name: "Jordan Avery", role: "client" }];
editor.locations = ["Office, 12 Hill St", "Client's home", "Riverside shelter"];

// The client's last note, so the worker sees what was planned and marks
// its follow-ups. A portal takes it from its own records; this demo asks
// the reference receiver's list (the newest note for this client).
fetch("../../api/notes", { headers: editor.headers })
  .then((res) => (res.ok ? res.json() : []))
  .then((stored) => {
    const mine = stored
      .map((entry) => entry.note)
      .filter((note) => note && note.client && note.client.id === editor.getAttribute("client-id") && !note.addendum);
    mine.sort((a, b) => String(a.documentedAt).localeCompare(String(b.documentedAt)));
    if (mine.length) editor.previousNote = mine[mine.length - 1];
  })
  .catch(() => {});

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

// The floor: a hand-written form that saves every input to IndexedDB, the
// least any draft-keeping editor must do. It fires "floor-draft-saved" when
// a write commits, like casenote's casenote-draft-saved.
const form = document.getElementById("note");
const open = indexedDB.open("floor", 1);
open.onupgradeneeded = () => open.result.createObjectStore("drafts", { keyPath: "id" });
open.onsuccess = () => {
  const db = open.result;
  form.addEventListener("input", () => {
    const draft = { id: "draft", ...Object.fromEntries(new FormData(form)) };
    const tx = db.transaction("drafts", "readwrite");
    tx.objectStore("drafts").put(draft);
    tx.oncomplete = () => document.dispatchEvent(new CustomEvent("floor-draft-saved"));
  });
  document.body.dataset.ready = "1";
};
form.addEventListener("submit", (e) => e.preventDefault());

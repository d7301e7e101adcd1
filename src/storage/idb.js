// IndexedDB for casenote's storage: database `casenote`, version 2, with the
// stores `drafts` and `outbox`, each keyed by `id` and indexed by `scope`.
// Every function returns a Promise; a failure rejects with the browser's
// DOMException (its name, such as QuotaExceededError, reaches the worker).
// Plain IndexedDB in a few lines, instead of a wrapper crate in the wasm.

const NAME = "casenote";
const VERSION = 2;
const STORES = ["drafts", "outbox"];

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

// Settles when `tx` commits; `failure()` names why it was aborted, if we did.
function settled(tx, failure = () => null) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(failure() || tx.error || new DOMException("The write was aborted.", "AbortError"));
  });
}

// The database starts opening as soon as this module loads, while the wasm
// is still being fetched and compiled; every editor on the page shares the
// one connection.
let opening = null;

export function idbOpen() {
  if (!opening) {
    opening = openNow();
    // A page without IndexedDB is told when it asks (and falls back);
    // until then the rejection is not an error.
    opening.catch(() => {});
  }
  return opening;
}

idbOpen();

function openNow() {
  try {
    const r = indexedDB.open(NAME, VERSION);
    // Version 1 had `drafts`; version 2 adds `outbox`. Creating a store only
    // when missing makes every upgrade path work.
    r.onupgradeneeded = () => {
      for (const name of STORES) {
        if (!r.result.objectStoreNames.contains(name)) {
          r.result.createObjectStore(name, { keyPath: "id" }).createIndex("scope", "scope");
        }
      }
    };
    return request(r).then((db) => {
      // Let a newer version in another tab upgrade; open again next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      return db;
    });
  } catch (e) {
    return Promise.reject(e);
  }
}

export function idbGet(db, store, id) {
  try {
    return request(db.transaction(store).objectStore(store).get(id));
  } catch (e) {
    return Promise.reject(e);
  }
}

export function idbList(db, store, scope) {
  try {
    return request(db.transaction(store).objectStore(store).index("scope").getAll(scope));
  } catch (e) {
    return Promise.reject(e);
  }
}

function write(db, store, change) {
  try {
    const tx = db.transaction(store, "readwrite");
    let failure = null;
    try {
      change(tx.objectStore(store));
    } catch (e) {
      failure = e;
      tx.abort();
    }
    return settled(tx, () => failure);
  } catch (e) {
    return Promise.reject(e);
  }
}

export function idbPut(db, store, value) {
  return write(db, store, (s) => s.put(value));
}

export function idbDelete(db, store, id) {
  return write(db, store, (s) => s.delete(id));
}

// Writes the draft `value` only if the stored revision is still `base` (0:
// none stored), reading and writing in one transaction so two tabs can never
// both win. Resolves to -1 once written, or to the stored revision (0: it
// was deleted) when another tab got there first and nothing was written.
export function idbPutChecked(db, store, value, base) {
  try {
    const tx = db.transaction(store, "readwrite");
    const objects = tx.objectStore(store);
    let outcome = -1;
    let failure = null;
    const get = objects.get(value.id);
    get.onsuccess = () => {
      const stored = get.result;
      const revision = stored ? Number(stored.revision) || 0 : 0;
      if (stored ? revision !== base : base > 0) {
        outcome = revision;
        return;
      }
      try {
        objects.put(value);
      } catch (e) {
        failure = e;
        tx.abort();
      }
    };
    return settled(tx, () => failure).then(() => outcome);
  } catch (e) {
    return Promise.reject(e);
  }
}

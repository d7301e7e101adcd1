// Runs `task` (a function returning a Promise) while holding the Web Lock
// `name`, so that only one tab sends the outbox at a time. Without the Web
// Locks API the task runs at once: still safe, because every attempt carries
// the note's Idempotency-Key and the host stores a note once.
export function withLock(name, task) {
  const locks = globalThis.navigator && globalThis.navigator.locks;
  if (locks && typeof locks.request === "function") {
    return locks.request(name, () => task());
  }
  return task();
}

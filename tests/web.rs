//! Browser tests (tier 2): storage and components in headless Chromium.
//! Run with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use casenote::domain::{Draft, Note};
use casenote::storage::{DraftStore, PutOutcome};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Polls `f` every 20 ms for up to 5 s.
async fn eventually<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    for _ in 0..250 {
        if let Some(v) = f() {
            return v;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", casenote::platform::new_uuid())
}

fn draft(scope: &str, text: &str) -> Draft {
    let mut note = Note::new(casenote::platform::new_uuid(), "soap", "t".into());
    note.section_mut("subjective").text = text.into();
    Draft::new(scope, 1, js_sys::Date::now(), note)
}

#[wasm_bindgen_test]
async fn indexeddb_keeps_drafts_per_scope() {
    let opened = DraftStore::open(None).await;
    let notice = opened.notice(casenote::text::Lang::En);
    let store = opened.store;
    assert!(!store.is_fallback(), "IndexedDB should open in Chromium");
    assert!(notice.is_none());
    let (a, b) = (unique("scope-a"), unique("scope-b"));
    let d1 = draft(&a, "first");
    let d2 = draft(&b, "second");
    assert_eq!(store.put(&d1, 0).await.unwrap(), PutOutcome::Written);
    assert_eq!(store.put(&d2, 0).await.unwrap(), PutOutcome::Written);

    assert_eq!(store.list(&a).await.unwrap().drafts, vec![d1.clone()]);
    assert_eq!(store.list(&b).await.unwrap().drafts, vec![d2.clone()]);

    let mut newer = d1.clone();
    newer.revision = 2;
    newer.note.section_mut("subjective").text = "first, edited".into();
    assert_eq!(store.put(&newer, 1).await.unwrap(), PutOutcome::Written);
    assert_eq!(store.get(&d1.id).await.unwrap(), Some(newer));

    store.delete(&d1.id).await.unwrap();
    assert!(store.list(&a).await.unwrap().drafts.is_empty());
    assert_eq!(store.list(&b).await.unwrap().drafts.len(), 1);
}

#[wasm_bindgen_test]
async fn a_write_from_a_stale_revision_is_refused_not_applied() {
    let store = DraftStore::open(None).await.store;
    let scope = unique("conflict");
    let mine = draft(&scope, "tab one");
    store.put(&mine, 0).await.unwrap();
    let mut theirs = mine.clone();
    theirs.revision = 2;
    theirs.note.section_mut("subjective").text = "tab two".into();
    assert_eq!(store.put(&theirs, 1).await.unwrap(), PutOutcome::Written);

    // Tab one still believes revision 1 is stored.
    let mut stale = mine.clone();
    stale.revision = 2;
    stale.note.section_mut("subjective").text = "tab one, later".into();
    assert_eq!(
        store.put(&stale, 1).await.unwrap(),
        PutOutcome::Conflict { stored_revision: 2 }
    );
    let kept = store.get(&mine.id).await.unwrap().unwrap();
    assert_eq!(kept.note.section("subjective").unwrap().text, "tab two");
}

#[wasm_bindgen_test]
fn attribute_numbers_are_plain_positive_decimals() {
    use casenote::platform::positive_number as n;
    assert_eq!(n("14"), Some(14.0));
    assert_eq!(n(" 1.5 "), Some(1.5));
    assert_eq!(n(".5"), Some(0.5));
    for bad in [
        "", "0", "0.0", "-1", "1e3", "1.2.3", "12abc", ".", "Infinity", "0x10",
    ] {
        assert_eq!(n(bad), None, "{bad:?}");
    }
}

#[wasm_bindgen_test]
async fn sealed_drafts_are_unreadable_without_the_key() {
    let key = casenote::storage::generate_key().await.unwrap();
    let sealed_store = DraftStore::open(Some(key)).await.store;
    let scope = unique("sealed");
    let d = draft(&scope, "Client disclosed a confidential matter");
    sealed_store.put(&d, 0).await.unwrap();
    assert_eq!(
        sealed_store.list(&scope).await.unwrap().drafts,
        vec![d.clone()]
    );

    let plain_store = DraftStore::open(None).await.store;
    let listing = plain_store.list(&scope).await.unwrap();
    assert!(listing.drafts.is_empty());
    assert_eq!(listing.locked, 1);
    assert_eq!(plain_store.get(&d.id).await.unwrap(), None);

    let other = casenote::storage::generate_key().await.unwrap();
    let wrong_key = DraftStore::open(Some(other)).await.store;
    assert_eq!(wrong_key.list(&scope).await.unwrap().locked, 1);
}

#[wasm_bindgen_test]
async fn purge_removes_expired_or_all_drafts_of_one_scope_only() {
    let store = DraftStore::open(None).await.store;
    let (mine, theirs) = (unique("purge-mine"), unique("purge-theirs"));
    let day = 24.0 * 60.0 * 60.0 * 1000.0;
    let now = js_sys::Date::now();
    let mut old = draft(&mine, "old");
    old.updated_at = now - 15.0 * day;
    let fresh = draft(&mine, "fresh");
    let mut other_old = draft(&theirs, "other");
    other_old.updated_at = now - 30.0 * day;
    for d in [&old, &fresh, &other_old] {
        store.put(d, 0).await.unwrap();
    }
    assert_eq!(store.purge(&mine, now, Some(14.0)).await.unwrap(), 1);
    assert_eq!(store.list(&mine).await.unwrap().drafts, vec![fresh]);
    assert_eq!(store.list(&theirs).await.unwrap().drafts.len(), 1);
    assert_eq!(store.purge(&mine, now, None).await.unwrap(), 1);
    assert!(store.list(&mine).await.unwrap().drafts.is_empty());
    assert_eq!(store.list(&theirs).await.unwrap().drafts.len(), 1);
}

fn shadow_query<T: JsCast>(host: &HtmlElement, selector: &str) -> Option<T> {
    host.shadow_root()?
        .query_selector(selector)
        .ok()??
        .dyn_into::<T>()
        .ok()
}

fn input_event() -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict("input", &init).unwrap()
}

async fn mount_editor(scope: &str) -> HtmlElement {
    casenote::embed::register(String::new());
    let el: HtmlElement = document()
        .create_element("casenote-editor")
        .unwrap()
        .dyn_into()
        .unwrap();
    el.set_attribute("draft-scope", scope).unwrap();
    el.set_attribute("endpoint", "/nowhere").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    eventually("the editor form", || {
        shadow_query::<HtmlInputElement>(&el, "#cn-client")
    })
    .await;
    el
}

#[wasm_bindgen_test]
async fn typing_is_saved_to_indexeddb_as_a_draft() {
    let scope = unique("typing");
    let el = mount_editor(&scope).await;
    let subjective: HtmlTextAreaElement = shadow_query(&el, "#cn-section-subjective").unwrap();
    subjective.set_value("Client says the new flat is damp.");
    subjective.dispatch_event(&input_event()).unwrap();

    let store = DraftStore::open(None).await.store;
    let mut saved = None;
    for _ in 0..100 {
        let drafts = store.list(&scope).await.unwrap().drafts;
        if let Some(d) = drafts.into_iter().find(|d| {
            d.note.section("subjective").map(|s| s.text.as_str())
                == Some("Client says the new flat is damp.")
        }) {
            saved = Some(d);
            break;
        }
        sleep(20).await;
    }
    let saved = saved.expect("the typed text reaches IndexedDB");
    assert_eq!(saved.scope, scope);
    assert!(casenote::domain::id::is_uuid(&saved.id));
    el.remove();
}

#[wasm_bindgen_test]
async fn submitting_an_empty_note_focuses_an_error_summary_that_links_to_each_field() {
    let el = mount_editor(&unique("errors")).await;
    let submit: HtmlElement = shadow_query(&el, "button[type=submit]").unwrap();
    submit.click();
    let summary: HtmlElement =
        eventually("the error summary", || shadow_query(&el, ".error-summary")).await;
    let text = summary.text_content().unwrap_or_default();
    assert!(text.contains("Enter the client's name"), "{text}");
    assert!(text.contains("Enter the date of service"), "{text}");
    assert!(text.contains("Enter the Subjective section"), "{text}");
    eventually("focus on the summary", || {
        let active = el.shadow_root()?.active_element()?;
        active.class_list().contains("error-summary").then_some(())
    })
    .await;
    let links = summary.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 6);
    let first: web_sys::Element = links.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(first.get_attribute("href").as_deref(), Some("#cn-client"));
    let client: HtmlInputElement = shadow_query(&el, "#cn-client").unwrap();
    assert_eq!(
        client.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        client.get_attribute("aria-describedby").as_deref(),
        Some("cn-client-error")
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn removing_the_element_unmounts_the_editor() {
    let el = mount_editor(&unique("remove")).await;
    el.remove();
    eventually("an empty shadow root", || {
        (el.shadow_root()?.child_element_count() == 0).then_some(())
    })
    .await;
}

/// An outbox entry for `d`'s note, to be sent as `body`.
fn outbox_entry(scope: &str, d: &Draft, body: &str) -> casenote::domain::outbox::OutboxEntry {
    use casenote::domain::outbox::{OutboxContent, OutboxEntry};
    OutboxEntry::new(
        scope,
        "https://host.example/api/notes",
        js_sys::Date::now(),
        OutboxContent {
            note: d.note.clone(),
            body: body.into(),
            content_type: "application/json".into(),
        },
    )
}

#[wasm_bindgen_test]
async fn outbox_entries_persist_and_are_sealed_with_a_key() {
    let key = casenote::storage::generate_key().await.unwrap();
    let store = DraftStore::open(Some(key)).await.store;
    let scope = unique("outbox");
    let d = draft(&scope, "words to deliver");
    let entry = outbox_entry(&scope, &d, "{\"words\":\"words to deliver\"}");
    store.put_outbox(&entry).await.unwrap();
    assert_eq!(
        store.list_outbox(&scope).await.unwrap(),
        vec![entry.clone()]
    );
    assert_eq!(
        store.get_outbox(&entry.id).await.unwrap(),
        Some(entry.clone())
    );

    let plain = DraftStore::open(None).await.store;
    let locked = plain.list_outbox(&scope).await.unwrap();
    assert_eq!(locked.len(), 1);
    assert!(locked[0].content.is_none());
    assert!(locked[0].sealed.is_some());

    store.delete_outbox(&entry.id).await.unwrap();
    assert!(store.list_outbox(&scope).await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn records_written_before_the_key_came_are_sealed_once_it_does() {
    let scope = unique("late-key");
    let plain = DraftStore::open(None).await.store;
    let d = draft(&scope, "written before the key");
    plain.put(&d, 0).await.unwrap();
    let entry = outbox_entry(&scope, &d, "{}");
    plain.put_outbox(&entry).await.unwrap();
    assert_eq!(plain.list(&scope).await.unwrap().drafts.len(), 1);

    let key = casenote::storage::generate_key().await.unwrap();
    let keyed = DraftStore::open(Some(key)).await.store;
    assert_eq!(keyed.seal_clear(&scope).await.unwrap(), 2);
    // Nothing is left in clear: without the key, both are locked.
    let listing = plain.list(&scope).await.unwrap();
    assert!(listing.drafts.is_empty());
    assert_eq!(listing.locked, 1);
    let outbox = plain.list_outbox(&scope).await.unwrap();
    assert!(outbox[0].content.is_none() && outbox[0].sealed.is_some());
    // With it, both read as before, at the same revision.
    assert_eq!(keyed.list(&scope).await.unwrap().drafts, vec![d.clone()]);
    assert_eq!(keyed.list_outbox(&scope).await.unwrap(), vec![entry]);
    assert_eq!(keyed.seal_clear(&scope).await.unwrap(), 0);
}

// Records as the releases before indexed_db_futures wrote them: the JSON
// text (the same bytes serde_json writes, pinned by the domain's fixtures)
// made into objects by the browser's JSON.parse, in database `casenote`
// version 2 with the stores and index that release created (or the
// version an earlier test in this page already upgraded it to).
#[wasm_bindgen(inline_js = r#"
async function currentVersion() {
  const known = (await indexedDB.databases()).find((d) => d.name === "casenote");
  return Math.max(2, known ? known.version : 0);
}
export async function seedAsBefore(drafts, outbox) {
  const version = await currentVersion();
  return new Promise((resolve, reject) => {
    const r = indexedDB.open("casenote", version);
    r.onupgradeneeded = () => {
      for (const name of ["drafts", "outbox"]) {
        if (!r.result.objectStoreNames.contains(name)) {
          r.result.createObjectStore(name, { keyPath: "id" }).createIndex("scope", "scope");
        }
      }
    };
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const db = r.result;
      const tx = db.transaction(["drafts", "outbox"], "readwrite");
      for (const text of drafts) tx.objectStore("drafts").put(JSON.parse(text));
      for (const text of outbox) tx.objectStore("outbox").put(JSON.parse(text));
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
}
export async function storedAsText(store, id) {
  const version = await currentVersion();
  return new Promise((resolve, reject) => {
    const r = indexedDB.open("casenote", version);
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const get = r.result.transaction(store).objectStore(store).get(id);
      get.onsuccess = () => { r.result.close(); resolve(JSON.stringify(get.result)); };
      get.onerror = () => reject(get.error);
    };
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = seedAsBefore)]
    fn seed_as_before(drafts: Vec<String>, outbox: Vec<String>) -> js_sys::Promise;
    #[wasm_bindgen(js_name = storedAsText)]
    fn stored_as_text(store: &str, id: &str) -> js_sys::Promise;
}

#[wasm_bindgen_test]
async fn drafts_and_queued_notes_written_by_earlier_releases_still_open() {
    use casenote::domain::draft::StoredDraft;
    use casenote::domain::outbox::OutboxEntry;
    let scope = unique("earlier");
    let ours = |text: &str| text.replace("\"user-1\"", &format!("\"{scope}\""));
    let clear = ours(include_str!("../src/domain/testdata/serde-clear.json"));
    let sealed_id = casenote::platform::new_uuid();
    let sealed = ours(include_str!("../src/domain/testdata/serde-sealed.json"))
        .replace("0f8fad5b-d9cb-469f-a165-70867728950e", &sealed_id);
    let queued = ours(include_str!("../src/domain/testdata/serde-outbox.json"));
    wasm_bindgen_futures::JsFuture::from(seed_as_before(
        vec![clear.clone(), sealed],
        vec![queued.clone()],
    ))
    .await
    .unwrap();

    let expected_draft = serde_json::from_str::<StoredDraft>(&clear)
        .unwrap()
        .open()
        .unwrap();
    let expected_entry: OutboxEntry = serde_json::from_str(&queued).unwrap();
    assert_eq!(expected_draft.note.client.name, "Jo Ünïcode 👋");

    let store = DraftStore::open(None).await.store;
    assert!(!store.is_fallback());
    let listing = store.list(&scope).await.unwrap();
    assert_eq!(listing.drafts, vec![expected_draft.clone()]);
    // The sealed one is there, and stays unreadable without its key.
    assert_eq!(listing.locked, 1);
    assert_eq!(
        store.get(&expected_draft.id).await.unwrap(),
        Some(expected_draft.clone())
    );
    assert_eq!(
        store.list_outbox(&scope).await.unwrap(),
        vec![expected_entry.clone()]
    );
    // A draft stored before opens at its revision, and the next save checks it.
    let mut next = expected_draft.clone();
    next.revision += 1;
    next.note.section_mut("plan").text = "added after the upgrade".into();
    assert_eq!(
        store.put(&next, expected_draft.revision).await.unwrap(),
        PutOutcome::Written
    );
    // What this release writes, an earlier release reads: the record is the
    // same JSON members (JSON.stringify, then serde_json as that release did).
    let text = wasm_bindgen_futures::JsFuture::from(stored_as_text("drafts", &next.id))
        .await
        .unwrap()
        .as_string()
        .unwrap();
    let back: StoredDraft = serde_json::from_str(&text).unwrap();
    assert_eq!(back.open(), Some(next));
    assert_eq!(
        store
            .purge(&scope, js_sys::Date::now(), None)
            .await
            .unwrap(),
        2
    );
}

// Autosave's decisions (coalescing, revisions per note, conflict copies,
// retries) are tested on the host, over every order of events
// (src/domain/autosave/). What they rely on from IndexedDB is tested here:
// the revision check (above) and a conflict copy's link kept for a new
// editor to find.
#[wasm_bindgen_test]
async fn a_conflict_copy_and_the_other_version_are_both_listed_by_a_new_editor() {
    let store = DraftStore::open(None).await.store;
    let scope = unique("conflict-listed");
    let mine = draft(&scope, "mine");
    store.put(&mine, 0).await.unwrap();
    // Another tab saves the draft; this tab's words go to a linked copy.
    let mut theirs = mine.clone();
    theirs.revision = 2;
    theirs.note.section_mut("subjective").text = "theirs".into();
    assert_eq!(store.put(&theirs, 1).await.unwrap(), PutOutcome::Written);
    let mut typed = mine.note.clone();
    typed.id = casenote::platform::new_uuid();
    typed.section_mut("subjective").text = "typed while in conflict".into();
    let copy = Draft::new(&scope, 1, js_sys::Date::now(), typed).copy_of(Some(mine.id.clone()));
    assert_eq!(store.put(&copy, 0).await.unwrap(), PutOutcome::Written);
    // A re-mount (or a crash) now: a new editor on the same storage, with
    // nothing of the old one's memory, finds both versions.
    let fresh_store = DraftStore::open(None).await.store;
    let texts: Vec<(Option<String>, String)> = fresh_store
        .list(&scope)
        .await
        .unwrap()
        .drafts
        .into_iter()
        .map(|d| {
            (
                d.copy_of,
                d.note.section("subjective").unwrap().text.clone(),
            )
        })
        .collect();
    assert!(texts.contains(&(None, "theirs".into())), "{texts:?}");
    assert!(
        texts.contains(&(Some(mine.id.clone()), "typed while in conflict".into())),
        "{texts:?}"
    );
    // Writing the copy again without its link ("keep mine") drops it.
    let kept = Draft::new(&scope, 2, js_sys::Date::now(), copy.note.clone());
    assert_eq!(store.put(&kept, 1).await.unwrap(), PutOutcome::Written);
    assert_eq!(
        fresh_store.get(&copy.id).await.unwrap().unwrap().copy_of,
        None
    );
}

/// The raw stored record of sent note `id`, as JSON text.
async fn raw_sent(id: &str) -> String {
    wasm_bindgen_futures::JsFuture::from(stored_as_text("sent", id))
        .await
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_sent_list_is_sealed_with_the_key_kept_for_its_retention_and_purged() {
    use casenote::domain::sent::SentNote;
    let scope = unique("sent");
    let note = |id: &str, sent_at: f64| SentNote {
        id: id.into(),
        client: "Ana Secret".into(),
        format: "soap".into(),
        service_date: "2026-12-01".into(),
        to: "https://agency.example/api/notes".into(),
        sent_at,
    };
    let (old_id, new_id) = (
        casenote::platform::new_uuid(),
        casenote::platform::new_uuid(),
    );
    let now = casenote::platform::now_ms();
    // Sent before the host gave a key: in clear, then sealed once it does.
    let clear = DraftStore::open(None).await.store;
    clear
        .put_sent(&scope, &note(&old_id, now - 40.0 * 86_400_000.0))
        .await
        .unwrap();
    assert!(raw_sent(&old_id).await.contains("Ana Secret"));
    let key = casenote::storage::generate_key().await.unwrap();
    let keyed = DraftStore::open(Some(key)).await.store;
    assert_eq!(keyed.seal_clear(&scope).await.unwrap(), 1);
    keyed.put_sent(&scope, &note(&new_id, now)).await.unwrap();
    for id in [&old_id, &new_id] {
        let raw = raw_sent(id).await;
        assert!(
            !raw.contains("Ana Secret") && raw.contains("\"sealed\""),
            "{raw}"
        );
    }
    // Newest first; without the key, nothing readable.
    let listed: Vec<String> = keyed
        .list_sent(&scope)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(listed, [new_id.clone(), old_id.clone()]);
    assert!(clear.list_sent(&scope).await.unwrap().is_empty());
    // Retention: the one sent 40 days ago goes; a purge takes the rest.
    assert_eq!(keyed.purge_sent(&scope, now, Some(30.0)).await.unwrap(), 1);
    assert_eq!(keyed.list_sent(&scope).await.unwrap().len(), 1);
    assert_eq!(keyed.purge_sent(&scope, now, None).await.unwrap(), 1);
    assert!(keyed.list_sent(&scope).await.unwrap().is_empty());
}

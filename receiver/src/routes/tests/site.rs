//! The built site as the receiver serves it: precompressed, with Vary, and
//! with the cache headers the README recommends; the API and the inbox
//! never stored by a cache.

use super::*;

/// The receiver serving `site` at `site_path`, without test mode.
fn site_app(site: &Path, site_path: &str) -> Router {
    let state = AppState {
        store: Arc::new(crate::store::Notes::Sqlite(Arc::new(
            Store::in_memory().unwrap(),
        ))),
        faults: None,
        access: Arc::new(Access::default()),
        late_entry_hours: 24.0,
        self_approval: false,
        sign_in: None,
    };
    super::super::app(state, site, site_path, None)
}

#[tokio::test]
async fn built_files_are_served_precompressed_with_vary() {
    let site = built_site();
    for (site_path, prefix) in [("", ""), ("/team/notes", "/team/notes")] {
        let app = site_app(&site, site_path);
        for (path, file) in [
            (format!("{prefix}/casenote.js"), "casenote.js"),
            (format!("{prefix}/"), "index.html"),
        ] {
            for (accept, encoding, body) in [
                (Some("br"), Some("br"), format!("br {file}")),
                (
                    Some("gzip, deflate, br, zstd"),
                    Some("br"),
                    format!("br {file}"),
                ),
                (Some("gzip"), Some("gzip"), format!("gz {file}")),
                (None, None, format!("plain {file}")),
            ] {
                let (res, text) = get(&app, &path, accept).await;
                let at = format!("{path} with {accept:?}");
                assert_eq!(res.status(), StatusCode::OK, "{at}");
                assert_eq!(text, body, "{at}");
                let h = res.headers();
                assert_eq!(
                    h.get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap()),
                    encoding,
                    "{at}"
                );
                assert_eq!(h[header::VARY], "accept-encoding", "{at}");
                // Stable names: revalidated before each use.
                assert_eq!(h[header::CACHE_CONTROL], "no-cache", "{at}");
                // The type is the file's, not the compressed file's.
                let mime = if file == "index.html" {
                    "text/html"
                } else {
                    "text/javascript"
                };
                assert!(
                    h[header::CONTENT_TYPE].to_str().unwrap().starts_with(mime),
                    "{at}"
                );
                assert_eq!(h[header::CONTENT_SECURITY_POLICY], CSP, "{at}");
                assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{at}");
            }
        }
    }
    std::fs::remove_dir_all(site).unwrap();
}

#[tokio::test]
async fn the_api_and_the_inbox_are_never_stored_by_a_cache() {
    let site = built_site();
    for (site_path, prefix) in [("", ""), ("/team/notes", "/team/notes")] {
        let app = site_app(&site, site_path);
        for path in ["/api/notes", "/inbox", "/inbox.css", "/inbox.js"] {
            let (res, _) = get(&app, &format!("{prefix}{path}"), None).await;
            assert_eq!(res.status(), StatusCode::OK, "{prefix}{path}");
            assert_eq!(
                res.headers()[header::CACHE_CONTROL],
                "no-store",
                "{prefix}{path}"
            );
        }
    }
    std::fs::remove_dir_all(site).unwrap();
}

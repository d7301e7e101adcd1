//! The flags: defaults, errors, and the checks made together.
use super::*;

fn parse(args: &[&str]) -> Result<Config, String> {
    Config::try_parse_from(std::iter::once("casenote-receiver").chain(args.iter().copied()))
        .map_err(|e| e.to_string())
}

#[test]
fn defaults_bind_loopback_8080() {
    let c = parse(&[]).unwrap();
    assert_eq!(c.bind.to_string(), "127.0.0.1");
    assert_eq!(c.port, 8080);
    assert!(!c.test_mode);
    assert_eq!(c.site_path, "");
    assert_eq!(c.late_entry_hours, 24.0);
    assert_eq!(c.max_connections, 200);
}

#[test]
fn db_is_a_sqlite_file_or_a_postgres_url_shown_without_its_password() {
    let c = parse(&["--db", "notes.sqlite"]).unwrap();
    assert_eq!(
        c.database(),
        Database::Sqlite(std::path::Path::new("notes.sqlite"))
    );
    let c = parse(&["--db", "postgres://casenote:s3cret@db.internal:5432/notes"]).unwrap();
    assert_eq!(
        c.database(),
        Database::Postgres("postgres://casenote:s3cret@db.internal:5432/notes")
    );
    assert_eq!(
        c.database_shown(),
        "postgres://casenote@db.internal:5432/notes"
    );
    let c = parse(&["--db", "postgresql://localhost/notes"]).unwrap();
    assert_eq!(c.database_shown(), "postgresql://localhost/notes");
}

#[test]
fn sign_in_needs_its_header_and_its_proxy_together() {
    let c = parse(&[
        "--user-header",
        "X-Forwarded-Email",
        "--trusted-proxy",
        "127.0.0.1",
        "--auditor",
        "audit@example.org",
    ])
    .unwrap();
    assert_eq!(
        c.sign_in,
        Some(SignIn {
            header: "x-forwarded-email".into(),
            proxies: vec!["127.0.0.1".parse().unwrap()],
            auditors: vec!["audit@example.org".into()],
        })
    );
    assert_eq!(parse(&[]).unwrap().sign_in, None);
    for alone in [
        &["--user-header", "X-User"][..],
        &["--trusted-proxy", "10.0.0.2"][..],
    ] {
        let e = parse(alone).unwrap_err();
        assert!(e.contains("go together"), "{e}");
    }
    let e = parse(&["--auditor", "a"]).unwrap_err();
    assert!(e.contains("--auditor needs sign-in"), "{e}");
    let e = parse(&["--user-header", "X User", "--trusted-proxy", "127.0.0.1"]).unwrap_err();
    assert!(e.contains("not a header name"), "{e}");
}

#[test]
fn the_late_entry_threshold_is_hours_up_to_a_year() {
    assert_eq!(
        parse(&["--late-entry-hours", "72"])
            .unwrap()
            .late_entry_hours,
        72.0
    );
    assert_eq!(
        parse(&["--late-entry-hours", "0.5"])
            .unwrap()
            .late_entry_hours,
        0.5
    );
    for bad in ["0", "-1", "1e308", "NaN", "inf", "soon"] {
        let e = parse(&[&format!("--late-entry-hours={bad}")]).unwrap_err();
        assert!(
            e.contains("not a number of hours from more than 0 to 8760"),
            "{bad}: {e}"
        );
    }
    assert!(parse(&["--max-connections", "0"]).is_err());
}

#[test]
fn flags_and_errors() {
    let c = parse(&["--port", "9000", "--db", "/tmp/x.db", "--test-mode"]).unwrap();
    assert_eq!(
        (c.port, c.db.to_str().unwrap(), c.test_mode),
        (9000, "/tmp/x.db", true)
    );
    let e = parse(&["--port", "http"]).unwrap_err();
    assert!(
        e.contains("invalid value 'http' for '--port <PORT>': not a port number"),
        "{e}"
    );
    let e = parse(&["--port"]).unwrap_err();
    assert!(e.contains("a value is required for '--port <PORT>'"), "{e}");
    let e = parse(&["--nope"]).unwrap_err();
    assert!(e.contains("unexpected argument '--nope'"), "{e}");
    let open = parse(&["--bind", "0.0.0.0"]).unwrap_err();
    assert!(
        open.contains("--public") && open.contains("without sign-in"),
        "{open}"
    );
    let public = parse(&[
        "--bind",
        "0.0.0.0",
        "--public",
        "--host",
        "Notes.Example.org",
    ])
    .unwrap();
    assert!(public.public);
    assert_eq!(
        public.access(),
        crate::routes::guard::Access {
            loopback: false,
            hosts: vec!["notes.example.org".into()],
            allow_origins: vec![],
        }
    );
    let e = parse(&["--bind", "0.0.0.0", "--public"]).unwrap_err();
    assert!(e.contains("--host NAME"), "{e}");
    assert!(parse(&["--host", "https://x"])
        .unwrap_err()
        .contains("not a host name"));
    assert!(parse(&["--allow-origin", "portal.example"])
        .unwrap_err()
        .contains("not an origin"));
    assert!(parse(&[
        "--bind",
        "0.0.0.0",
        "--public",
        "--host",
        "h",
        "--test-mode"
    ])
    .unwrap_err()
    .contains("loopback"));
}

#[test]
fn verify_reads_the_db_flag_after_it() {
    let c = parse(&["verify", "--db", "/tmp/x.db"]).unwrap();
    assert!(c.verify);
    assert_eq!(c.db.to_str(), Some("/tmp/x.db"));
    assert!(!parse(&[]).unwrap().verify);
}

#[test]
fn site_path_is_normalised() {
    for (given, path) in [
        ("/", ""),
        ("team/notes", "/team/notes"),
        ("/team/notes/", "/team/notes"),
    ] {
        assert_eq!(parse(&["--site-path", given]).unwrap().site_path, path);
    }
    for bad in ["/team//notes", "/team/../notes", "./notes"] {
        let e = parse(&["--site-path", bad]).unwrap_err();
        assert!(e.contains("not a path like /team/notes"), "{e}");
    }
}

#[test]
fn help_lists_every_flag_with_its_explanation() {
    let e = Config::try_parse_from(["casenote-receiver", "--help"]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::DisplayHelp);
    let help = e.to_string();
    for expected in [
        "--bind <ADDR>",
        "[default: 127.0.0.1]",
        "--public",
        "anyone who can reach it can read every note stored",
        "--port <PORT>",
        "[default: 8080]",
        "--db <FILE|URL>",
        "--site <DIR>",
        "--site-path <P>",
        "--examples <DIR>",
        "[default: examples, if present]",
        "--test-mode",
        "loopback only",
        "--host <NAME>",
        "--allow-origin <ORIGIN>",
        "--late-entry-hours <HOURS>",
        "[default: 24]",
        "--allow-self-approval",
        "--max-connections <N>",
        "--user-header <NAME>",
        "--trusted-proxy <ADDR>",
        "--auditor <USER>",
    ] {
        assert!(help.contains(expected), "{expected} in {help}");
    }
}

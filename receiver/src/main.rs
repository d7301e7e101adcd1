//! casenote-receiver: the reference endpoint for casenote notes.
//!
//! Serves the built editor, accepts `POST /api/notes`, stores each note once
//! in SQLite (or PostgreSQL, shared by several instances) and lists them at
//! `/inbox`. See the README's delivery contract.

mod chain;
mod config;
mod conn;
mod db;
mod faults;
mod inbox;
mod pg;
mod reads;
mod routes;
mod schema;
mod serve;
mod store;
mod strict;
mod verify;

use std::sync::Arc;

use config::{Config, Database};
use store::Notes;

#[tokio::main]
async fn main() {
    // Prints --help and exits 0, or prints the error and exits 2.
    let config = Config::try_parse_from(std::env::args_os()).unwrap_or_else(|e| e.exit());
    if config.verify {
        let (code, report) = match config.database() {
            Database::Sqlite(path) => verify::run(path),
            Database::Postgres(url) => verify::run_postgres(url, &config.database_shown()).await,
        };
        if code == 0 {
            println!("{report}");
        } else {
            eprintln!("{report}");
        }
        std::process::exit(code);
    }
    // A schema that does not compile stops the receiver here, not at the
    // first note.
    schema::init();
    let opened = match config.database() {
        Database::Sqlite(path) => db::Store::open(path)
            .map(|s| Notes::Sqlite(Arc::new(s)))
            .map_err(|e| e.to_string()),
        Database::Postgres(url) => pg::PgStore::connect(url, true)
            .await
            .map(Notes::Postgres)
            .map_err(|e| e.to_string()),
    };
    let store = match opened {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "casenote-receiver: cannot open database {}: {e}",
                config.database_shown()
            );
            std::process::exit(1);
        }
    };
    let state = routes::AppState {
        store: Arc::new(store),
        faults: config.test_mode.then(faults::Faults::default).map(Arc::new),
        access: Arc::new(config.access()),
        late_entry_hours: config.late_entry_hours,
        self_approval: config.self_approval,
        sign_in: config.sign_in.clone().map(Arc::new),
    };
    let app = routes::app(
        state,
        &config.site,
        &config.site_path,
        config.examples.as_deref(),
    );
    let addr = std::net::SocketAddr::new(config.bind, config.port);
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("casenote-receiver: cannot listen on {addr}: {e}");
            std::process::exit(1);
        }
    };
    let base = format!("http://{addr}{}", config.site_path);
    println!(
        "casenote-receiver: editor at {base}/ , inbox at {base}/inbox{} , database {}{}",
        if config.examples.is_some() {
            format!(" , portal example at {base}/examples/portal/")
        } else {
            String::new()
        },
        config.database_shown(),
        if config.test_mode {
            " (test mode: fault injection on)"
        } else {
            ""
        }
    );
    serve::serve(
        listener,
        app,
        serve::Limits::with_connections(config.max_connections as usize),
        serve::signalled(),
    )
    .await;
}

//! Command-line flags, read with clap (`--help` lists them).

use std::ffi::OsString;
use std::net::IpAddr;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand};

use crate::routes::reader::SignIn;

/// Where the notes are kept.
#[derive(Debug, PartialEq)]
pub enum Database<'a> {
    Sqlite(&'a std::path::Path),
    Postgres(&'a str),
}

/// The flags as given; [`Config::try_parse_from`] checks them together.
#[derive(Debug, Parser)]
#[command(
    name = "casenote-receiver",
    about = "Reference receiver for casenote: serves the editor, accepts notes at /api/notes, \
             stores each once in SQLite and lists them at /inbox"
)]
struct Flags {
    /// Address to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1", value_parser = ip_address)]
    bind: IpAddr,
    /// Allow an address other machines can reach: there is no sign-in, so
    /// anyone who can reach it can read every note stored
    #[arg(long)]
    public: bool,
    /// Port to listen on
    #[arg(long, value_name = "PORT", default_value = "8080", value_parser = port)]
    port: u16,
    /// SQLite database file, or a PostgreSQL URL (postgres://user@host/db)
    /// that several receivers may share
    #[arg(
        long,
        value_name = "FILE|URL",
        default_value = "casenote-receiver.sqlite",
        global = true
    )]
    db: PathBuf,
    /// Folder of the built editor to serve
    #[arg(long, value_name = "DIR", default_value = "dist")]
    site: PathBuf,
    /// Serve everything under the path P, e.g. /team/notes
    #[arg(long, value_name = "P", default_value = "/", value_parser = site_path)]
    site_path: String,
    /// Folder served at /examples/ [default: examples, if present]
    #[arg(long, value_name = "DIR")]
    examples: Option<PathBuf>,
    /// Also answer requests for this host name (repeatable). Without
    /// --public, localhost, 127.0.0.1 and [::1] are answered too; with it,
    /// only these names
    #[arg(long = "host", value_name = "NAME", value_parser = host_name)]
    hosts: Vec<String>,
    /// Let pages on this origin (e.g. https://portal.example.org) load the
    /// built editor's files, casenote.js and its wasm (repeatable)
    #[arg(long = "allow-origin", value_name = "ORIGIN", value_parser = origin)]
    allow_origins: Vec<String>,
    /// Hours after the end of the service past which a note is a late
    /// entry: a note documented later must say it is one, with its reason,
    /// whatever threshold it was sent with
    #[arg(long, value_name = "HOURS", default_value = "24", value_parser = late_entry_hours)]
    late_entry_hours: f64,
    /// Let a note's author co-sign their own note as its reviewer (refused
    /// unless given)
    #[arg(long)]
    allow_self_approval: bool,
    /// Connections served at once; more wait to be accepted. Keep it under
    /// the open-file limit (ulimit -n)
    #[arg(long, value_name = "N", default_value = "200", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    max_connections: u32,
    /// Sign-in: the header in which the agency's sign-in proxy (in front
    /// of this receiver) names the signed-in user, e.g. X-Forwarded-Email.
    /// Every read of a note is then logged, with who, when and from where.
    /// Needs --trusted-proxy
    #[arg(long, value_name = "NAME", value_parser = header_name)]
    user_header: Option<String>,
    /// The sign-in proxy's address: only requests from it are answered,
    /// and its user header believed (repeatable)
    #[arg(long = "trusted-proxy", value_name = "ADDR", value_parser = ip_address)]
    trusted_proxies: Vec<IpAddr>,
    /// A signed-in user who sees each note's access log in the inbox
    /// (repeatable)
    #[arg(long = "auditor", value_name = "USER")]
    auditors: Vec<String>,
    /// Enable fault injection under /api/_test (loopback only)
    #[arg(long)]
    test_mode: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Walk the database's hash-chained log and its stored notes, and
    /// report the first entry altered, removed or reordered (exit 1), or
    /// the chain's head (exit 0)
    Verify,
}

/// A host name as a `Host` header names it, lower case, without a port.
fn host_name(v: &str) -> Result<String, String> {
    let name = v.trim().trim_end_matches('.').to_ascii_lowercase();
    let ok = !name.is_empty()
        && (name.starts_with('[') && name.ends_with(']')
            || name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
    if ok {
        Ok(name)
    } else {
        Err("not a host name like notes.example.org (no scheme, no port)".into())
    }
}

/// An origin: scheme, host and optional port, nothing after.
fn origin(v: &str) -> Result<String, String> {
    let bad = || "not an origin like https://portal.example.org".to_string();
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
        .ok_or_else(bad)?;
    let ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
    if ok {
        Ok(v.to_ascii_lowercase())
    } else {
        Err(bad())
    }
}

/// A header name, lower case.
fn header_name(v: &str) -> Result<String, String> {
    axum::http::HeaderName::from_bytes(v.trim().as_bytes())
        .map(|h| h.as_str().to_string())
        .map_err(|_| "not a header name like X-Forwarded-Email".into())
}

fn ip_address(v: &str) -> Result<IpAddr, String> {
    v.parse().map_err(|_| "not an IP address".to_string())
}

/// Hours from more than 0 to a year.
fn late_entry_hours(v: &str) -> Result<f64, String> {
    let max = casenote_format::payload::MAX_LATE_ENTRY_HOURS;
    match v.parse::<f64>() {
        Ok(h) if h > 0.0 && h <= max => Ok(h),
        _ => Err(format!("not a number of hours from more than 0 to {max}")),
    }
}

fn port(v: &str) -> Result<u16, String> {
    v.parse().map_err(|_| "not a port number".to_string())
}

/// `/team/notes` for `team/notes/`, and "" for `/`.
fn site_path(v: &str) -> Result<String, String> {
    let trimmed = v.trim_matches('/');
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    if trimmed
        .split('/')
        .any(|seg| seg.is_empty() || seg == "." || seg == "..")
    {
        return Err("not a path like /team/notes".into());
    }
    Ok(format!("/{trimmed}"))
}

#[derive(Debug, PartialEq)]
pub struct Config {
    pub bind: IpAddr,
    pub port: u16,
    pub db: PathBuf,
    pub site: PathBuf,
    /// Everything is served under this prefix ("" for the root).
    pub site_path: String,
    pub examples: Option<PathBuf>,
    pub test_mode: bool,
    /// Listening where other machines can reach it was asked for.
    pub public: bool,
    /// The `--host` names.
    pub hosts: Vec<String>,
    /// The `--allow-origin` origins.
    pub allow_origins: Vec<String>,
    /// `verify` was asked for instead of serving.
    pub verify: bool,
    /// The receiver's own late-entry threshold, in hours.
    pub late_entry_hours: f64,
    /// Whether an author may co-sign their own note (`--allow-self-approval`).
    pub self_approval: bool,
    /// How many connections are served at once.
    pub max_connections: u32,
    /// Sign-in through a proxy, when configured.
    pub sign_in: Option<SignIn>,
}

impl Config {
    /// Reads the flags in `args`, the program's name first (as from
    /// `std::env::args_os()`). A `--help` comes back as an error too:
    /// `clap::Error::exit` prints it.
    pub fn try_parse_from<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let f = Flags::try_parse_from(args)?;
        let refuse = |message: String| Flags::command().error(ErrorKind::ArgumentConflict, message);
        if f.test_mode && !f.bind.is_loopback() {
            return Err(refuse(
                "--test-mode is allowed only on a loopback address".into(),
            ));
        }
        if !f.bind.is_loopback() && !f.public {
            return Err(refuse(format!(
                "--bind {}: other machines could reach this receiver, and without sign-in (--user-header with --trusted-proxy) read every stored note. Add --public if that is what you want",
                f.bind
            )));
        }
        if f.user_header.is_some() == f.trusted_proxies.is_empty() {
            return Err(refuse(
                "--user-header and --trusted-proxy go together: the header is believed only from the proxy that signs users in".into(),
            ));
        }
        if !f.auditors.is_empty() && f.user_header.is_none() {
            return Err(refuse(
                "--auditor needs sign-in (--user-header and --trusted-proxy): without it nobody is known to read".into(),
            ));
        }
        if f.public && f.hosts.is_empty() {
            return Err(refuse(
                "--public answers only the names given with --host: add --host NAME for each name this receiver is reached by".into(),
            ));
        }
        Ok(Config {
            bind: f.bind,
            port: f.port,
            db: f.db,
            site: f.site,
            site_path: f.site_path,
            examples: f
                .examples
                .or_else(|| Some(PathBuf::from("examples")).filter(|p| p.is_dir())),
            test_mode: f.test_mode,
            public: f.public,
            hosts: f.hosts,
            allow_origins: f.allow_origins,
            verify: matches!(f.command, Some(Command::Verify)),
            late_entry_hours: f.late_entry_hours,
            self_approval: f.allow_self_approval,
            max_connections: f.max_connections,
            sign_in: f.user_header.map(|header| SignIn {
                header,
                proxies: f.trusted_proxies,
                auditors: f.auditors,
            }),
        })
    }

    /// `--db` as a PostgreSQL URL, or a SQLite file.
    pub fn database(&self) -> Database<'_> {
        match self.db.to_str() {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Database::Postgres(url)
            }
            _ => Database::Sqlite(&self.db),
        }
    }

    /// `--db` as it may be printed: a URL without its password.
    pub fn database_shown(&self) -> String {
        match self.database() {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres(url) => match (url.find("://"), url.rfind('@')) {
                (Some(scheme), Some(at)) if at > scheme => {
                    let user = &url[scheme + 3..at];
                    let user = user.split(':').next().unwrap_or("");
                    format!("{}{user}{}", &url[..scheme + 3], &url[at..])
                }
                _ => url.to_string(),
            },
        }
    }

    /// The names and origins the routes accept.
    pub fn access(&self) -> crate::routes::guard::Access {
        crate::routes::guard::Access {
            loopback: !self.public,
            hosts: self.hosts.clone(),
            allow_origins: self.allow_origins.clone(),
        }
    }
}

#[cfg(test)]
mod tests;

//! Command-line flags.

use std::net::IpAddr;
use std::path::PathBuf;

pub const USAGE: &str =
    "usage: casenote-receiver [--bind ADDR] [--public] [--port PORT] [--db FILE] [--site DIR] [--test-mode]
  --bind ADDR   address to listen on (default 127.0.0.1)
  --public      allow an address other machines can reach: there is no sign-in,
                so anyone who can reach it can read every note stored
  --port PORT   port to listen on (default 8080)
  --db FILE     SQLite database file (default casenote-receiver.sqlite)
  --site DIR    folder of the built editor to serve (default dist)
  --site-path P serve everything under the path P, e.g. /team/notes (default /)
  --examples D  folder served at /examples/ (default: examples, if present)
  --test-mode   enable fault injection under /api/_test (loopback only)";

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
}

impl Config {
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Self, String> {
        let mut c = Config {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 8080,
            db: PathBuf::from("casenote-receiver.sqlite"),
            site: PathBuf::from("dist"),
            site_path: String::new(),
            examples: Some(PathBuf::from("examples")).filter(|p| p.is_dir()),
            test_mode: false,
            public: false,
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match flag.as_str() {
                "--bind" => {
                    let v = value("--bind")?;
                    c.bind = v
                        .parse()
                        .map_err(|_| format!("--bind: '{v}' is not an IP address"))?;
                }
                "--port" => {
                    let v = value("--port")?;
                    c.port = v
                        .parse()
                        .map_err(|_| format!("--port: '{v}' is not a port number"))?;
                }
                "--db" => c.db = PathBuf::from(value("--db")?),
                "--site" => c.site = PathBuf::from(value("--site")?),
                "--site-path" => {
                    let v = value("--site-path")?;
                    let trimmed = v.trim_matches('/');
                    if trimmed
                        .split('/')
                        .any(|seg| seg.is_empty() || seg == "." || seg == "..")
                        && !trimmed.is_empty()
                    {
                        return Err(format!("--site-path: '{v}' is not a path like /team/notes"));
                    }
                    c.site_path = if trimmed.is_empty() {
                        String::new()
                    } else {
                        format!("/{trimmed}")
                    };
                }
                "--examples" => c.examples = Some(PathBuf::from(value("--examples")?)),
                "--test-mode" => c.test_mode = true,
                "--public" => c.public = true,
                "-h" | "--help" => return Err("help".into()),
                other => return Err(format!("unknown flag '{other}'")),
            }
        }
        if c.test_mode && !c.bind.is_loopback() {
            return Err("--test-mode is allowed only on a loopback address".into());
        }
        if !c.bind.is_loopback() && !c.public {
            return Err(format!(
                "--bind {}: other machines could read every stored note, since this receiver has no sign-in. Add --public if that is what you want",
                c.bind
            ));
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config, String> {
        Config::from_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_bind_loopback_8080() {
        let c = parse(&[]).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1");
        assert_eq!(c.port, 8080);
        assert!(!c.test_mode);
    }

    #[test]
    fn flags_and_errors() {
        let c = parse(&["--port", "9000", "--db", "/tmp/x.db", "--test-mode"]).unwrap();
        assert_eq!(
            (c.port, c.db.to_str().unwrap(), c.test_mode),
            (9000, "/tmp/x.db", true)
        );
        assert_eq!(
            parse(&["--port", "http"]).unwrap_err(),
            "--port: 'http' is not a port number"
        );
        assert_eq!(parse(&["--port"]).unwrap_err(), "--port needs a value");
        assert_eq!(parse(&["--nope"]).unwrap_err(), "unknown flag '--nope'");
        let open = parse(&["--bind", "0.0.0.0"]).unwrap_err();
        assert!(
            open.contains("--public") && open.contains("no sign-in"),
            "{open}"
        );
        assert!(parse(&["--bind", "0.0.0.0", "--public"]).unwrap().public);
        assert!(parse(&["--bind", "0.0.0.0", "--public", "--test-mode"])
            .unwrap_err()
            .contains("loopback"));
    }
}

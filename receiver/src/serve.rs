//! Serving connections so that nobody who can reach the receiver can stall
//! it: hyper's HTTP/1 with a timeout for a request's headers (an idle
//! keep-alive connection is closed by it too), read and write timeouts on
//! every socket (tokio-io-timeout, for a client that stops reading), at most `--max-connections` served at
//! once (the rest wait to be accepted, so the process never runs out of
//! descriptors), request body and handler timeouts (tower-http, in
//! `routes`), accept errors reported at most once a second, and a graceful
//! shutdown on SIGINT or SIGTERM that lets requests under way finish.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request};
use axum::http::StatusCode;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_io_timeout::TimeoutStream;
use tower::ServiceExt;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

use crate::conn::CuttableStream;

/// How long each stage may take, and how many connections are served.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// A request's headers must have arrived this long after the
    /// connection opened or its previous request ended.
    pub headers: Duration,
    /// A socket that neither sends nor takes a byte for this long is
    /// closed; longer than `request`, which answers a slow request first.
    pub idle: Duration,
    /// A request body that sends nothing for this long is cut off (408).
    pub body: Duration,
    /// A request not answered in this long is answered 408.
    pub request: Duration,
    /// Connections served at once.
    pub connections: usize,
    /// How long a shutdown waits for requests under way.
    pub grace: Duration,
}

impl Limits {
    /// The receiver's limits, with `connections` from `--max-connections`.
    pub fn with_connections(connections: usize) -> Self {
        Limits {
            headers: Duration::from_secs(10),
            // Longer than `request`: while a handler works, hyper still
            // reads the socket (to see a client hang up), and a client
            // waiting for its answer sends nothing.
            idle: Duration::from_secs(75),
            body: Duration::from_secs(20),
            request: Duration::from_secs(60),
            connections,
            grace: Duration::from_secs(10),
        }
    }
}

/// Serves `app` on `listener` within `limits` until `shutdown` resolves,
/// then lets the connections under way finish (for up to `limits.grace`).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let app =
        app.layer(RequestBodyTimeoutLayer::new(limits.body))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                limits.request,
            ));
    let slots = Arc::new(Semaphore::new(limits.connections));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.headers);
    let mut last_complaint: Option<Instant> = None;
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (tcp, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(e) => {
                // Out of descriptors, most likely: wait, and say so once a
                // second at most.
                if last_complaint.is_none_or(|t| t.elapsed() >= Duration::from_secs(1)) {
                    eprintln!("casenote-receiver: accept failed: {e}");
                    last_complaint = Some(Instant::now());
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = tcp.set_nodelay(true);
        let (io, cut) = CuttableStream::new(tcp);
        let mut io = TimeoutStream::new(io);
        io.set_read_timeout(Some(limits.idle));
        io.set_write_timeout(Some(limits.idle));
        let service = app.clone().map_request(move |mut req: Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo(cut.clone()));
            req.extensions_mut().insert(ConnectInfo(peer));
            req
        });
        let conn = http.serve_connection(
            TokioIo::new(Box::pin(io)),
            TowerToHyperService::new(service),
        );
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.grace) => {
            eprintln!("casenote-receiver: stopped with requests still under way");
        }
    }
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
pub async fn signalled() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM can be caught");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}

#[cfg(test)]
mod tests;

//! A TCP listener whose connections can be cut: the "store the note,
//! then drop the connection before answering" fault (`routes/faults_layer.rs`).

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// An accepted connection that its [`Cut`] can sever.
pub struct CuttableStream {
    inner: TcpStream,
    cut: Arc<AtomicBool>,
}

/// Handed to each request (as connect info): `cut()` makes the connection fail
/// before anything more is written.
#[derive(Clone)]
pub struct Cut(Arc<AtomicBool>);

impl CuttableStream {
    /// `inner`, and the handle that cuts it.
    pub fn new(inner: TcpStream) -> (Self, Cut) {
        let cut = Arc::new(AtomicBool::new(false));
        (
            CuttableStream {
                inner,
                cut: Arc::clone(&cut),
            },
            Cut(cut),
        )
    }
}

impl Cut {
    pub fn cut(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

fn severed() -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionReset, "cut by --test-mode fault")
}

impl AsyncRead for CuttableStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.cut.load(Ordering::SeqCst) {
            return Poll::Ready(Err(severed()));
        }
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for CuttableStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.cut.load(Ordering::SeqCst) {
            return Poll::Ready(Err(severed()));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

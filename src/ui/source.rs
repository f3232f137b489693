//! Where a reply comes from (the compiled-in seed, JSON text, a URL) and fetching it.

use std::sync::Arc;

use dafu_core::model::{LoadError, Reply, DEFAULT_REPLY_JSON, MAX_JSON_BYTES};

use super::i18n::{fill, Text};

/// What to show.
#[derive(Clone, Debug, PartialEq)]
pub enum ReplySource {
    /// A reply already in hand (converted on the page): shown as it is, with no JSON round trip.
    Reply(Arc<Reply>),
    /// The compiled-in seed reply.
    Default,
    /// Reply JSON given directly.
    Json(String),
    /// Reply JSON to fetch from a URL (relative to the page).
    Url(String),
    /// A reply's plain text, converted in the browser.
    Text(String),
}

/// Why a reply could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server answered with an error status.
    Http {
        /// The URL asked for.
        url: String,
        /// HTTP status code.
        status: u16,
        /// The status text, if the server sent one.
        status_text: String,
    },
    /// The request never got an answer (network, CORS, bad URL).
    Network {
        /// The URL asked for.
        url: String,
        /// What the browser said.
        detail: String,
    },
    /// No whole answer within the time limit.
    Timeout {
        /// The URL asked for.
        url: String,
        /// The limit, in seconds.
        secs: u32,
    },
    /// The server sent a web page (an error page, a login page) where reply JSON was expected.
    NotJson {
        /// The URL asked for.
        url: String,
        /// The Content-Type it gave.
        content_type: String,
    },
    /// The answer is not a valid reply.
    Load(LoadError),
}

impl Failure {
    /// One line saying what failed, in the interface's language.
    pub fn title(&self, t: &Text) -> String {
        let e = &t.errors;
        match self {
            Self::Http {
                url,
                status,
                status_text,
            } => fill(e.http, &[url, status, status_text]),
            Self::Network { url, .. } => fill(e.network, &[url]),
            Self::Timeout { url, secs } => fill(e.timeout, &[url, secs]),
            Self::NotJson { url, .. } => fill(e.not_json, &[url]),
            Self::Load(LoadError::TooLarge { .. }) => e.too_large.to_owned(),
            Self::Load(LoadError::NewerSchema { .. }) => e.newer_schema.to_owned(),
            Self::Load(LoadError::Syntax { line, column, .. }) => fill(e.syntax, &[line, column]),
            Self::Load(LoadError::Invalid(p)) => fill(e.invalid, &[&p.len()]),
        }
    }

    /// The details, one per line (JSON paths and messages stay in English, as developers search for them).
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Http {
                status,
                status_text,
                ..
            } => vec![format!("HTTP {status} {status_text}").trim_end().to_owned()],
            Self::Network { detail, .. } => vec![detail.clone()],
            Self::Timeout { secs, .. } => vec![format!("no complete response within {secs} s")],
            Self::NotJson { content_type, .. } => {
                let got = if content_type.is_empty() {
                    "an HTML page"
                } else {
                    content_type.as_str()
                };
                vec![format!("expected JSON, got {got}")]
            }
            Self::Load(e) => e.lines(),
        }
    }
}

impl ReplySource {
    /// The reply of a source that needs no network (`None` for a URL).
    pub fn local(&self) -> Option<Result<Arc<Reply>, Failure>> {
        match self {
            Self::Reply(reply) => Some(Ok(Arc::clone(reply))),
            Self::Default => Some(parse(DEFAULT_REPLY_JSON).map(Arc::new)),
            Self::Json(text) => Some(parse(text).map(Arc::new)),
            Self::Text(text) => Some(Ok(Arc::new(dafu_core::parse::convert(text).reply))),
            Self::Url(_) => None,
        }
    }
}

/// Parses reply JSON, or explains why not.
pub fn parse(json: &str) -> Result<Reply, Failure> {
    Reply::from_json(json).map_err(Failure::Load)
}

/// How long a reply may take to arrive, whole, before dafu gives up (a slow trickle counts too).
pub const DEFAULT_TIMEOUT_SECS: u32 = 20;

/// Fetches reply JSON from a URL (relative to the page) and parses it. Gives up after `timeout_secs`;
/// refuses a body over the size limit (by its Content-Length before reading, else by its length) and
/// a web page where JSON was expected.
pub async fn fetch(url: String, timeout_secs: u32) -> Result<Reply, Failure> {
    let network = |e: gloo_net::Error| Failure::Network {
        url: url.clone(),
        detail: e.to_string(),
    };
    let controller = web_sys::AbortController::new().ok();
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = controller.clone().map(|c| {
        let flag = timed_out.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                flag.set(true);
                c.abort();
            },
            std::time::Duration::from_secs(u64::from(timeout_secs)),
        )
    });
    let timeout = || Failure::Timeout {
        url: url.clone(),
        secs: timeout_secs,
    };
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let result = async {
        let response = gloo_net::http::Request::get(&url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| {
                if timed_out.get() {
                    timeout()
                } else {
                    network(e)
                }
            })?;
        if !response.ok() {
            return Err(Failure::Http {
                url: url.clone(),
                status: response.status(),
                status_text: response.status_text(),
            });
        }
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|l| l.trim().parse::<usize>().ok());
        if let Some(bytes) = declared.filter(|b| *b > MAX_JSON_BYTES) {
            return Err(Failure::Load(LoadError::TooLarge { bytes }));
        }
        let content_type = response.headers().get("content-type").unwrap_or_default();
        // The bytes straight into wasm memory: reading text would decode UTF-8 to a JS string only to
        // encode it back (about 20 ms for a 2.3 MB reply). Invalid UTF-8 reads as U+FFFD, as text() does.
        let bytes = response.binary().await.map_err(|e| {
            if timed_out.get() {
                timeout()
            } else {
                network(e)
            }
        })?;
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        if content_type.contains("html") || text.trim_start().starts_with('<') {
            return Err(Failure::NotJson {
                url: url.clone(),
                content_type,
            });
        }
        parse(&text)
    }
    .await;
    if let Some(Ok(handle)) = timer {
        handle.clear();
    }
    result
}

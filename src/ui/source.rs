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

/// Where a failed request went, as the error panel names it: never more than the origin. The panel
/// looks official, while an address comes from whoever wrote the page's link (`?src=请拨打400…`) and
/// a status text or header from whoever runs the server; it repeats none of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The page's own origin (a relative address, say).
    ThisSite,
    /// Another web origin (`https://example.gov.cn`), as the browser writes it (hosts in punycode).
    Other(String),
    /// Not a web address, or not one the browser can read.
    Unknown,
}

impl Origin {
    /// The origin `url` resolves to, against the document's base address as a fetch resolves it.
    pub fn of(url: &str) -> Self {
        let document = web_sys::window().and_then(|w| w.document());
        let Some(base) = document.and_then(|d| d.base_uri().ok().flatten()) else {
            return Self::Unknown;
        };
        let (Ok(target), Ok(page)) = (
            web_sys::Url::new_with_base(url, &base),
            web_sys::Url::new(&base),
        ) else {
            return Self::Unknown;
        };
        let origin = target.origin();
        if !matches!(target.protocol().as_str(), "http:" | "https:") || origin == "null" {
            Self::Unknown
        } else if origin == page.origin() {
            Self::ThisSite
        } else {
            Self::Other(origin)
        }
    }

    /// How the panel names it, in the interface's language.
    fn name(&self, t: &Text) -> String {
        match self {
            Self::ThisSite => t.errors.this_site.to_owned(),
            Self::Other(origin) => origin.clone(),
            Self::Unknown => t.errors.unknown_address.to_owned(),
        }
    }
}

/// Why a reply could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server answered with an error status.
    Http {
        /// Where the request went.
        origin: Origin,
        /// HTTP status code (its status text is the server's words, and not shown).
        status: u16,
    },
    /// The request never got an answer (network, CORS, bad URL). The browser's reason is in its
    /// console; its message may quote the address, so it is not shown.
    Network {
        /// Where the request went.
        origin: Origin,
    },
    /// No whole answer within the time limit.
    Timeout {
        /// Where the request went.
        origin: Origin,
        /// The limit, in seconds.
        secs: u32,
    },
    /// The server sent a web page (an error page, a login page) where reply JSON was expected.
    NotJson {
        /// Where the request went.
        origin: Origin,
        /// The media type it gave (`text/html`), without parameters; empty if it gave none.
        media_type: String,
    },
    /// The body went on past the size limit (counted as it arrived, after decompression), and
    /// reading stopped there.
    TooLong {
        /// Bytes read when reading stopped.
        read: usize,
    },
    /// The converter module (for a reply given as text) could not be loaded or run.
    Converter(String),
    /// An address taken from the page's own address was redirected to an origin the page does not
    /// open (see `origin::decide`); nothing of the answer is read.
    Redirected {
        /// Where the redirect led.
        origin: String,
    },
    /// The answer is not a valid reply.
    Load(LoadError),
}

impl Failure {
    /// One line saying what failed, in the interface's language.
    pub fn title(&self, t: &Text) -> String {
        let e = &t.errors;
        match self {
            // The template's last place was the server's status text, never filled now.
            Self::Http { origin, status } => fill(e.http, &[&origin.name(t), status])
                .trim_end()
                .to_owned(),
            Self::Network { origin } => fill(e.network, &[&origin.name(t)]),
            Self::Timeout { origin, secs } => fill(e.timeout, &[&origin.name(t), secs]),
            Self::NotJson { origin, .. } => fill(e.not_json, &[&origin.name(t)]),
            Self::TooLong { .. } | Self::Load(LoadError::TooLarge { .. }) => e.too_large.to_owned(),
            Self::Load(LoadError::NewerSchema { .. }) => e.newer_schema.to_owned(),
            Self::Load(LoadError::Syntax { line, column, .. }) => fill(e.syntax, &[line, column]),
            Self::Load(LoadError::Invalid(p)) => fill(e.invalid, &[&p.len()]),
            Self::Converter(_) => e.converter.to_owned(),
            Self::Redirected { origin } => fill(t.address.refused_origin, &[origin]),
        }
    }

    /// The details, one per line (JSON paths and messages stay in English, as developers search for them).
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Http { status, .. } => vec![format!("HTTP {status}")],
            Self::Network { .. } => {
                vec![
                    "no response (network error, refused by CORS, or an invalid address)"
                        .to_owned(),
                ]
            }
            Self::Timeout { secs, .. } => vec![format!("no complete response within {secs} s")],
            Self::NotJson { media_type, .. } => {
                let got = if media_type.is_empty() {
                    "an HTML page"
                } else {
                    media_type.as_str()
                };
                vec![format!("expected JSON, got {got}")]
            }
            Self::TooLong { read } => vec![format!(
                "reading stopped after {read} bytes: the limit is {MAX_JSON_BYTES} bytes"
            )],
            Self::Converter(why) => vec![why.clone()],
            Self::Redirected { .. } => vec!["redirected to another origin".to_owned()],
            Self::Load(e) => e.lines(),
        }
    }
}

/// A Content-Type's media type (`text/html` of `text/html; charset=utf-8`), if it is one; anything
/// else in the header is the server's words, and empty is returned.
fn media_type(header: &str) -> String {
    let essence = header
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let token = |s: &str| {
        (1..=64).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
    };
    match essence.split_once('/') {
        Some((kind, sub)) if token(kind) && token(sub) => essence,
        _ => String::new(),
    }
}

impl ReplySource {
    /// The reply of a source that needs no network (`None` for a URL).
    pub fn local(&self) -> Option<Result<Arc<Reply>, Failure>> {
        match self {
            Self::Reply(reply) => Some(Ok(Arc::clone(reply))),
            Self::Default => Some(parse(DEFAULT_REPLY_JSON).map(Arc::new)),
            Self::Json(text) => Some(parse(text).map(Arc::new)),
            // Text is converted by the converter module, loaded on first use: see `convert_text`.
            Self::Text(_) => None,
            Self::Url(_) => None,
        }
    }
}

/// Converts a reply's text with the converter module and loads the reply it gives.
pub async fn convert_text(text: &str) -> Result<Reply, Failure> {
    let converted = super::converter::convert(text)
        .await
        .map_err(|u| Failure::Converter(u.0))?;
    parse(&converted)
}

/// Parses reply JSON, or explains why not.
pub fn parse(json: &str) -> Result<Reply, Failure> {
    Reply::from_json(json).map_err(Failure::Load)
}

/// How long a reply may take to arrive, whole, before dafu gives up (a slow trickle counts too).
pub const DEFAULT_TIMEOUT_SECS: u32 = 20;

/// Why reading a body stopped.
pub enum Stop {
    /// The stream failed (the network, or the time limit's abort): what the browser gave, if anything.
    Failed(wasm_bindgen::JsValue),
    /// Past the size limit, after this many bytes.
    TooLong(usize),
}

/// Reads a body as it streams in, counting the bytes the browser hands over (after it decompressed
/// them), and stops past `limit`: a small gzip body can inflate a thousandfold, and `Content-Length`
/// counts it compressed (or is missing). The chunks stay in JS until the whole body is in, are joined
/// there, then copied into wasm memory once, at their exact size; a body refused on the way never
/// reaches it (wasm memory never shrinks). The reply loader and the collection view both read so.
pub async fn read_limited(
    body: Option<web_sys::ReadableStream>,
    limit: usize,
) -> Result<Vec<u8>, Stop> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let Some(body) = body else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut chunks: Vec<js_sys::Uint8Array> = Vec::new();
    let mut total: usize = 0;
    loop {
        let result: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(Stop::Failed)?
            .unchecked_into();
        if result.get_done().unwrap_or(true) {
            break;
        }
        let Ok(chunk) = result.get_value().dyn_into::<js_sys::Uint8Array>() else {
            return Err(Stop::Failed(wasm_bindgen::JsValue::UNDEFINED));
        };
        total = total.saturating_add(usize::try_from(chunk.length()).unwrap_or(usize::MAX));
        if total > limit {
            // Cancelling the stream ends the download too.
            let _ = reader.cancel();
            return Err(Stop::TooLong(total));
        }
        chunks.push(chunk);
    }
    let whole = match chunks.as_slice() {
        [one] => one.clone(),
        _ => {
            let whole = js_sys::Uint8Array::new_with_length(u32::try_from(total).unwrap_or(0));
            let mut at = 0u32;
            for chunk in &chunks {
                whole.set(chunk, at);
                at = at.saturating_add(chunk.length());
            }
            whole
        }
    };
    Ok(whole.to_vec())
}

/// Fetches reply JSON from a URL (relative to the page) and parses it. Gives up after `timeout_secs`;
/// refuses a body over the size limit (by its Content-Length before reading, and by the bytes that
/// arrive, decompressed, while reading) and a web page where JSON was expected. Its failures name the
/// URL's origin only. With `from_address` (the page's `?src=`), an answer redirected to an origin the
/// page would not have opened is refused before its body is read.
pub async fn fetch(url: String, timeout_secs: u32, from_address: bool) -> Result<Reply, Failure> {
    let origin = Origin::of(&url);
    let network = || Failure::Network {
        origin: origin.clone(),
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
    let failed = || {
        if timed_out.get() {
            Failure::Timeout {
                origin: origin.clone(),
                secs: timeout_secs,
            }
        } else {
            network()
        }
    };
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let result = async {
        let response = gloo_net::http::Request::get(&url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|_| failed())?;
        if from_address && response.redirected() {
            if let Err(refused) = super::origin::allows(&response.url()) {
                if let Some(c) = &controller {
                    c.abort();
                }
                return Err(Failure::Redirected {
                    origin: refused.origin(),
                });
            }
        }
        if !response.ok() {
            return Err(Failure::Http {
                origin: origin.clone(),
                status: response.status(),
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
        // Bytes, not text: reading text would decode UTF-8 to a JS string only to encode it back into
        // wasm memory (about 20 ms for a 2.3 MB reply). Invalid UTF-8 reads as U+FFFD, as text() does.
        let bytes = read_limited(response.body(), MAX_JSON_BYTES)
            .await
            .map_err(|stop| match stop {
                Stop::TooLong(read) => {
                    if let Some(c) = &controller {
                        c.abort();
                    }
                    Failure::TooLong { read }
                }
                Stop::Failed(_) => failed(),
            })?;
        let markup = bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'<');
        if content_type.contains("html") || markup {
            return Err(Failure::NotJson {
                origin: origin.clone(),
                media_type: media_type(&content_type),
            });
        }
        // One rule with the CLI: reply JSON is UTF-8 (RFC 8259); other encodings are refused where
        // they stop being UTF-8, never read as replacement characters.
        Reply::from_json_bytes(&bytes).map_err(Failure::Load)
    }
    .await;
    if let Some(Ok(handle)) = timer {
        handle.clear();
    }
    result
}

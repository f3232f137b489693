//! Where a reply comes from (the compiled-in seed, JSON text, a URL) and fetching it.

use crate::model::{LoadError, Reply, DEFAULT_REPLY_JSON};

use super::options::Lang;

/// What to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplySource {
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
    /// The answer is not a valid reply.
    Load(LoadError),
}

impl Failure {
    /// One line saying what failed.
    pub fn title(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return match self {
                Self::Http {
                    url,
                    status,
                    status_text,
                } => format!(
                    "Could not fetch {url}: the server answered HTTP {status} {status_text}"
                ),
                Self::Network { url, .. } => {
                    format!("Could not fetch {url}: network error or invalid address")
                }
                Self::Load(LoadError::TooLarge { .. }) => "The reply file is too large".to_owned(),
                Self::Load(LoadError::NewerSchema { .. }) => {
                    "The reply file is in a newer format".to_owned()
                }
                Self::Load(LoadError::Syntax { line, column, .. }) => {
                    format!("The reply file is malformed (line {line}, column {column})")
                }
                Self::Load(LoadError::Invalid(p)) => {
                    format!("The reply file has {} problem(s)", p.len())
                }
            };
        }
        match self {
            Self::Http {
                url,
                status,
                status_text,
            } => {
                format!("获取 {url} 失败:服务器返回 HTTP {status} {status_text}")
            }
            Self::Network { url, .. } => format!("无法获取 {url}:网络错误或地址无效"),
            Self::Load(LoadError::TooLarge { .. }) => "答复文件过大".to_owned(),
            Self::Load(LoadError::NewerSchema { .. }) => "答复文件的格式版本过新".to_owned(),
            Self::Load(LoadError::Syntax { line, column, .. }) => {
                format!("答复文件格式有误(第{line}行第{column}列)")
            }
            Self::Load(LoadError::Invalid(p)) => format!("答复文件内容有{}处问题", p.len()),
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
            Self::Load(e) => e.lines(),
        }
    }
}

impl ReplySource {
    /// The reply of a source that needs no network (`None` for a URL).
    pub fn local(&self) -> Option<Result<Reply, Failure>> {
        match self {
            Self::Default => Some(parse(DEFAULT_REPLY_JSON)),
            Self::Json(text) => Some(parse(text)),
            Self::Text(text) => Some(Ok(crate::parse::convert(text).reply)),
            Self::Url(_) => None,
        }
    }
}

/// Parses reply JSON, or explains why not.
pub fn parse(json: &str) -> Result<Reply, Failure> {
    Reply::from_json(json).map_err(Failure::Load)
}

/// Fetches reply JSON from a URL (relative to the page) and parses it.
pub async fn fetch(url: String) -> Result<Reply, Failure> {
    let network = |e: gloo_net::Error| Failure::Network {
        url: url.clone(),
        detail: e.to_string(),
    };
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(Failure::Http {
            url,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response.text().await.map_err(network)?;
    parse(&text)
}

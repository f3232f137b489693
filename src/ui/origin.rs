//! Which reply a page opens when its own address names one (`?src=`, and `#src=` on the frame page):
//! only its own origin's, unless the site lists other origins. Anyone can send a link with any
//! `?src=`; without this rule a reply from anywhere that allows CORS would show under the site's name.
//!
//! Sources the page's own markup or script sets (`data-dafu-src`, `dafu.mount`) are the site's choice
//! and never come through here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::error_panel::ErrorPanel;
use super::i18n::{fill, Text};
use super::options::Lang;
use super::source::ReplySource;

/// The `<meta name>` whose content lists, separated by spaces, the other origins a page may open
/// replies from: `<meta name="dafu-allowed-origins" content="https://a.example https://b.example">`.
pub const ALLOWED_ORIGINS_META: &str = "dafu-allowed-origins";

/// Why a page's address does not open the reply it names. Each names at most a scheme or an origin,
/// never the address's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a web address, nor one of the page's own scheme: the scheme (`data:`).
    Scheme(String),
    /// A web address of an origin the site does not list: the origin (`https://b.example`).
    Origin(String),
    /// Not an address the URL parser reads.
    Invalid,
}

impl Refused {
    /// What the error panel says.
    pub fn message(&self, t: &Text) -> String {
        match self {
            Self::Scheme(scheme) => fill(t.errors.refused_src, &[scheme]),
            Self::Origin(origin) => fill(t.address.refused_origin, &[origin]),
            Self::Invalid => t.address.bad_src.to_owned(),
        }
    }

    /// The scheme or origin refused, for a message that names it.
    pub fn origin(&self) -> String {
        match self {
            Self::Scheme(s) | Self::Origin(s) => s.clone(),
            Self::Invalid => String::new(),
        }
    }
}

/// A reply address resolved by the browser's URL parser: its scheme with the colon (`https:`) and
/// its origin as the browser serialises it (`https://a.example:8443`, or `null` for `file:` and other
/// opaque origins).
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// `location.protocol`'s form: lower case, with the colon.
    pub scheme: &'a str,
    /// `location.origin`'s form.
    pub origin: &'a str,
}

/// The rule, given the reply's address and the page's, both resolved, and the origins the site lists:
///
/// - only web addresses (`http:`, `https:`) or addresses of the page's own scheme are fetched
///   (`data:` and `blob:` would show a reply no server published);
/// - a page with a web origin opens its own origin's replies, and those of the listed origins;
/// - a page with an opaque origin (`dafu.html` opened from disk: `file:`) opens addresses of its own
///   scheme (the files beside it, as before), and web addresses only of listed origins.
pub fn decide(src: Place<'_>, page: Place<'_>, allowed: &[String]) -> Result<(), Refused> {
    let web = matches!(src.scheme, "http:" | "https:");
    if !web && src.scheme != page.scheme {
        return Err(Refused::Scheme(src.scheme.to_owned()));
    }
    let opaque = |origin: &str| origin == "null" || origin.is_empty();
    if opaque(page.origin) {
        // Nothing but the scheme tells a file from the page's own site.
        if src.scheme == page.scheme {
            return Ok(());
        }
    } else if src.origin == page.origin {
        return Ok(());
    }
    if !opaque(src.origin) && allowed.iter().any(|a| a == src.origin) {
        return Ok(());
    }
    Err(Refused::Origin(src.origin.to_owned()))
}

/// The origins listed in the document's `<meta name="dafu-allowed-origins">` (every such element),
/// each read by the URL parser so that `https://A.example/` lists `https://a.example`; entries that
/// are not web addresses are skipped.
fn allowed_origins(document: &web_sys::Document) -> Vec<String> {
    let Ok(metas) = document.query_selector_all(&format!("meta[name=\"{ALLOWED_ORIGINS_META}\"]"))
    else {
        return Vec::new();
    };
    let mut origins = Vec::new();
    for i in 0..metas.length() {
        let Some(content) = metas
            .item(i)
            .and_then(|m| m.dyn_into::<web_sys::Element>().ok())
            .and_then(|m| m.get_attribute("content"))
        else {
            continue;
        };
        for entry in content.split(|c: char| c.is_whitespace() || c == ',') {
            let Ok(url) = web_sys::Url::new(entry) else {
                continue;
            };
            if matches!(url.protocol().as_str(), "http:" | "https:") {
                origins.push(url.origin());
            }
        }
    }
    origins
}

/// A parameter of the page's address: from the query (`?src=…`), else, when `fragment` is set, from
/// the fragment read the same way (`#src=…`).
pub fn param(name: &str, fragment: bool) -> Option<String> {
    let location = web_sys::window()?.location();
    let read = |part: String| {
        web_sys::UrlSearchParams::new_with_str(&part)
            .ok()
            .and_then(|p| p.get(name))
    };
    read(location.search().unwrap_or_default()).or_else(|| {
        fragment
            .then(|| location.hash().ok())
            .flatten()
            .and_then(|h| read(h.trim_start_matches('#').to_owned()))
    })
}

/// The reply the page's address names (`?src=`, also `#src=` when `fragment` is set), resolved
/// against the page and checked by [`decide`]; no `src` means the default reply. A refused address is
/// never fetched.
pub fn source_from_location(fragment: bool) -> Result<ReplySource, Refused> {
    let Some(src) = param("src", fragment).filter(|s| !s.trim().is_empty()) else {
        return Ok(ReplySource::Default);
    };
    let url = resolve(&src).ok_or(Refused::Invalid)?;
    allowed_url(&url)?;
    // The address as resolved here, so that what is fetched is what was checked.
    Ok(ReplySource::Url(url.href()))
}

/// Whether the page opens a reply from `address` (absolute, or relative to the page) by [`decide`]:
/// also asked of the address a fetch was redirected to.
pub fn allows(address: &str) -> Result<(), Refused> {
    allowed_url(&resolve(address).ok_or(Refused::Invalid)?)
}

/// [`decide`] for a resolved address, with the page's own address and the origins it lists.
fn allowed_url(url: &web_sys::Url) -> Result<(), Refused> {
    let window = web_sys::window().ok_or(Refused::Invalid)?;
    let location = window.location();
    let (scheme, origin) = (
        location.protocol().unwrap_or_default(),
        location.origin().unwrap_or_default(),
    );
    let allowed = window
        .document()
        .map(|d| allowed_origins(&d))
        .unwrap_or_default();
    let (src_scheme, src_origin) = (url.protocol(), url.origin());
    decide(
        Place {
            scheme: &src_scheme,
            origin: &src_origin,
        },
        Place {
            scheme: &scheme,
            origin: &origin,
        },
        &allowed,
    )
}

/// `src` resolved against the page's address, as `fetch` will resolve it.
pub fn resolve(src: &str) -> Option<web_sys::Url> {
    let base = web_sys::window()?.document()?.base_uri().ok().flatten()?;
    web_sys::Url::new_with_base(src, &base).ok()
}

/// What a page shows instead of a refused reply: only the panel, in the page's language.
pub fn refused_panel(refused: &Refused, lang: Lang) -> impl IntoView {
    let t = lang.text();
    view! {
        <article class="dafu-reply" lang=lang.tag()>
            <ErrorPanel heading=t.app.cannot_show title=refused.message(t) lines=Vec::new() on_retry=None />
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::{decide, Place, Refused};

    const fn at<'a>(scheme: &'a str, origin: &'a str) -> Place<'a> {
        Place { scheme, origin }
    }

    #[test]
    fn a_web_page_opens_its_own_origins_replies_and_those_it_lists_only() {
        let page = at("https:", "https://www.example.gov.cn");
        let listed = ["https://data.example.gov.cn".to_owned()];
        for (src, allowed, outcome) in [
            (at("https:", "https://www.example.gov.cn"), &[][..], Ok(())),
            (
                at("https:", "https://data.example.gov.cn"),
                &listed[..],
                Ok(()),
            ),
            (
                at("https:", "https://data.example.gov.cn"),
                &[][..],
                Err(Refused::Origin("https://data.example.gov.cn".to_owned())),
            ),
            // Another port or scheme is another origin.
            (
                at("http:", "http://www.example.gov.cn"),
                &[][..],
                Err(Refused::Origin("http://www.example.gov.cn".to_owned())),
            ),
            (
                at("https:", "https://www.example.gov.cn:8443"),
                &listed[..],
                Err(Refused::Origin(
                    "https://www.example.gov.cn:8443".to_owned(),
                )),
            ),
            (
                at("data:", "null"),
                &listed[..],
                Err(Refused::Scheme("data:".to_owned())),
            ),
            (
                at("blob:", "https://www.example.gov.cn"),
                &[][..],
                Err(Refused::Scheme("blob:".to_owned())),
            ),
            (
                at("javascript:", "null"),
                &[][..],
                Err(Refused::Scheme("javascript:".to_owned())),
            ),
            (
                at("file:", "null"),
                &[][..],
                Err(Refused::Scheme("file:".to_owned())),
            ),
        ] {
            assert_eq!(decide(src, page, allowed), outcome, "{src:?}");
        }
    }

    #[test]
    fn a_page_opened_from_disk_opens_files_and_only_listed_web_origins() {
        let page = at("file:", "null");
        let listed = ["https://data.example.gov.cn".to_owned()];
        assert_eq!(decide(at("file:", "null"), page, &[]), Ok(()));
        assert_eq!(
            decide(at("https:", "https://data.example.gov.cn"), page, &listed),
            Ok(())
        );
        assert_eq!(
            decide(at("https:", "https://other.example"), page, &listed),
            Err(Refused::Origin("https://other.example".to_owned()))
        );
        assert_eq!(
            decide(at("data:", "null"), page, &listed),
            Err(Refused::Scheme("data:".to_owned()))
        );
        // An opaque origin is never "listed", whatever the list says.
        assert_eq!(
            decide(
                at("https:", "null"),
                at("https:", "https://a.example"),
                &["null".to_owned()]
            ),
            Err(Refused::Origin("null".to_owned()))
        );
    }
}

//! In-browser tests: mount a dafu into a fresh element, act, wait a tick, assert on what a user sees.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // A failing test is a panic.

use dafu::ui::{mount_into, ReplySource};
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a dafu showing `source` into a fresh element and returns that element.
fn mounted(source: ReplySource) -> HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host: HtmlElement = document
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    mount_into(host.clone(), source).forget();
    host
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_default_reply_shows_its_five_sections_closed() {
    let host = mounted(ReplySource::Default);
    tick().await;
    let buttons = all(&host, ".dafu-accordion__button");
    assert_eq!(buttons.len(), 5);
    assert_eq!(
        buttons[1].text_content().unwrap_or_default(),
        "二、关于深化民族团结工作宣传教育方面"
    );
    assert!(buttons
        .iter()
        .all(|b| b.get_attribute("aria-expanded").as_deref() == Some("false")));
    assert!(all(&host, ".dafu-accordion__panel")
        .iter()
        .all(|p| p.get_attribute("hidden").as_deref() == Some("until-found")));
    assert_eq!(text(&host, ".dafu-header__title"), "关于政协提案的答复");
}

#[wasm_bindgen_test]
async fn clicking_a_section_heading_opens_it_and_clicking_again_closes_it() {
    let host = mounted(ReplySource::Default);
    tick().await;
    let button = all(&host, ".dafu-accordion__button").remove(4);
    let panel_id = button.get_attribute("aria-controls").unwrap_or_default();
    let panel = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&panel_id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .expect("aria-controls names the panel");
    assert_eq!(panel.offset_height(), 0, "a closed panel takes no space");

    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!panel.has_attribute("hidden"));
    assert!(panel.offset_height() > 0, "an open panel is visible");
    assert!(panel
        .inner_text()
        .contains("市政府拨付创建全国民族团结进步示范式工作经费305.29万元"));

    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(panel.offset_height(), 0);
}

#[wasm_bindgen_test]
async fn show_all_opens_every_section_then_hides_them_all() {
    let host = mounted(ReplySource::Default);
    tick().await;
    let show_all = all(&host, ".dafu-accordion__show-all").remove(0);
    assert_eq!(show_all.text_content().unwrap_or_default(), "全部展开");
    show_all.click();
    tick().await;
    let expanded: Vec<_> = all(&host, ".dafu-accordion__button")
        .iter()
        .map(|b| b.get_attribute("aria-expanded"))
        .collect();
    assert_eq!(expanded, vec![Some("true".to_owned()); 5]);
    assert_eq!(show_all.text_content().unwrap_or_default(), "全部收起");
    show_all.click();
    tick().await;
    assert!(all(&host, ".dafu-accordion__button")
        .iter()
        .all(|b| b.get_attribute("aria-expanded").as_deref() == Some("false")));
}

#[wasm_bindgen_test]
async fn two_instances_on_one_page_keep_their_own_state_and_ids() {
    let first = mounted(ReplySource::Default);
    let second = mounted(ReplySource::Default);
    tick().await;
    all(&first, ".dafu-accordion__button").remove(0).click();
    tick().await;
    let state =
        |host: &HtmlElement| all(host, ".dafu-accordion__button")[0].get_attribute("aria-expanded");
    assert_eq!(state(&first).as_deref(), Some("true"));
    assert_eq!(state(&second).as_deref(), Some("false"));
    let id = |host: &HtmlElement| all(host, ".dafu-accordion__panel")[0].id();
    assert_ne!(id(&first), id(&second));
}

#[wasm_bindgen_test]
async fn the_funding_total_is_the_exact_sum() {
    let host = mounted(ReplySource::Default);
    tick().await;
    assert_eq!(text(&host, ".dafu-facts__total-value"), "631.29万元");
    let amounts: Vec<String> = all(&host, ".dafu-facts__list--funding .dafu-facts__value")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    assert_eq!(amounts, ["305.29万元", "306万元", "20万元"]);
}

#[wasm_bindgen_test]
async fn a_broken_reply_shows_an_error_panel_naming_the_path() {
    let host = mounted(ReplySource::Json(
        r#"{"schema": 1, "sections": [{"id": "s1", "heading": 7}]}"#.into(),
    ));
    tick().await;
    let panel = host
        .query_selector(".dafu-error")
        .ok()
        .flatten()
        .expect("an error panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        text(&host, ".dafu-error__summary"),
        "答复文件格式有误(第1行第52列)"
    );
    assert!(text(&host, ".dafu-error__line")
        .starts_with("sections[0].heading (line 1, column 52): invalid type: integer `7`"));
    assert!(host
        .query_selector(".dafu-accordion")
        .ok()
        .flatten()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_url_that_answers_404_shows_the_http_status() {
    let host = mounted(ReplySource::Url("/no-such-reply-here.json".into()));
    assert_eq!(text(&host, ".dafu-loading"), "正在加载答复…");
    for _ in 0..50 {
        if host.query_selector(".dafu-error").ok().flatten().is_some() {
            break;
        }
        gloo_timers_sleep(20).await;
    }
    assert!(
        text(&host, ".dafu-error__summary").contains("HTTP 404"),
        "{}",
        text(&host, ".dafu-error")
    );
}

/// Waits `ms` milliseconds without blocking the page.
async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

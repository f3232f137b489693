//! In-browser tests: mount a dafu into a fresh element, act, wait a tick, assert on what a user sees.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

use dafu::ui::Options;
use dafu::ui::{mount_into, ReplySource};
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a dafu showing `source` into a fresh element and returns that element.
fn mounted(source: ReplySource) -> HtmlElement {
    mounted_with(source, Options::default())
}

/// Puts the converter hook in place, as the page's loader does (`Symbol.for("dafu.convert")`), backed
/// by the converter crate itself, so replies given as text convert here as on a page.
fn install_converter() {
    let key = js_sys::Symbol::for_("dafu.convert");
    if js_sys::Reflect::has(&js_sys::global(), &key).unwrap_or(false) {
        return;
    }
    let hook =
        wasm_bindgen::closure::Closure::<dyn Fn(String) -> js_sys::Promise>::new(|text: String| {
            js_sys::Promise::resolve(&dafu_convert::convert(
                wasm_bindgen::JsValue::from_str(&text),
                wasm_bindgen::JsValue::UNDEFINED,
            ))
        });
    js_sys::Reflect::set(&js_sys::global(), &key, hook.as_ref()).expect("the hook is set");
    hook.forget();
}

/// A fresh element holding `html`, in the page.
fn host_with(html: &str) -> HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host: HtmlElement = document
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    host.set_inner_html(html);
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    host
}

/// As [`mounted`], with options.
fn mounted_with(source: ReplySource, options: Options) -> HtmlElement {
    install_converter();
    let host = host_with("");
    mount_into(host.clone(), source, options)
        .expect("mounted")
        .forget();
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
    wait_for(&host, ".dafu-error").await;
    assert!(
        text(&host, ".dafu-error__summary").contains("HTTP 404"),
        "{}",
        text(&host, ".dafu-error")
    );
}

/// Waits up to a second for `selector` to appear under `root`.
async fn wait_for(root: &Element, selector: &str) {
    for _ in 0..50 {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        gloo_timers_sleep(20).await;
    }
    panic!("waited 1 s for {selector}; it never appeared");
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

/// The text of every element matching `selector`, SVG elements included.
fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i)?.text_content())
        .collect()
}

/// Clicks any element (SVG ones have no `click()`): a bubbling click event, as a mouse sends.
fn click(element: &Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("click", &init).expect("an event");
    element.dispatch_event(&event).expect("dispatched");
}

fn active_id() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_seed_shows_three_funding_bars_and_the_exact_total() {
    let host = mounted(ReplySource::Default);
    tick().await;
    assert_eq!(
        texts(&host, ".dafu-chart__value"),
        ["305.29万元", "306万元", "20万元"]
    );
    assert_eq!(texts(&host, ".dafu-funding__total-value"), ["631.29万元"]);
    let title = text(&host, ".dafu-chart__svg title");
    assert_eq!(title, "资金图(按用途):拨付资金合计631.29万元");
    let desc = text(&host, ".dafu-chart__svg desc");
    assert_eq!(
        desc,
        "共3笔资金,金额最大的一项是创建铸牢中华民族共同体意识示范市工作经费306万元,占48.5%。"
    );
}

#[wasm_bindgen_test]
async fn the_funding_table_has_the_same_rows_as_the_chart() {
    let host = mounted(ReplySource::Default);
    tick().await;
    let toggle = all(&host, ".dafu-funding__table-toggle").remove(0);
    let wrap = all(&host, ".dafu-funding__table-wrap").remove(0);
    assert!(wrap.hidden());
    toggle.click();
    tick().await;
    assert!(!wrap.hidden());
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let rows: Vec<String> = all(&host, ".dafu-table tbody .dafu-table__row")
        .iter()
        .map(|r| texts(r, ".dafu-table__label, .dafu-table__number").join(" | "))
        .collect();
    assert_eq!(
        rows,
        [
            "创建全国民族团结进步示范市工作经费 | 305.29万元 | 305.29 | 48.4%",
            "创建铸牢中华民族共同体意识示范市工作经费 | 306万元 | 306 | 48.5%",
            "铸牢中华民族共同体意识课题培训 | 20万元 | 20 | 3.2%",
        ]
    );
    assert_eq!(
        texts(&host, ".dafu-table__total .dafu-table__number")[1],
        "631.29"
    );
}

#[wasm_bindgen_test]
async fn clicking_the_306_wan_yuan_bar_opens_section_five_and_focuses_its_initiative() {
    let host = mounted(ReplySource::Default);
    tick().await;
    let fifth = all(&host, ".dafu-accordion__button").remove(4);
    assert_eq!(
        fifth.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let bar = host
        .query_selector_all(".dafu-chart__row .dafu-chart__bar")
        .unwrap()
        .item(1)
        .unwrap();
    click(bar.unchecked_ref());
    tick().await;
    gloo_timers_sleep(30).await;
    assert_eq!(
        fifth.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(active_id().ends_with("-s5-i2"), "focused: {}", active_id());
    let lit = texts(&host, ".dafu-fact--highlight");
    assert_eq!(lit, ["306万元"]);
}

#[wasm_bindgen_test]
async fn the_timeline_marks_the_as_of_date_and_shows_the_period_as_a_span() {
    let host = mounted(ReplySource::Default);
    tick().await;
    let as_of = all(&host, ".dafu-timeline__event--as-of");
    assert_eq!(as_of.len(), 1);
    // 截至2023年4月 says "as of" itself: no mark doubles it.
    assert!(texts(&as_of[0], ".dafu-timeline__mark").is_empty());
    assert_eq!(texts(&as_of[0], ".dafu-timeline__date"), ["截至2023年4月"]);
    let spans = all(&host, ".dafu-timeline__event--span");
    assert_eq!(
        texts(&spans[0], ".dafu-timeline__date"),
        ["十四五(2021—2025年)"]
    );
    // The period shows both its years: a mark would add nothing.
    assert!(texts(&spans[0], ".dafu-timeline__mark").is_empty());
    assert_eq!(
        texts(&host, ".dafu-timeline__year-label"),
        ["2021年", "2023年", "2035年", "未写明时间"]
    );
    assert_eq!(all(&host, ".dafu-timeline__event--undated").len(), 10);
}

#[wasm_bindgen_test]
async fn the_timeline_turns_newest_first_and_back() {
    let host = mounted(ReplySource::Default);
    tick().await;
    let order = all(&host, ".dafu-timeline__order").remove(0);
    order.click();
    tick().await;
    assert_eq!(order.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        texts(&host, ".dafu-timeline__year-label"),
        ["2035年", "2023年", "2021年", "未写明时间"]
    );
    order.click();
    tick().await;
    assert_eq!(
        texts(&host, ".dafu-timeline__year-label"),
        ["2021年", "2023年", "2035年", "未写明时间"]
    );
}

#[wasm_bindgen_test]
async fn a_timeline_entry_opens_its_section_and_focuses_the_initiative() {
    let host = mounted(ReplySource::Default);
    tick().await;
    let entry = all(&host, ".dafu-timeline__event--as-of .dafu-timeline__link").remove(0);
    entry.click();
    tick().await;
    gloo_timers_sleep(30).await;
    assert_eq!(
        all(&host, ".dafu-accordion__button")[1]
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert!(active_id().ends_with("-s2-i1"), "focused: {}", active_id());
}

#[wasm_bindgen_test]
async fn a_key_figure_opens_its_sentence_and_highlights_the_number() {
    let host = mounted(ReplySource::Default);
    tick().await;
    let strip = texts(&host, ".dafu-figures__strip .dafu-figures__value");
    assert_eq!(
        &strip[..7],
        [
            "1531期",
            "3121场",
            "25万人次",
            "5589万次",
            "6.42万人",
            "31.6万人",
            "631.29万元"
        ]
    );
    all(&host, ".dafu-figures__button").remove(4).click();
    tick().await;
    gloo_timers_sleep(30).await;
    assert_eq!(
        all(&host, ".dafu-accordion__button")[3]
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(texts(&host, ".dafu-fact--highlight"), ["6.42万人"]);
}

#[wasm_bindgen_test]
async fn a_reply_without_funding_says_so_instead_of_an_empty_chart() {
    let json = include_str!("fixtures/replies/dates.reply.json");
    let host = mounted(ReplySource::Json(json.into()));
    tick().await;
    assert_eq!(
        text(&host, ".dafu-funding__none"),
        "本答复没有写明具体的资金金额。"
    );
    assert!(host
        .query_selector(".dafu-chart__svg")
        .ok()
        .flatten()
        .is_none());
}

#[wasm_bindgen_test]
async fn breakdowns_and_every_money_role_are_labelled_not_only_coloured() {
    let json = include_str!("fixtures/replies/funding.reply.json");
    let host = mounted(ReplySource::Json(json.into()));
    tick().await;
    assert_eq!(
        texts(&host, ".dafu-chart__value"),
        [
            "656万元",
            "500万元",
            "156万元",
            "707.03万元",
            "700万元",
            "7.03万元",
            "9130万元(贷款)",
            "200万元(未获批)",
            "近390万元(申请中)",
            "5-10万元",
            "150万元(已争取)",
            "80万元(计划)"
        ]
    );
    assert_eq!(
        texts(&host, ".dafu-chart__row--part .dafu-chart__label")[0],
        "其中:中央财政资金"
    );
    assert_eq!(
        texts(&host, ".dafu-funding__total"),
        [
            "投入资金合计 1,363.03万元",
            "争取到的资金合计 150万元",
            "贷款合计 9,130万元",
            "正在申请的资金合计 390万元",
            "未获批准的资金合计 200万元",
            "计划安排的资金合计 80万元"
        ]
    );
    let loan = host
        .query_selector(".dafu-chart__bar--loan")
        .unwrap()
        .unwrap();
    assert!(loan
        .get_attribute("fill")
        .unwrap_or_default()
        .starts_with("url(#dafu-"));
}

#[wasm_bindgen_test]
async fn english_changes_the_interface_but_never_the_reply_text() {
    let options = Options {
        lang: dafu::ui::Lang::En,
        ..Options::default()
    };
    let host = mounted_with(ReplySource::Default, options);
    tick().await;
    assert_eq!(
        host.query_selector(".dafu-reply")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    assert_eq!(
        text(&host, ".dafu-accordion__show-all"),
        "Show all sections"
    );
    assert_eq!(text(&host, ".dafu-timeline__title"), "Timeline");
    assert_eq!(
        texts(&host, ".dafu-funding__total"),
        ["Total paid 631.29万元"]
    );
    assert_eq!(
        texts(&host, ".dafu-timeline__year-label")
            .last()
            .map(String::as_str),
        Some("No date given")
    );
    assert_eq!(
        texts(&host, ".dafu-timeline__event--as-of .dafu-timeline__place"),
        ["part 2, item 1"]
    );
    assert_eq!(text(&host, ".dafu-badge--valid"), "In force");
    assert_eq!(
        texts(&host, ".dafu-accordion__button")[4],
        "五、关于加强保障方面"
    );
    assert_eq!(text(&host, ".dafu-header__title"), "关于政协提案的答复");
}

#[wasm_bindgen_test]
async fn options_choose_the_views_and_open_every_section() {
    let views = dafu::ui::Views::parse("sections funding");
    let host = mounted_with(
        ReplySource::Default,
        Options {
            views,
            open_all: true,
            ..Options::default()
        },
    );
    tick().await;
    assert!(host.query_selector(".dafu-header").unwrap().is_none());
    assert!(host.query_selector(".dafu-timeline").unwrap().is_none());
    assert!(host.query_selector(".dafu-figures").unwrap().is_none());
    assert!(host.query_selector(".dafu-funding").unwrap().is_some());
    let expanded: Vec<_> = all(&host, ".dafu-accordion__button")
        .iter()
        .map(|b| b.get_attribute("aria-expanded"))
        .collect();
    assert_eq!(expanded, vec![Some("true".to_owned()); 5]);
}

#[wasm_bindgen_test]
async fn the_host_text_stays_while_loading_and_after_a_failure_then_returns_on_unmount() {
    let host = host_with("<p>答复纯文本</p>");
    let mounted = mount_into(
        host.clone(),
        ReplySource::Url("/missing.json".into()),
        Options::default(),
    )
    .expect("mounted");
    let fallback = all(&host, ".dafu-fallback").remove(0);
    assert!(!fallback.hidden(), "shown while loading");
    wait_for(&host, ".dafu-error").await;
    assert!(host.query_selector(".dafu-error").unwrap().is_some());
    assert!(!fallback.hidden(), "kept after a failure");
    mounted.unmount();
    assert_eq!(host.inner_html(), "<p>答复纯文本</p>");
}

#[wasm_bindgen_test]
async fn a_panic_is_reported_in_every_mounted_instance_and_the_host_page_is_untouched() {
    let first = mounted(ReplySource::Default);
    let second = mounted(ReplySource::Default);
    tick().await;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host_text = document.create_element("p").expect("a p");
    host_text.set_text_content(Some("host page text"));
    document
        .body()
        .expect("a body")
        .append_child(&host_text)
        .expect("appended");
    dafu::ui::report_panic("index out of bounds (simulated)");
    for host in [&first, &second] {
        let panels = all(host, ":scope > .dafu-error");
        assert_eq!(panels.len(), 1);
        assert_eq!(panels[0].get_attribute("role").as_deref(), Some("alert"));
        assert!(panels[0]
            .text_content()
            .unwrap_or_default()
            .contains("dafu internal error"));
    }
    assert_eq!(host_text.text_content().as_deref(), Some("host page text"));
}

/// The seed with its sections copied `copies` times over (fresh ids; the copies carry no facts).
fn big_reply_json(copies: usize) -> String {
    use dafu_core::model::{Block, Reply, DEFAULT_REPLY_JSON};
    let mut reply = Reply::from_json(DEFAULT_REPLY_JSON).expect("the seed loads");
    let seed_sections = reply.sections.clone();
    for k in 1..copies {
        for section in &seed_sections {
            let mut copy = section.clone();
            copy.id = format!("{}-c{k}", section.id);
            for block in &mut copy.blocks {
                match block {
                    Block::Paragraph { id, .. } | Block::Initiative { id, .. } => {
                        *id = format!("{id}-c{k}");
                    }
                }
            }
            reply.sections.push(copy);
        }
    }
    reply.to_json()
}

/// How many section panels have their blocks drawn.
/// Panels whose blocks are drawn (a panel also holds its section's 朗读 row, drawn with the heading).
fn drawn_panels(host: &Element) -> usize {
    all(host, ".dafu-accordion__panel")
        .iter()
        .filter(|p| {
            p.query_selector(".dafu-paragraph, .dafu-initiative__text")
                .ok()
                .flatten()
                .is_some()
        })
        .count()
}

#[wasm_bindgen_test]
async fn a_reply_too_big_for_one_frame_shows_its_first_sections_at_once_and_the_rest_soon() {
    let host = mounted(ReplySource::Json(big_reply_json(60)));
    tick().await;
    // The first headings are there at once (headings too are drawn in slices), and the first
    // sections have their text; the last ones not yet.
    let headings = all(&host, ".dafu-accordion__button").len();
    assert!(
        (1..300).contains(&headings),
        "{headings} of 300 headings drawn in the first frame"
    );
    let first = drawn_panels(&host);
    assert!(
        (1..headings).contains(&first),
        "{first} of {headings} panels drawn in the first frame"
    );
    assert!(text(&host, ".dafu-accordion__panel").contains("研究基地呼和浩特分基地"));
    // Opening a section that is not drawn yet draws it at once.
    let last = all(&host, ".dafu-accordion__button")
        .pop()
        .expect("a last heading");
    last.click();
    tick().await;
    let panels = all(&host, ".dafu-accordion__panel");
    let last_panel = panels.last().expect("a last panel");
    assert_eq!(last_panel.get_attribute("hidden"), None);
    assert!(last_panel
        .query_selector(".dafu-paragraph, .dafu-initiative__text")
        .ok()
        .flatten()
        .is_some());
    // The rest follows a slice per frame, within a few seconds.
    for _ in 0..150 {
        if drawn_panels(&host) == 300 {
            break;
        }
        gloo_timers_sleep(20).await;
    }
    assert_eq!(drawn_panels(&host), 300);
    assert_eq!(all(&host, ".dafu-accordion__button").len(), 300);
}

#[wasm_bindgen_test]
async fn show_all_while_a_big_reply_is_still_drawing_draws_every_section_it_opens() {
    let host = mounted(ReplySource::Json(big_reply_json(60)));
    tick().await;
    let before = drawn_panels(&host);
    assert!(before < 300, "{before} of 300 panels drawn before show all");
    all(&host, ".dafu-accordion__show-all").remove(0).click();
    tick().await;
    // In the same frame: every panel open and every panel drawn, without waiting for the fill.
    let panels = all(&host, ".dafu-accordion__panel");
    let open = panels
        .iter()
        .filter(|p| p.get_attribute("hidden").is_none())
        .count();
    assert_eq!((open, drawn_panels(&host)), (300, 300));
    assert!(panels
        .last()
        .and_then(|p| p.text_content())
        .unwrap_or_default()
        .contains("有效衔接中央、自治区"));
}

/// Waits for the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn a_click_while_the_reply_is_still_drawing_gets_the_next_frame_to_itself() {
    let host = mounted(ReplySource::Json(big_reply_json(60)));
    tick().await;
    next_frame().await;
    next_frame().await;
    let before = drawn_panels(&host);
    assert!(
        before < 300,
        "{before} of 300 panels drawn: the fill is over too soon to test"
    );
    // Toggling a section that is already drawn adds no panel; the fill skips the frame after it.
    all(&host, ".dafu-accordion__button")[0].click();
    next_frame().await;
    assert_eq!(drawn_panels(&host), before);
    next_frame().await;
    next_frame().await;
    assert!(drawn_panels(&host) > before);
}

#[wasm_bindgen_test]
async fn unmounting_after_the_host_emptied_its_element_ends_and_leaves_the_element_empty() {
    let host = host_with("<p>答复纯文本</p>");
    let mounted =
        mount_into(host.clone(), ReplySource::Default, Options::default()).expect("mounted");
    tick().await;
    host.set_inner_html("");
    // Before, this moved the detached fallback's first child into the host for ever.
    mounted.unmount();
    assert_eq!(host.inner_html(), "");
    assert!(!host.has_attribute(dafu::ui::ROOT_ATTRIBUTE));
}

#[wasm_bindgen_test]
async fn unmounting_puts_the_text_back_where_the_host_moved_its_wrapper() {
    let host = host_with("<p>答复纯文本</p>");
    let elsewhere = host_with("");
    let mounted =
        mount_into(host.clone(), ReplySource::Default, Options::default()).expect("mounted");
    tick().await;
    let wrapper = all(&host, ".dafu-fallback").remove(0);
    elsewhere.append_child(&wrapper).expect("moved");
    mounted.unmount();
    assert_eq!(elsewhere.inner_html(), "<p>答复纯文本</p>");
    assert_eq!(host.inner_html(), "");
}

#[wasm_bindgen_test]
async fn an_element_that_already_shows_a_reply_is_not_mounted_again() {
    let host = host_with("<p>答复纯文本</p>");
    let first =
        mount_into(host.clone(), ReplySource::Default, Options::default()).expect("mounted");
    tick().await;
    assert!(mount_into(host.clone(), ReplySource::Default, Options::default()).is_none());
    assert_eq!(all(&host, ".dafu-mount").len(), 1);
    first.unmount();
    assert_eq!(host.inner_html(), "<p>答复纯文本</p>");
}

/// A small reply whose preamble, heading, closing and signature hold dates, and whose header has a
/// publication date: facts outside the sections' blocks.
const FACTS_EVERYWHERE: &str = "关于市政协第15号提案的答复\n发布日期:2019-09-03\n张三委员:\n\
    您于2019年3月5日提出的《关于加快学校建设的提案》收悉,现答复如下:\n一、2018年新建学校3所\n\
    全年投入资金500万元。\n感谢您的关心,学校已于2019年5月建成。\n市教育局\n2019年6月30日\n";

#[wasm_bindgen_test]
async fn dates_in_the_preamble_heading_closing_and_signature_are_marked_and_the_timeline_reaches_them(
) {
    let host = mounted(ReplySource::Text(FACTS_EVERYWHERE.into()));
    // The converter module answers asynchronously, as on a page.
    wait_for(&host, ".dafu-preamble").await;
    assert_eq!(
        texts(&host, ".dafu-preamble .dafu-fact--date"),
        ["2019年3月5日"]
    );
    assert_eq!(
        texts(&host, ".dafu-accordion__title .dafu-fact"),
        ["2018年", "3所"]
    );
    assert_eq!(
        texts(&host, ".dafu-closing__text .dafu-fact--date"),
        ["2019年5月"]
    );
    assert_eq!(
        texts(&host, ".dafu-closing__date .dafu-fact--date"),
        ["2019年6月30日"]
    );
    // The header's fields sit behind a closed disclosure: the fill draws them after the first frame.
    for _ in 0..20 {
        if all(&host, ".dafu-body[data-dafu-filling]").is_empty() {
            break;
        }
        next_frame().await;
    }
    assert_eq!(
        texts(&host, ".dafu-meta__value .dafu-fact--date"),
        ["2019-09-03"]
    );
    // The document's own dates (header, signature) date the reply: they are not timeline entries.
    let entries = texts(&host, ".dafu-timeline__date");
    assert_eq!(entries, ["2018年", "2019年3月5日", "2019年5月"]);

    let preamble_entry = all(&host, ".dafu-timeline__link")
        .into_iter()
        .find(|b| {
            b.text_content()
                .unwrap_or_default()
                .contains("2019年3月5日")
        })
        .expect("the preamble's date is on the timeline");
    preamble_entry.click();
    tick().await;
    gloo_timers_sleep(30).await;
    assert!(
        active_id().ends_with("-r-preamble"),
        "focused: {}",
        active_id()
    );
    let lit = all(&host, ".dafu-fact--highlight");
    assert_eq!(lit.len(), 1);
    assert_eq!(lit[0].text_content().unwrap_or_default(), "2019年3月5日");
    assert!(
        lit[0]
            .parent_element()
            .is_some_and(|p| p.class_name() == "dafu-preamble"),
        "the highlighted date is the preamble's"
    );
    // No section was opened for it.
    assert!(all(&host, ".dafu-accordion__button")
        .iter()
        .all(|b| b.get_attribute("aria-expanded").as_deref() == Some("false")));

    // A heading's date: the heading's button takes the focus, the section stays as it was.
    let heading_entry = all(&host, ".dafu-timeline__link")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().contains("2018年"))
        .expect("the heading's date is on the timeline");
    heading_entry.click();
    tick().await;
    gloo_timers_sleep(30).await;
    assert!(active_id().ends_with("-h-s1"), "focused: {}", active_id());
    assert_eq!(texts(&host, ".dafu-fact--highlight"), ["2018年"]);
    assert_eq!(
        all(&host, ".dafu-accordion__button")[0]
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn the_next_steps_panel_lists_the_seeds_promise_and_its_link_focuses_the_closing_line() {
    let host = mounted(ReplySource::Default);
    tick().await;
    assert_eq!(text(&host, ".dafu-next__title"), "下一步打算");
    let items = texts(&host, ".dafu-next__text");
    assert_eq!(items.len(), 1);
    assert!(
        items[0].starts_with("我们将结合您提出的工作意见和建议"),
        "{items:?}"
    );
    assert_eq!(texts(&host, ".dafu-next__place"), ["结尾"]);
    let link = all(&host, ".dafu-next__link").remove(0);
    assert!(link
        .get_attribute("href")
        .is_some_and(|h| h.ends_with("-r-closing-1")));
    link.click();
    tick().await;
    gloo_timers_sleep(30).await;
    assert!(
        active_id().ends_with("-r-closing-1"),
        "focused: {}",
        active_id()
    );
}

#[wasm_bindgen_test]
async fn a_next_step_initiative_link_opens_its_closed_section() {
    let json = include_str!("fixtures/replies/dates.reply.json");
    let host = mounted(ReplySource::Json(json.into()));
    tick().await;
    assert_eq!(
        texts(&host, ".dafu-next__place"),
        ["第二部分 第一项", "第二部分 第二项"]
    );
    let second = all(&host, ".dafu-accordion__button").remove(1);
    assert_eq!(
        second.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    all(&host, ".dafu-next__link").remove(1).click();
    tick().await;
    gloo_timers_sleep(30).await;
    assert_eq!(
        second.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(
        active_id().ends_with("-r-s2-i2"),
        "focused: {}",
        active_id()
    );
    // The timeline names the same places in words, and lists the undated last.
    let places = texts(&host, ".dafu-timeline__place");
    assert!(places.iter().any(|p| p == "第二部分 第一项"), "{places:?}");
    assert_eq!(
        texts(&host, ".dafu-timeline__year-label")
            .last()
            .map(String::as_str),
        Some("未写明时间")
    );
}

#[wasm_bindgen_test]
async fn a_reply_without_next_steps_shows_no_panel() {
    let json = include_str!("fixtures/replies/no_next_steps.reply.json");
    let host = mounted(ReplySource::Json(json.into()));
    tick().await;
    assert_eq!(texts(&host, ".dafu-accordion__button").len(), 1);
    assert!(host.query_selector(".dafu-next").unwrap().is_none());
}

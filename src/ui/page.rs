//! The development page (index.html, and dafu.html from disk): a reply, plus opening a local reply
//! file by picker or by dropping it on the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::MAX_JSON_BYTES;

use super::app::App;
use super::options::{Lang, Options};
use super::source::ReplySource;

/// Reads a file the user chose or dropped and shows it, or says why it cannot.
fn open_file(file: web_sys::File, source: RwSignal<ReplySource>, note: RwSignal<Option<String>>) {
    // f64 is only the browser's way of giving a file size; no money passes through here.
    if file.size() > MAX_JSON_BYTES as f64 {
        note.set(Some(format!(
            "文件“{}”太大,超过{}MB的上限。",
            file.name(),
            MAX_JSON_BYTES / 1024 / 1024
        )));
        return;
    }
    let name = file.name();
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => {
                note.set(Some(format!("已打开“{name}”。")));
                source.set(ReplySource::Json(text.as_string().unwrap_or_default()));
            }
            Err(_) => note.set(Some(format!("无法读取文件“{name}”。"))),
        }
    });
}

/// The page around one reply, with a file picker and a drop target for local reply files.
#[component]
pub fn Page(
    /// The reply shown first.
    initial: ReplySource,
) -> impl IntoView {
    let source = RwSignal::new(initial);
    let note = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let lang = RwSignal::new(Lang::Zh);
    let on_pick = move |ev: web_sys::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            open_file(file, source, note);
        }
        // Clearing lets the same file be chosen again after editing it.
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(file, source, note);
        }
    };
    view! {
        <div
            class="dafu-page__drop"
            class=("dafu-page__drop--active", move || dragging.get())
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="dafu-page__tools">
                <label class="dafu-page__open">
                    "打开本地答复文件(JSON)"
                    <input type="file" class="dafu-page__file" accept=".json,application/json" on:change=on_pick />
                </label>
                <span class="dafu-page__hint">"或把文件拖放到本页"</span>
                <button
                    type="button"
                    class="dafu-page__lang"
                    lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
                >
                    {move || if lang.get() == Lang::Zh { "English" } else { "中文" }}
                </button>
                <p class="dafu-page__note" role="status">{move || note.get()}</p>
            </div>
            {move || {
                let options = Options { lang: lang.get(), ..Options::default() };
                view! { <App source=source.get() options=options /> }
            }}
        </div>
    }
}

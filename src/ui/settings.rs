//! Reading settings for one instance (适老化): 长辈版 (elder mode), text size in four steps up to 1.75×,
//! and high contrast; each combines with the others.

use leptos::prelude::*;

use super::i18n::Text;

/// The classes of the text sizes offered (named in the i18n table); the first is the page's own size.
pub const SIZES: [&str; 4] = [
    "dafu-reply--size-0",
    "dafu-reply--size-1",
    "dafu-reply--size-2",
    "dafu-reply--size-3",
];

/// How reading starts, as the host page asks (`data-dafu-mode="elder"`, `data-dafu-size`). Nothing is
/// remembered across visits: dafu reads and writes no storage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadingStart {
    /// Start in 长辈版.
    pub elder: bool,
    /// The starting text size, an index into [`SIZES`].
    pub size: usize,
}

/// The reader's choices, applied as classes on the instance's root.
#[derive(Clone, Copy, Debug)]
pub struct ReadingSettings {
    /// Index into [`SIZES`].
    pub size: RwSignal<usize>,
    /// High-contrast colours.
    pub contrast: RwSignal<bool>,
    /// 长辈版: larger text and targets, calmer page (style/elder.css).
    pub elder: RwSignal<bool>,
}

impl ReadingSettings {
    /// Standard size, normal contrast, the standard view.
    pub fn new() -> Self {
        Self::starting(ReadingStart::default())
    }

    /// Normal contrast, 长辈版 and the text size as the host page asks.
    pub fn starting(start: ReadingStart) -> Self {
        Self {
            size: RwSignal::new(start.size.min(SIZES.len() - 1)),
            contrast: RwSignal::new(false),
            elder: RwSignal::new(start.elder),
        }
    }

    /// The root's extra classes.
    pub fn classes(self) -> String {
        let size = SIZES
            .get(self.size.get())
            .map_or("dafu-reply--size-0", |s| *s);
        let contrast = if self.contrast.get() {
            " dafu-reply--contrast"
        } else {
            ""
        };
        let elder = if self.elder.get() {
            " dafu-reply--elder"
        } else {
            ""
        };
        format!("{size}{contrast}{elder}")
    }
}

impl Default for ReadingSettings {
    fn default() -> Self {
        Self::new()
    }
}

/// The 长辈版 switch, text-size buttons and a high-contrast switch, each a toggle button with
/// `aria-pressed`.
#[component]
pub fn Settings(
    /// The settings changed.
    settings: ReadingSettings,
    /// The interface's words.
    t: &'static Text,
) -> impl IntoView {
    let sizes = t
        .settings
        .sizes
        .iter()
        .enumerate()
        .map(|(i, &name)| {
            view! {
                <button
                    type="button"
                    class="dafu-settings__button"
                    aria-pressed=move || (settings.size.get() == i).to_string()
                    on:click=move |_| settings.size.set(i)
                >
                    {name}
                </button>
            }
        })
        .collect_view();
    let (size_label, contrast_label, group_label) =
        (t.settings.size, t.settings.contrast, t.settings.group);
    view! {
        <div class="dafu-settings" role="group" aria-label=group_label>
            <button
                type="button"
                class="dafu-settings__button dafu-settings__elder"
                aria-pressed=move || settings.elder.get().to_string()
                on:click=move |_| settings.elder.update(|e| *e = !*e)
            >
                {t.elder.elder}
            </button>
            <span class="dafu-settings__label" aria-hidden="true">{size_label}</span>
            <span class="dafu-settings__sizes" role="group" aria-label=size_label>{sizes}</span>
            <button
                type="button"
                class="dafu-settings__button dafu-settings__contrast"
                aria-pressed=move || settings.contrast.get().to_string()
                on:click=move |_| settings.contrast.update(|c| *c = !*c)
            >
                {contrast_label}
            </button>
        </div>
    }
}

//! The panel shown in place of a reply that could not be loaded: what went wrong and where.

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

/// Shows why the reply cannot be shown, each problem on its own line; announced to screen readers.
#[component]
pub fn ErrorPanel(
    /// The panel's heading ("this reply cannot be shown").
    heading: &'static str,
    /// One line saying what failed.
    title: String,
    /// The details: paths, lines, HTTP status.
    lines: Vec<String>,
    /// Offered as a "try again" button when the failure may pass (network, server, timeout).
    on_retry: Option<(&'static str, UnsyncCallback<()>)>,
) -> impl IntoView {
    let items = lines
        .into_iter()
        .map(|l| view! { <li class="dafu-error__line">{l}</li> })
        .collect_view();
    view! {
        <div class="dafu-error" role="alert">
            <h2 class="dafu-error__title">{heading}</h2>
            <p class="dafu-error__summary">{title}</p>
            <ul class="dafu-error__lines">{items}</ul>
            {on_retry.map(|(label, retry)| view! {
                <button type="button" class="dafu-error__retry" on:click=move |_| retry.run(())>{label}</button>
            })}
        </div>
    }
}

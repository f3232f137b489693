//! The SVG patterns that tell money roles apart without colour.

use leptos::prelude::*;

use super::super::viewer::Viewer;

/// The patterns that tell roles apart without colour, with ids unique to this instance.
#[component]
pub(super) fn Patterns(
    /// The reply's shared state.
    viewer: Viewer,
) -> impl IntoView {
    view! {
        <defs>
            <pattern id=viewer.ids.of("pattern-requested") class="dafu-chart__pattern" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
                <rect class="dafu-chart__pattern-bg" width="8" height="8"></rect>
                <line class="dafu-chart__pattern-ink" x1="0" y1="0" x2="0" y2="8" stroke-width="3"></line>
            </pattern>
            <pattern id=viewer.ids.of("pattern-refused") class="dafu-chart__pattern" patternUnits="userSpaceOnUse" width="8" height="8">
                <rect class="dafu-chart__pattern-bg" width="8" height="8"></rect>
                <path class="dafu-chart__pattern-ink" d="M0 0L8 8M8 0L0 8" stroke-width="1.5"></path>
            </pattern>
            <pattern id=viewer.ids.of("pattern-loan") class="dafu-chart__pattern" patternUnits="userSpaceOnUse" width="6" height="6">
                <rect class="dafu-chart__pattern-bg" width="6" height="6"></rect>
                <circle class="dafu-chart__pattern-dot" cx="3" cy="3" r="1.6"></circle>
            </pattern>
        </defs>
    }
}

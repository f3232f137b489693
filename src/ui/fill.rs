//! Drawing a big reply in slices: the first screen at once, the rest a slice per animation frame.
//!
//! A reply of 500 sections is 370,000 DOM nodes; drawn in one go it takes seconds before anything
//! shows. Views register their heavy parts (a slice of section headings, a section's blocks, a slice
//! of timeline entries, chart rows, table rows, header fields, closing lines or attachments) in
//! document order with a weight (how many items they draw), so that no list of any length is drawn
//! in one frame. Parts are drawn at once while
//! the first-screen budget lasts; once one part is deferred, every later part is too, so the page
//! always fills top-down. After mounting, [`Fill::start`] draws the rest a slice per frame, sizing
//! slices to keep each frame short, and leaves the frame after a click or key press to that input.
//! Opening a section draws it at once; switching the chart's view draws the new view's top at once
//! and queues the rest ([`Fill::redraw`]). A reply of ordinary size (the seed, the five examples) is
//! drawn whole in the first frame, except what sits behind a closed control (the table, the list of
//! all figures), which follows in the next.
//!
//! While the fill runs, text not yet drawn cannot be found with the browser's find-in-page;
//! printing draws everything first.

use leptos::prelude::*;

/// Milliseconds since the page started, with sub-millisecond precision where the browser gives it.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Weight drawn in the first frame: about 15 ms of drawing on the benchmark machine.
const FIRST_SCREEN: usize = 300;
/// Items per slice when a long list is split into parts.
pub const SLICE: usize = 40;
/// Weight drawn per millisecond assumed before the first slice is measured.
const START_RATE: f64 = 20.0;
/// Milliseconds of drawing per frame while filling: a third of a 60 Hz frame.
const SLICE_MS: f64 = 6.0;
/// The longest a slice may take, on a page whose every frame costs the browser far more than that.
const MAX_SLICE_MS: f64 = 50.0;
/// The most weight drawn in one frame, whatever the measured rate.
const MAX_QUOTA: usize = 2_000;

/// The reactive view of [`Fill::when`]. Not generic, so that every list drawn in slices shares its
/// code: a reactive view is compiled once per closure type, about 1 KiB of gzipped wasm each.
fn drawn_view(
    drawn: Option<RwSignal<bool>>,
    draw: Box<dyn Fn() -> AnyView + Send + Sync>,
) -> impl IntoView {
    move || drawn.is_none_or(|d| d.get()).then(&draw)
}

/// Whether a part is on screen when the reply first shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// Visible at first: drawn in the first frame while the budget lasts.
    AtOnce,
    /// Behind a closed control (all figures, the table): drawn by the fill, or when opened, and never
    /// spending the first-screen budget.
    Later,
}

#[derive(Clone, Copy)]
struct Part {
    drawn: RwSignal<bool>,
    weight: usize,
}

/// One reply's heavy parts and how far drawing has got. `Copy`, shared through the viewer.
#[derive(Clone, Copy)]
pub struct Fill {
    parts: StoredValue<Vec<Part>>,
    /// Index of the first part that may still be undrawn.
    next: StoredValue<usize>,
    /// First-screen weight still available; zero once a part has been deferred.
    budget: StoredValue<usize>,
    /// True from [`Fill::start`] until every part is drawn.
    filling: RwSignal<bool>,
    /// Set by a click or key press: the next frame is left to what the reader asked for.
    input: StoredValue<bool>,
    /// Every part drawn as it is registered (the snapshot: one rendering, no frames after it).
    #[cfg(feature = "snapshot")]
    eager: bool,
}

impl Default for Fill {
    fn default() -> Self {
        Self::new()
    }
}

impl Fill {
    /// An empty fill with the whole first-screen budget.
    pub fn new() -> Self {
        Self {
            parts: StoredValue::new(Vec::new()),
            next: StoredValue::new(0),
            budget: StoredValue::new(FIRST_SCREEN),
            filling: RwSignal::new(false),
            input: StoredValue::new(false),
            #[cfg(feature = "snapshot")]
            eager: false,
        }
    }

    /// A fill that draws every part at once, wherever it is (the snapshot is rendered once, to a
    /// string: nothing can be drawn later).
    #[cfg(feature = "snapshot")]
    pub fn eager() -> Self {
        Self {
            eager: true,
            ..Self::new()
        }
    }

    /// Does this fill draw everything at once?
    fn is_eager(self) -> bool {
        // Without the snapshot feature (the browser app) this is a constant: no cost in the wasm.
        #[cfg(feature = "snapshot")]
        let eager = self.eager;
        #[cfg(not(feature = "snapshot"))]
        let eager = false;
        eager
    }

    /// Registers the next part (in document order) of `weight` items; the signal says whether it is
    /// drawn yet, and turns true once.
    pub fn part(self, weight: usize, seen: Seen) -> RwSignal<bool> {
        let drawn = RwSignal::new(false);
        self.register(drawn, weight, seen);
        drawn
    }

    /// Registers `drawn`, made by its owner beforehand (a section's, made with [`OpenSections`]), as
    /// the next part: it turns true now if the part fits the first screen, else when the fill reaches
    /// it or its owner draws it.
    ///
    /// [`OpenSections`]: super::sections::OpenSections
    pub fn register(self, drawn: RwSignal<bool>, weight: usize, seen: Seen) {
        let weight = weight.max(1);
        let now = self.is_eager()
            || seen == Seen::AtOnce
                && self
                    .budget
                    .try_update_value(|left| {
                        let fits = weight <= *left;
                        *left = if fits { *left - weight } else { 0 };
                        fits
                    })
                    .unwrap_or(true);
        if now && drawn.get_untracked() != now {
            drawn.set(now);
        }
        self.parts
            .try_update_value(|parts| parts.push(Part { drawn, weight }));
    }

    /// Draws one part now (a section being opened).
    pub fn draw(drawn: RwSignal<bool>) {
        if drawn.try_get_untracked() == Some(false) {
            drawn.set(true);
        }
    }

    /// Draws the first of a list's `parts` (from [`Fill::list`]) now, up to the first screen's weight:
    /// a view just switched to (a chart view, the table) shows its top at once, and the fill draws
    /// the rest in order, a slice per frame, instead of all of it in the frame of the click.
    pub fn draw_first(parts: &[RwSignal<bool>]) {
        parts
            .iter()
            .take(FIRST_SCREEN.div_ceil(SLICE))
            .copied()
            .for_each(Self::draw);
    }

    /// Parts for a list drawn only once it is asked for (a chart view not shown at first): one per
    /// [`SLICE`] items, none registered; [`Fill::redraw`] draws them.
    pub fn unqueued(len: usize) -> Vec<RwSignal<bool>> {
        (0..len.div_ceil(SLICE))
            .map(|_| RwSignal::new(false))
            .collect()
    }

    /// Draws a list anew (a view made again when the reader switches to it): its top at once, as
    /// [`Fill::draw_first`], and the rest queued after every part registered so far, a slice per
    /// frame, so a switch never draws thousands of items in the frame of the click. `parts` must not
    /// be on screen: they are undrawn first.
    pub fn redraw(self, parts: &[RwSignal<bool>]) {
        for part in parts {
            if part.try_get_untracked() == Some(true) {
                part.set(false);
            }
        }
        Self::draw_first(parts);
        let rest: Vec<Part> = parts
            .iter()
            .skip(FIRST_SCREEN.div_ceil(SLICE))
            .map(|&drawn| Part {
                drawn,
                weight: SLICE,
            })
            .collect();
        if rest.is_empty() {
            return;
        }
        self.parts.try_update_value(|p| p.extend(rest));
        if self.filling.try_get_untracked() == Some(false) {
            self.filling.set(true);
            self.frame(START_RATE, None);
        }
    }

    /// Draws undrawn parts in order until `quota` weight is drawn; returns the weight drawn and
    /// whether anything is left.
    fn step(self, quota: usize) -> (usize, bool) {
        let Some(parts) = self.parts.try_get_value() else {
            return (0, false);
        };
        let mut i = self.next.try_get_value().unwrap_or(0);
        let mut done = 0;
        while let Some(part) = parts.get(i) {
            if done >= quota {
                break;
            }
            if part.drawn.try_get_untracked() == Some(false) {
                part.drawn.set(true);
                done += part.weight;
            }
            i += 1;
        }
        self.next.try_set_value(i);
        let more = i < parts.len();
        if !more && self.filling.try_get_untracked() == Some(true) {
            self.filling.set(false);
        }
        (done, more)
    }

    /// Draws everything still undrawn, now (before printing).
    pub fn finish(self) {
        self.step(usize::MAX);
    }

    /// After mounting: draws the rest a slice per animation frame, until all is drawn or the view is
    /// gone.
    pub fn start(self) {
        let pending = self
            .parts
            .try_with_value(|p| p.iter().any(|p| p.drawn.try_get_untracked() == Some(false)))
            .unwrap_or(false);
        if pending {
            self.filling.set(true);
            self.frame(START_RATE, None);
        }
    }

    /// The reader clicked or pressed a key: skip the next slice, so the answer to that input has the
    /// frame to itself (a toggle while filling took 23–29 ms with a slice in the same frame).
    pub fn yield_to_input(self) {
        self.input.try_set_value(true);
    }

    /// Is part of the reply still to be drawn? (The page marks itself with `data-dafu-filling`, so
    /// tests and benchmarks can tell when the whole reply is in the DOM.)
    pub fn filling(self) -> bool {
        self.filling.get()
    }

    /// One slice in the next frame, sized from `rate` (weight drawn per millisecond so far) to take
    /// about [`SLICE_MS`], leaving the rest of the frame to the page and to the reader's input.
    /// `previous` is when the previous slice started and how long it took: on a page so big that
    /// the browser's own work on every frame dwarfs a slice (100,000 sections: 200 ms a frame,
    /// whatever was drawn), slices grow to a quarter of that work, up to [`MAX_SLICE_MS`], so the
    /// page fills in fewer of those frames without making any of them much longer.
    fn frame(self, rate: f64, previous: Option<(f64, f64)>) {
        request_animation_frame(move || {
            if self.input.try_update_value(std::mem::take) == Some(true) {
                self.frame(rate, None);
                return;
            }
            let start = now();
            let browser_ms = previous.map_or(0.0, |(at, took)| start - at - took);
            let slice_ms = (browser_ms / 4.0).clamp(SLICE_MS, MAX_SLICE_MS);
            // Truncation is intended: a slice is a whole number of items.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let quota = ((rate * slice_ms) as usize).clamp(1, MAX_QUOTA);
            let (drawn, more) = self.step(quota);
            // The slice's views are built by the effects the step woke; this task runs after them,
            // so the time to here is what drawing the slice cost.
            leptos::task::spawn_local(async move {
                let took = now() - start;
                #[allow(clippy::cast_precision_loss)]
                let measured = drawn as f64 / took.max(0.5);
                if more {
                    self.frame((rate + measured) / 2.0, Some((start, took)));
                }
            });
        });
    }

    /// Registers the parts of a list of `len` items: one per [`SLICE`] items.
    pub fn list(self, len: usize, seen: Seen) -> Vec<RwSignal<bool>> {
        (0..len)
            .step_by(SLICE)
            .map(|start| self.part((len - start).min(SLICE), seen))
            .collect()
    }

    /// `items` drawn by `draw`, a slice of [`SLICE`] once its part (from [`Fill::list`]) is drawn.
    /// Items beyond the parts given are drawn at once.
    pub fn draw_list<T, V>(
        items: Vec<T>,
        parts: &[RwSignal<bool>],
        draw: impl Fn(T) -> V + Clone + Send + Sync + 'static,
    ) -> impl IntoView
    where
        T: Clone + Send + Sync + 'static,
        V: IntoView + 'static,
    {
        // The items move into their slices; each is cloned once more when drawn (views take them
        // by value, and a reactive closure may only lend what it owns).
        let mut items = items.into_iter();
        let chunks = std::iter::from_fn(|| {
            let chunk: Vec<T> = items.by_ref().take(SLICE).collect();
            (!chunk.is_empty()).then_some(chunk)
        });
        chunks
            .enumerate()
            .map(|(k, chunk)| {
                let draw = draw.clone();
                Self::when(parts.get(k).copied(), move || {
                    let views: Vec<AnyView> =
                        chunk.iter().cloned().map(|x| draw(x).into_any()).collect();
                    views.into_any()
                })
            })
            .collect_view()
    }

    /// What `draw` makes, once `drawn` is true (at once without it): one slice of a list, say.
    pub fn when(
        drawn: Option<RwSignal<bool>>,
        draw: impl Fn() -> AnyView + Send + Sync + 'static,
    ) -> impl IntoView {
        drawn_view(drawn, Box::new(draw))
    }

    /// `len` items as markup, in parts of [`SLICE`]: returns what is drawn now (the list element's
    /// `inner_html`); each later slice is appended to the element `id` by one effect as its part is
    /// drawn (parts are drawn in order: `finish` and the fill's frames both go top-down). `push(i,
    /// out)` appends item `i`'s markup, its text escaped. No reactive view and no JavaScript handle
    /// per item (ARCHITECTURE, "Why": handles), and one copy of the code for every such list.
    pub fn markup(
        self,
        id: String,
        len: usize,
        seen: Seen,
        push: impl Fn(usize, &mut String) + 'static,
    ) -> String {
        let parts = self.list(len, seen);
        let slice = move |k: usize, out: &mut String| {
            for i in k * SLICE..((k + 1) * SLICE).min(len) {
                push(i, out);
            }
        };
        let mut html = String::new();
        let mut next = 0;
        while parts.get(next).is_some_and(|p| p.get_untracked()) {
            slice(next, &mut html);
            next += 1;
        }
        if next < parts.len() {
            Effect::new(move |_| {
                let mut added = String::new();
                while parts.get(next).is_some_and(|p| p.get()) {
                    slice(next, &mut added);
                    next += 1;
                }
                let list = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&id));
                if let (false, Some(list)) = (added.is_empty(), list) {
                    let _ = list.insert_adjacent_html("beforeend", &added);
                }
            });
        }
        html
    }
}

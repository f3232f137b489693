//! The development page's entry point: install the panic hook, then mount.

fn main() {
    dafu::ui::install_panic_hook();
    dafu::ui::mount_page();
}

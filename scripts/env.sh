# shellcheck shell=bash
# Build environment for the WebAssembly side of fuzhu (trunk, wasm-bindgen-test, e2e).
#
#   . scripts/env.sh && trunk build --release
#   . scripts/env.sh && cargo test --target wasm32-unknown-unknown --test web
#
# Source it only for wasm commands, in a subshell or a Make recipe: native `cargo test`,
# clippy and fmt use the rustup toolchain as it is, without build-std (see the Makefile).
#
# Two routes give the same MVP WebAssembly build (std rebuilt from source with
# -Ctarget-cpu=mvp, which old Android WebViews need and which Debian's wasm-opt 108 accepts):
#   debian  Debian's rustc-web/cargo-web + rust-web-src in /usr/bin (the only route on machines
#           that cannot reach the Rust release servers);
#   rustup  a rustup toolchain that has the rust-src component (e.g.
#           `rustup toolchain install nightly --profile minimal -c rust-src`).
# FUZHU_WASM_ROUTE=debian|rustup forces one; otherwise a rustup toolchain with rust-src wins,
# then Debian's. FUZHU_WASM_TOOLCHAIN picks the rustup toolchain (default: nightly, then stable).

if [ -n "${BASH_SOURCE:-}" ]; then
    FUZHU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
else
    FUZHU_ROOT="${FUZHU_ROOT:-$(pwd)}"
fi
export FUZHU_ROOT

# shellcheck source=scripts/route.sh
. "$FUZHU_ROOT/scripts/route.sh"

FUZHU_ROUTE="$(fuzhu_wasm_route)"
export FUZHU_ROUTE

case "$FUZHU_ROUTE" in
    debian)
        # Debian's cargo/rustc 1.96 first; trunk and wasm-bindgen come from ~/.cargo/bin.
        export PATH="/usr/bin:$HOME/.cargo/bin:$PATH"
        unset RUSTUP_TOOLCHAIN
        ;;
    rustup)
        export PATH="$HOME/.cargo/bin:$PATH"
        RUSTUP_TOOLCHAIN="$(_fuzhu_rustup_toolchain || echo "${FUZHU_WASM_TOOLCHAIN:-nightly}")"
        export RUSTUP_TOOLCHAIN
        ;;
    *)
        echo "scripts/env.sh: no wasm toolchain found; run scripts/setup.sh (or make setup)" >&2
        ;;
esac

# std from source, built for MVP WebAssembly. RUSTC_BOOTSTRAP lets a stable compiler accept
# -Zbuild-std; it is harmless on nightly.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# Size (docs/quality.md has what each saves): std's smaller variants of sorting and number
# formatting (optimize_for_size), no file/line/column strings in panics, and no Debug output
# at all (`{:?}` prints nothing: never build an id, key or text from Debug). The panic hook
# still shows its page. FUZHU_WASM_DEBUG_FMT=1 brings Debug output back, e.g. to read a
# failing browser test's assert_eq! values (it rebuilds everything in target/wasm, twice).
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
if [ -n "${FUZHU_WASM_DEBUG_FMT:-}" ]; then
    export CARGO_BUILD_RUSTFLAGS="-Ctarget-cpu=mvp"
else
    export CARGO_BUILD_RUSTFLAGS="-Ctarget-cpu=mvp -Zlocation-detail=none -Zfmt-debug=none"
fi

# The pages' WebAssembly is optimised for size; Cargo.toml's release profile is the command
# line's, optimised for speed (opt-level 3).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z

# Separate target dir, so native and wasm builds never invalidate each other.
export CARGO_TARGET_DIR="${FUZHU_WASM_TARGET_DIR:-$FUZHU_ROOT/target/wasm}"
# The family page's release build (`FUZHU_RELEASE=1 . scripts/env.sh`, as the Makefile's build
# does): a panic traps at once (-Cpanic=immediate-abort), which leaves out the panic messages
# and their formatting (6.9 KB of the first load gzipped, docs/quality.md); static/boot.js then
# shows the friendly page the Rust hook shows elsewhere. Its own target dir, so the browser
# tests (which keep the hook and its messages) and the release do not rebuild each other.
if [ -n "${FUZHU_RELEASE:-}" ] && [ -z "${FUZHU_WASM_DEBUG_FMT:-}" ]; then
    export CARGO_BUILD_RUSTFLAGS="$CARGO_BUILD_RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort"
    export CARGO_TARGET_DIR="${FUZHU_WASM_TARGET_DIR:-$FUZHU_ROOT/target/wasm-release}"
fi

# wasm-bindgen-test in headless Chromium. The runner gives up on a test file after
# WASM_BINDGEN_TEST_TIMEOUT seconds: tests/web.rs renders every scenario household twice and
# takes about 22 s here, so a slower CI machine gets room (60 s once failed it there).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$FUZHU_ROOT/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}"
# trunk: no update check against crates.io on every run.
export TRUNK_SKIP_VERSION_CHECK=true
# The e2e harness launches this browser (never a downloaded one).
export FUZHU_CHROMIUM="${FUZHU_CHROMIUM:-/usr/bin/chromium}"


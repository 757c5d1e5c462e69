#!/usr/bin/env bash
# Idempotent setup of everything fuzhu's build and tests need. Safe to run again: the second
# run checks and returns in seconds.
#
#  * Debian packages (as root, Debian 12): chromium + chromedriver + fonts-noto-cjk (browser
#    tests, screenshots), g++ (libFuzzer, built by scripts/fuzz.sh), libreoffice-calc-nogui without recommends (the register's tests), binaryen (wasm-opt 108), and - on the Debian route - rustc-web,
#    cargo-web, rust-web-src, rust-web-llvm, lld-NN (a rustc whose std source builds wasm32
#    for MVP, and its linker) and rust-web-clippy (lints the wasm-only app code).
#  * trunk 0.21.14 and wasm-bindgen-cli 0.2.130 via `cargo install`, with the machine's rustup
#    cargo (~/.cargo/bin), unless they already answer the right --version.
#  * for the release's tests (make test-release, test-servers, test-engines, test-web-firefox):
#    nginx, apache2 (started by the tests only, from a temp dir; never as services here),
#    firefox-esr, webkit2gtk-driver + xvfb (WebKitWebDriver and MiniBrowser under xvfb-run),
#    unzip; geckodriver 0.37.1 via `cargo install` (it is not in Debian).
#  * `npm ci --ignore-scripts` in e2e/ when node_modules is missing or does not match
#    package-lock.json (playwright-core, axe-core, lighthouse 12, webdriverio 9: exact
#    versions; they use the machine's browsers and drivers, and no install script may download
#    one).
#  * `npm ci --ignore-scripts` in scripts/ likewise: the release build's own node tools
#    (terser, scripts/package.json), which the build never takes from e2e/.
#
# The wasm route (see scripts/route.sh): a rustup toolchain that already has rust-src is used
# as it is ("rustup"); otherwise Debian's rustc-web ("debian"). FUZHU_WASM_ROUTE=rustup on a
# machine without apt asks rustup for `nightly -c rust-src` (needs the Rust release servers).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_OPT_VERSION=108
APT_RUST=(rustc-web cargo-web rust-web-src rust-web-llvm rust-web-clippy)
# time: GNU time, the peak memory of tests/hostile_registers.rs (prlimit is util-linux's).
# g++: libfuzzer-sys compiles libFuzzer (C++) for make test-fuzz (scripts/fuzz.sh).
APT_COMMON=(binaryen chromium chromium-driver fonts-noto-cjk time g++)
# LibreOffice Calc without its GUI and recommends: tests/register.rs reads the register's
# exported .xlsx back with it (scripts/make-register-fixtures.sh made the fixtures with it).
# Ghostscript: e2e/office-yearly.test.mjs reads each printed page of the office's sheets back
# from the PDF (txtwrite).
APT_OFFICE=(libreoffice-calc-nogui ghostscript)
APT_RELEASE=(nginx apache2 firefox-esr webkit2gtk-driver xvfb xauth unzip)
GECKODRIVER_VERSION=0.37.1

started=$(date +%s)
log() { printf 'setup: %s\n' "$*"; }
die() {
    printf 'setup: ERROR: %s\n' "$*" >&2
    exit 1
}

# Host tools are built for this machine: never with the wasm flags of scripts/env.sh, should
# the caller's shell have sourced it.
unset RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES CARGO_BUILD_RUSTFLAGS CARGO_TARGET_DIR \
    RUSTUP_TOOLCHAIN CARGO_BUILD_TARGET
export PATH="$HOME/.cargo/bin:$PATH"

# shellcheck source=scripts/route.sh
. "$ROOT/scripts/route.sh"

have_apt() { command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; }

pkg_installed() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }

APT_UPDATED=0
apt_ensure() {
    local missing=() p
    for p in "$@"; do
        pkg_installed "$p" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "apt: already installed: $*"
        return 0
    fi
    [ "$(id -u)" -eq 0 ] || die "apt packages missing (${missing[*]}); run as root or install them"
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        apt-get update -qq
        APT_UPDATED=1
    fi
    log "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q ${APT_NO_RECOMMENDS:+--no-install-recommends} "${missing[@]}"
}

# --- 1. the wasm route ----------------------------------------------------------------------
route="$(fuzhu_wasm_route)"
if [ "$route" = none ]; then
    if have_apt; then
        route=debian
    elif command -v rustup >/dev/null 2>&1; then
        route=rustup
    else
        die "neither apt-get (Debian's rustc-web) nor rustup is available to build wasm32"
    fi
fi

case "$route" in
    debian)
        log "wasm route: debian (rustc-web + rust-web-src, std rebuilt for MVP wasm32)"
        have_apt || die "the debian route needs apt-get"
        apt_ensure "${APT_RUST[@]}"
        _fuzhu_debian_ready || die "rustc-web is installed but /usr/lib/rustlib/src/rust is missing"
        # wasm32 links with /usr/bin/rust-lld, a link to lld-NN that rust-web-llvm does not
        # pull in: install the package it points at.
        if [ ! -e /usr/bin/rust-lld ]; then
            lld_pkg="$(basename "$(readlink /usr/bin/rust-lld)")"
            case "$lld_pkg" in
                lld-[0-9]*) apt_ensure "$lld_pkg" ;;
                *) die "/usr/bin/rust-lld is missing or dangling ('$lld_pkg')" ;;
            esac
            [ -e /usr/bin/rust-lld ] || die "/usr/bin/rust-lld still dangling after installing $lld_pkg"
        fi
        log "linker: /usr/bin/rust-lld -> $(readlink /usr/bin/rust-lld)"
        ;;
    rustup)
        if tc="$(_fuzhu_rustup_toolchain)"; then
            log "wasm route: rustup (toolchain '$tc' has rust-src; std rebuilt for MVP wasm32)"
        else
            tc="${FUZHU_WASM_TOOLCHAIN:-nightly}"
            log "wasm route: rustup; installing toolchain '$tc' with rust-src (needs the Rust release servers)"
            timeout 900 rustup toolchain install "$tc" --profile minimal -c rust-src -c clippy ||
                die "rustup could not install $tc with rust-src; on Debian use FUZHU_WASM_ROUTE=debian"
        fi
        ;;
esac

# --- 2. browser, fonts, wasm-opt ------------------------------------------------------------
if have_apt; then
    apt_ensure "${APT_COMMON[@]}"
    APT_NO_RECOMMENDS=1 apt_ensure "${APT_OFFICE[@]}"
else
    log "no apt-get: make sure chromium, chromedriver, a CJK font and binaryen ($WASM_OPT_VERSION) are installed"
fi
for tool in chromium chromedriver wasm-opt; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found"
done
# The release's servers and the other engines. Installing nginx and apache2 must not start
# them (both would want port 80): a policy-rc.d that refuses every start, unless the machine
# has its own (Debian's container images do, with the same effect).
if have_apt; then
    own_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ] && [ "$(id -u)" -eq 0 ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && own_policy=1
    fi
    apt_ensure "${APT_RELEASE[@]}"
    [ "$own_policy" -eq 0 ] || rm -f /usr/sbin/policy-rc.d
else
    log "no apt-get: make sure nginx, apache2, firefox-esr, WebKitWebDriver, xvfb-run and unzip are installed"
fi
for tool in nginx apache2 firefox-esr WebKitWebDriver xvfb-run unzip; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || die "$tool not found"
done
wasm_opt_v="$(wasm-opt --version 2>/dev/null || true)"
case "$wasm_opt_v" in
    *"version $WASM_OPT_VERSION"*) ;;
    *) log "WARNING: wasm-opt says '$wasm_opt_v'; Trunk.toml pins version_$WASM_OPT_VERSION and builds offline" ;;
esac

# --- 3. host tools from crates.io -----------------------------------------------------------
if [ -x "$HOME/.cargo/bin/cargo" ]; then
    HOST_CARGO="$HOME/.cargo/bin/cargo"
else
    HOST_CARGO="$(command -v cargo || true)"
    [ -n "$HOST_CARGO" ] || die "no cargo to install trunk and wasm-bindgen-cli with"
fi

answers() { # answers TOOL "EXPECTED --version LINE"
    command -v "$1" >/dev/null 2>&1 && [ "$("$1" --version 2>/dev/null | head -n1)" = "$2" ]
}

if answers trunk "trunk $TRUNK_VERSION"; then
    log "trunk $TRUNK_VERSION: present"
else
    log "cargo install --locked trunk@$TRUNK_VERSION (about 6 min on 2 cores)"
    "$HOST_CARGO" install --locked "trunk@$TRUNK_VERSION"
fi

if answers wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" &&
    answers wasm-bindgen-test-runner "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION"; then
    log "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
    # Not --locked: the crates.io index reachable here lacks one locked dependency version.
    log "cargo install wasm-bindgen-cli@$WASM_BINDGEN_VERSION (about 2.5 min)"
    "$HOST_CARGO" install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

if answers geckodriver "geckodriver $GECKODRIVER_VERSION"; then
    log "geckodriver $GECKODRIVER_VERSION: present"
else
    # Not --locked, as verified on these machines (about 3 min).
    log "cargo install geckodriver@$GECKODRIVER_VERSION (about 3 min)"
    "$HOST_CARGO" install --force "geckodriver@$GECKODRIVER_VERSION"
fi

# Native checks use the rustup toolchain's fmt and clippy.
for comp in fmt clippy; do
    if ! "$HOST_CARGO" "$comp" --version >/dev/null 2>&1; then
        log "cargo $comp missing; trying rustup component add"
        rustup component add "$([ "$comp" = fmt ] && echo rustfmt || echo clippy)" ||
            log "WARNING: could not add $comp (make test-native needs it)"
    fi
done

# --- 4. e2e node modules --------------------------------------------------------------------
command -v node >/dev/null 2>&1 || die "node (20+) not found; the e2e tests need it"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "node $(node --version) is too old for playwright-core; need 20+"
lock_sum="$(sha256sum e2e/package-lock.json | cut -d' ' -f1)"
stamp=e2e/node_modules/.fuzhu-lock.sha256
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
    log "e2e/node_modules: up to date"
else
    log "npm ci in e2e/ (playwright-core, axe-core, lighthouse, chrome-launcher, webdriverio: pinned by package-lock.json; no browser download)"
    (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$lock_sum" >"$stamp"
fi

# --- 5. the build's node modules --------------------------------------------------------------
# The release build's own tools (scripts/post-build.mjs: terser for the JS glue), apart from the
# e2e tests' packages, so that building never depends on the test harness.
build_lock_sum="$(sha256sum scripts/package-lock.json | cut -d' ' -f1)"
build_stamp=scripts/node_modules/.fuzhu-lock.sha256
if [ -f "$build_stamp" ] && [ "$(cat "$build_stamp")" = "$build_lock_sum" ]; then
    log "scripts/node_modules: up to date"
else
    log "npm ci in scripts/ (terser, for the release build: pinned by package-lock.json)"
    (cd scripts && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$build_lock_sum" >"$build_stamp"
fi

# --- summary --------------------------------------------------------------------------------
(
    # shellcheck source=scripts/env.sh
    . "$ROOT/scripts/env.sh"
    log "wasm env: route=$FUZHU_ROUTE cargo=$(command -v cargo) ($(cargo --version))"
    log "tools: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1)"
    log "browser: $("$FUZHU_CHROMIUM" --version 2>/dev/null), $(chromedriver --version | cut -d' ' -f1-2)"
    log "release tests: $(nginx -v 2>&1 | cut -d' ' -f3), $(apache2 -v | head -n1 | cut -d' ' -f3), $(firefox-esr --version 2>/dev/null), $(geckodriver --version | head -n1), WebKitWebDriver $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null)"
)
log "native: $("$HOST_CARGO" --version)"
log "done in $(($(date +%s) - started)) s"

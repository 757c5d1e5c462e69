# shellcheck shell=bash
# Which route builds WebAssembly on this machine (sourced by env.sh and setup.sh).
# FUZHU_WASM_ROUTE=debian|rustup forces one; otherwise a rustup toolchain with rust-src wins,
# then Debian's rustc-web with rust-web-src; "none" when neither is installed yet.

_fuzhu_rustup_home="${RUSTUP_HOME:-$HOME/.rustup}"

# Prints the name of a rustup toolchain that has rust-src, or nothing.
_fuzhu_rustup_toolchain() {
    local tc dir
    for tc in ${FUZHU_WASM_TOOLCHAIN:-nightly stable}; do
        for dir in "$_fuzhu_rustup_home"/toolchains/"$tc" "$_fuzhu_rustup_home"/toolchains/"$tc"-*; do
            if [ -f "$dir/lib/rustlib/src/rust/library/Cargo.lock" ]; then
                echo "$tc"
                return 0
            fi
        done
    done
    return 1
}

_fuzhu_debian_ready() {
    [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] && [ -f /usr/lib/rustlib/src/rust/library/Cargo.lock ]
}

# Decide the route (setup.sh calls this too, after installing).
fuzhu_wasm_route() {
    case "${FUZHU_WASM_ROUTE:-}" in
        debian | rustup)
            echo "$FUZHU_WASM_ROUTE"
            return 0
            ;;
        "") ;;
        *)
            echo "FUZHU_WASM_ROUTE must be debian or rustup, not '$FUZHU_WASM_ROUTE'" >&2
            return 1
            ;;
    esac
    if _fuzhu_rustup_toolchain >/dev/null; then
        echo rustup
    elif _fuzhu_debian_ready; then
        echo debian
    else
        echo none
    fi
}


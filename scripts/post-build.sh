#!/usr/bin/env bash
# Trunk's post_build hook (see Trunk.toml and Trunk.office.toml), run on the staging
# directory before it becomes dist/. For office.html, only its own step 2 below. For the
# family page (index.html): the office page's files copied in, then:
#   1. policy.html, the text version for phones without JavaScript or WebAssembly, printed by
#      the native command line from the same rules data the app uses (`fuzhu static-page`),
#      and the files of texts the app fetches (`fuzhu text-tables`: English, src/english.rs,
#      and the results' Chinese, src/later.rs);
#   2. the app's JS glue minified (scripts/minify-js.mjs) and the wasm's imports from it
#      shortened (scripts/short-imports.mjs); index.html without comments
#      (scripts/slim-index.mjs), then its Content-Security-Policy meta, with the hashes of its
#      inline script and style (scripts/csp.mjs);
#   3. offices.json, the publishing site's office details, checked as the app checks them
#      (`fuzhu offices`): a bad file fails the build with one line per problem, naming the
#      office and the field, in Chinese then English;
#   4. sw.js's precache list and version, from every file of the release (scripts/precache.mjs).
# The native build runs as the Makefile's native commands do: rustup's cargo, none of the
# wasm variables of scripts/env.sh (which the trunk build itself runs under).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAGE="${TRUNK_STAGING_DIR:?post-build.sh is run by trunk (TRUNK_STAGING_DIR is not set)}"
cd "$ROOT"

# The office page (Trunk.office.toml, built first into target/office-dist by `make build`):
# its bundle's hashes made 16 digits long and its worker script put beside it
# (scripts/hash-names.mjs), its glue minified and imports shortened, office.html slimmed and
# given its own policy. It
# then waits there until the family page's build below takes it into dist/.
if [ "$(basename "${TRUNK_HTML_FILE:-index.html}")" = office.html ]; then
    node "$ROOT/scripts/hash-names.mjs" "$STAGE" office.html
    node "$ROOT/scripts/minify-js.mjs" "$STAGE" office.html
    node "$ROOT/scripts/short-imports.mjs" "$STAGE" office.html
    node "$ROOT/scripts/slim-index.mjs" "$STAGE" office.html
    node "$ROOT/scripts/csp.mjs" "$STAGE" office.html
    exit 0
fi

# The family page's build: the office page joins it (trunk empties dist/ on each build, so a
# page built on its own into dist/ would be removed by the next build).
OFFICE_DIST="${FUZHU_OFFICE_DIST:-$ROOT/target/office-dist}"
if [ -f "$OFFICE_DIST/office.html" ]; then
    cp "$OFFICE_DIST"/office.html "$OFFICE_DIST"/fuzhu-office-* "$STAGE"/
    echo "post-build: office.html and its bundle from $OFFICE_DIST"
else
    echo "post-build: no $OFFICE_DIST/office.html: the office page is not in this build (make build makes it first)" >&2
fi

native_fuzhu() {
    env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES -u CARGO_BUILD_RUSTFLAGS \
        -u CARGO_TARGET_DIR -u CARGO_BUILD_TARGET -u RUSTUP_TOOLCHAIN \
        PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" \
        cargo run --quiet --bin fuzhu -- "$@"
}
native_fuzhu static-page >"$STAGE/policy.html.part"
mv "$STAGE/policy.html.part" "$STAGE/policy.html"
# The texts the web build carries as tags, each file named by its content like trunk's own:
# the English, fetched when English is chosen (src/english.rs, en-<hash>.txt), and the Chinese
# of the results, fetched once the first screen is up (src/later.rs, later-<hash>.txt).
native_fuzhu text-tables "$STAGE"
echo "post-build: $(cd "$STAGE" && ls en-*.txt) ($(wc -l <"$STAGE"/en-*.txt) English texts)"
echo "post-build: $(cd "$STAGE" && ls later-*.txt) ($(wc -l <"$STAGE"/later-*.txt) texts of the results)"
echo "post-build: policy.html ($(grep -c '<article class="item"' "$STAGE/policy.html") items)"

# Hashes of 16 digits in the bundle's names, as the deploy configurations' cache rule wants
# (scripts/hash-names.mjs); then the app's JS glue minified (terser, from e2e/node_modules),
# and the wasm's imports from it given short names in both.
node "$ROOT/scripts/hash-names.mjs" "$STAGE"
node "$ROOT/scripts/minify-js.mjs" "$STAGE"
node "$ROOT/scripts/short-imports.mjs" "$STAGE"

# index.html without its comments and spare whitespace, then the Content-Security-Policy with
# the hashes of its inline script and style as left: both before the precache list, whose
# version hashes index.html as it will be served.
node "$ROOT/scripts/slim-index.mjs" "$STAGE"
node "$ROOT/scripts/csp.mjs" "$STAGE"

if ! native_fuzhu offices "$STAGE/offices.json"; then
    echo "post-build: offices.json（static/offices.json）有误，见上 / offices.json has problems, listed above" >&2
    exit 1
fi
echo "post-build: offices.json checked"

node "$ROOT/scripts/precache.mjs" "$STAGE"

# SPDX-License-Identifier: GPL-3.0-or-later
# Functions behind tools/dev. Sourced; SRC is set by the caller.

if [ -n "${PILVI_CACHE:-}" ]; then
    CACHE=$PILVI_CACHE
elif [ "$(id -u)" = 0 ]; then
    CACHE=/var/cache/pilvi
else
    CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/pilvi
fi
mkdir -p "$CACHE" 2>/dev/null || true
MIRROR=${MIRROR:-http://deb.debian.org/debian}
PACKAGES_FILE="$SRC/tools/devroot-packages.txt"

say() { printf 'tools/dev: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# --- Where to build: natively, or in the cached Debian 13 root ---------------------------------

# True when this host has everything Pilvi needs (Debian 13, Fedora, Arch...). A quick look through
# pkg-config and the CMake package files; CMake's find_package is the final judge either way.
native_host_ok() {
    case "${PILVI_NATIVE:-}" in 1) return 0 ;; 0) return 1 ;; esac
    command -v cmake >/dev/null && command -v ninja >/dev/null && command -v pkg-config >/dev/null || return 1
    pkg-config --atleast-version=6.7 Qt6Core 2>/dev/null || return 1
    pkg-config --exists libfyaml libgvc libcgraph 2>/dev/null || return 1
    local d found=0
    for d in /usr/lib/*/cmake /usr/lib/cmake /usr/lib64/cmake /usr/share/cmake; do
        [ -e "$d/KF6SyntaxHighlighting" ] && [ -e "$d/Qt6Keychain" ] && found=1
    done
    [ $found = 1 ]
}

devroot_path() {
    local hash
    hash=$(grep -v '^#' "$PACKAGES_FILE" | sha256sum | cut -c1-12)
    echo "$CACHE/devroot-$hash"
}

# Builds the Debian 13 root once (about a minute), into a temporary folder renamed at the end, so
# an interrupted build never leaves a half root that looks finished.
build_devroot() {
    local root=$1 tmp
    [ "$(id -u)" = 0 ] || die "building the Debian 13 build root needs root (mmdebstrap, unshare, chroot); run as root, or install Qt >= 6.7 and KF6 natively (see README)"
    if ! command -v mmdebstrap >/dev/null; then
        say "installing mmdebstrap on the host (the only host package tools/dev installs)"
        apt-get update -qq || die "apt-get update failed: is the Debian mirror reachable?"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null || die "could not install mmdebstrap"
    fi
    mkdir -p "$CACHE"
    tmp="$root.tmp.$$"
    rm -rf "$root".tmp.*
    local pkgs
    pkgs=$(grep -v '^#' "$PACKAGES_FILE" | grep -v '^$' | paste -sd, -)
    say "building the Debian 13 build root in $root (once; about a minute)"
    local t0=$SECONDS
    if ! mmdebstrap --variant=apt --quiet \
        --aptopt='APT::Install-Recommends "false"' \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
        --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --include="$pkgs" trixie "$tmp" "$MIRROR" >"$CACHE/devroot-build.log" 2>&1; then
        tail -n 20 "$CACHE/devroot-build.log" >&2
        rm -rf "$tmp"
        if grep -qiE 'could not resolve|failed to fetch|unable to connect|temporary failure' "$CACHE/devroot-build.log"; then
            die "the Debian mirror $MIRROR is unreachable (see $CACHE/devroot-build.log)"
        fi
        die "mmdebstrap failed (see $CACHE/devroot-build.log)"
    fi
    mv "$tmp" "$root"
    say "build root ready in $((SECONDS - t0)) s, $(du -sh --one-file-system "$root" | cut -f1)"
}

# Sets ENV_MODE (native|root) and ENV_ROOT, building the root when it is missing.
ensure_env() {
    if native_host_ok; then
        ENV_MODE=native ENV_ROOT=-
        return
    fi
    ENV_MODE=root
    ENV_ROOT=$(devroot_path)
    if [ ! -d "$ENV_ROOT" ]; then
        (
            exec 9>"$CACHE/.devroot.lock"
            flock 9
            [ -d "$ENV_ROOT" ] || build_devroot "$ENV_ROOT"
        )
    fi
}

# Runs a command in the build environment, with the ccache folder outside the clone.
in_env() {
    export CCACHE_DIR="$CACHE/ccache" CCACHE_BASEDIR="$SRC" CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
    mkdir -p "$CCACHE_DIR"
    if [ "$ENV_MODE" = native ]; then
        "$@"
    else
        unshare --mount --propagation private --fork -- "$SRC/tools/devroot-enter" "$ENV_ROOT" "$@"
    fi
}

dev_setup() {
    ensure_env
    if [ "$ENV_MODE" = native ]; then say "native build: this host has Qt >= 6.7 and KF6"; else say "build root: $ENV_ROOT"; fi
}

# --- Build, run, test ------------------------------------------------------------------------------

dev_build() {
    local preset=$1
    ensure_env
    cd "$SRC"
    if [ ! -f "build/$preset/CMakeCache.txt" ]; then
        in_env cmake --preset "$preset" >/dev/null || die "cmake configure ($preset) failed"
    fi
    in_env cmake --build --preset "$preset"
    echo "$ENV_MODE $ENV_ROOT" >"build/$preset/.pilvi-env"
}

has_display() { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }

# True when the user has a clouds.yaml of their own where openstacksdk looks for one.
user_has_clouds_yaml() {
    local dir ext
    [ -n "${OS_CLIENT_CONFIG_FILE:-}" ] && [ -f "$OS_CLIENT_CONFIG_FILE" ] && return 0
    for dir in "$PWD" "${XDG_CONFIG_HOME:-$HOME/.config}/openstack" /etc/openstack; do
        for ext in yaml yml json; do
            [ -f "$dir/clouds.$ext" ] && return 0
        done
    done
    return 1
}

# A newcomer's first `tools/dev run` shows Pilvi on a real cloud: with no clouds.yaml of their
# own (or with --sandbox), the sandbox cloud comes up first and is selected.
dev_run() {
    local offscreen=0 sandbox=auto arg args=()
    for arg in "$@"; do
        case "$arg" in
            --sandbox) sandbox=yes ;;
            --no-sandbox) sandbox=no ;;
            --offscreen) offscreen=1; args+=("$arg") ;;
            *) args+=("$arg") ;;
        esac
    done
    if [ $offscreen = 0 ] && ! has_display; then
        die "no display: neither DISPLAY nor WAYLAND_DISPLAY is set. Start Pilvi from a desktop session, or make a screenshot with 'tools/dev run --offscreen --screenshot FILE'"
    fi
    if [ $sandbox = auto ]; then
        if user_has_clouds_yaml; then sandbox=no; else sandbox=yes; fi
    fi
    if [ $sandbox = yes ]; then
        if ! "$SRC/tools/sandbox-cloud" is-up; then
            say "starting the sandbox cloud (a real OpenStack on 127.0.0.1; --no-sandbox skips it)"
            "$SRC/tools/sandbox-cloud" up || die "the sandbox cloud did not come up; run Pilvi without it with --no-sandbox"
        fi
        export OS_CLOUD=${OS_CLOUD:-sandbox}
    fi
    dev_build release
    [ $offscreen = 1 ] && export QT_QPA_PLATFORM=offscreen
    local status=0
    in_env "$SRC/build/release/app/pilvi" ${args[@]+"${args[@]}"} || status=$?
    return $status
}

# The sandbox cloud comes up (in the background, while the build runs) unless it already runs,
# proves itself with its selftest, serves the integration tests, and goes down again afterwards
# unless it was running before.
dev_test() {
    local t0=$SECONDS sandbox="$SRC/tools/sandbox-cloud" sandbox_pid="" was_up=0
    if "$sandbox" is-up; then
        was_up=1
        say "the sandbox cloud is already up; it stays up"
    fi
    # Even when it answers: `up` returns at once when the running sandbox is current, and
    # restarts it when its configuration changed since it was started.
    "$sandbox" up >"$CACHE/sandbox-up.log" 2>&1 &
    sandbox_pid=$!
    # shellcheck disable=SC2064  # expand now: the trap must know what this run started
    trap "[ $was_up = 1 ] || \"$sandbox\" down >/dev/null 2>&1 || true" EXIT

    dev_build ci
    if [ -n "$sandbox_pid" ] && ! wait "$sandbox_pid"; then
        cat "$CACHE/sandbox-up.log" >&2
        die "the sandbox cloud did not come up (log above)"
    fi
    "$sandbox" selftest || die "the sandbox cloud's selftest failed"
    bash "$SRC/tests/sandbox/test-sandbox-cli.sh" "$sandbox" || die "tools/sandbox-cloud's own tests failed"

    # Lint runs beside the tests: they mostly wait on the sandbox cloud, lint wants the CPU. At a
    # lower priority, so the tests' own pace comes first; its report follows the tests'.
    local lint_log="$CACHE/lint-last.log" lint_pid lint_status=0 status=0
    (renice -n 10 "$BASHPID" >/dev/null; dev_lint) >"$lint_log" 2>&1 &
    lint_pid=$!
    PILVI_SANDBOX_CLOUDS="$CACHE/sandbox/clouds.yaml" QT_QPA_PLATFORM=offscreen in_env ctest --preset ci || status=$?
    say "tests done in $((SECONDS - t0)) s; waiting for lint"
    wait "$lint_pid" || lint_status=$?
    cat "$lint_log"
    [ $status = 0 ] || die "tests failed (and lint exited $lint_status, above)"
    [ $lint_status = 0 ] || die "lint failed (above)"
    say "tests and lint passed in $((SECONDS - t0)) s"
}

dev_lint() {
    ensure_env
    [ -f "$SRC/build/ci/compile_commands.json" ] || dev_build ci
    in_env python3 "$SRC/tools/lint.py" --build "$SRC/build/ci" --cache "$CACHE/lint"
}

dev_shell() {
    ensure_env
    if [ $# = 0 ]; then set -- bash; fi
    in_env "$@"
}

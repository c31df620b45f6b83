# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash disable=SC2034 # the settings are used by tools/sandbox-cloud
# Host-side functions behind tools/sandbox-cloud. Sourced; SANDBOX_SRC (this folder) is set by the
# caller. Everything here runs on the host; the scripts in inside/ run chrooted in the root.
#
# Layout of the cache (outside the clone):
#   $SANDBOX_DIR/packages-<phash>/  pristine mmdebstrap output, keyed by packages.txt only. Never run
#                                   in; copied to make a root, so `reset` and edits to inside/ do not
#                                   download and unpack 1.5 GB again.
#   $SANDBOX_DIR/root-<hash>/       the working root: packages + configuration + the cloud's data.
#                                   <hash> covers packages.txt and the configuring scripts in inside/.
#   $SANDBOX_DIR/clouds.yaml        copied out of the root after bootstrap (mode 0600)
#   $SANDBOX_DIR/active             path of the root whose services were started (removed by down)
#   $SANDBOX_DIR/build.log          output of the last mmdebstrap run

CACHE=${PILVI_CACHE:-/var/cache/pilvi}
SANDBOX_DIR=$CACHE/sandbox
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUITE=trixie
CLOUDS_YAML=$SANDBOX_DIR/clouds.yaml
INSIDE_DIR=/opt/sandbox           # where inside/ is copied to, in the root
STATE_DIR=/var/lib/sandbox        # pids/, bootstrapped markers, clouds.yaml (in the root)
LOG_DIR=/var/log/sandbox          # one NAME.log per service (in the root)

# shellcheck source=inside/services.sh
. "$SANDBOX_SRC/inside/services.sh"

say() { printf 'sandbox cloud: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# --- Preconditions ------------------------------------------------------------------------------

require_root() {
    [ "$(id -u)" = 0 ] && return 0
    local userns="this host does not allow unprivileged user namespaces either"
    if unshare --user --map-root-user true 2>/dev/null; then
        userns="user namespaces are available here, but rootless operation is not implemented"
    fi
    die "needs root (mmdebstrap, unshare --mount, chroot and bind mounts); $userns. Run it as root (e.g. sudo $0 $*)."
}

# --- Paths and hashes ---------------------------------------------------------------------------

# The configuring scripts: everything in inside/ except the selftest, which changes no state.
config_files() {
    (cd "$SANDBOX_SRC" && find inside -type f ! -name 'selftest*' | LC_ALL=C sort)
}

packages_hash() { sha256sum <"$SANDBOX_SRC/packages.txt" | cut -c1-12; }

root_hash() {
    # shellcheck disable=SC2046 # file names without spaces, by construction
    (cd "$SANDBOX_SRC" && sha256sum packages.txt $(config_files)) | sha256sum | cut -c1-12
}

packages_path() { echo "$SANDBOX_DIR/packages-$(packages_hash)"; }
root_path() { echo "$SANDBOX_DIR/root-$(root_hash)"; }

# The root whose services were started last; falls back to the current configuration's root.
active_root() {
    local r
    if [ -s "$SANDBOX_DIR/active" ] && r=$(cat "$SANDBOX_DIR/active") && [ -d "$r" ]; then
        echo "$r"
    else
        root_path
    fi
}

package_list() { grep -v '^[[:space:]]*#' "$SANDBOX_SRC/packages.txt" | grep -v '^[[:space:]]*$' | paste -sd, -; }

# One lock for everything that changes the sandbox (up, down, reset), so two runs never interleave.
take_lock() {
    mkdir -p "$SANDBOX_DIR"
    exec 8>"$SANDBOX_DIR/.lock"
    flock -w 600 8 || die "another tools/sandbox-cloud is still running (lock $SANDBOX_DIR/.lock)"
}

# --- Building -----------------------------------------------------------------------------------

ensure_mmdebstrap() {
    command -v mmdebstrap >/dev/null && return 0
    say "installing mmdebstrap on the host (the only host package this tool installs)"
    apt-get update -qq || die "apt-get update failed: is the Debian mirror reachable?"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null || die "could not install mmdebstrap"
}

# True when a TCP connection to the mirror's host opens within 10 s.
mirror_reachable() {
    local hostport=${MIRROR#*://} port=80
    hostport=${hostport%%/*}
    [[ $MIRROR == https://* ]] && port=443
    [[ $hostport == *:* ]] && port=${hostport##*:}
    # shellcheck disable=SC2016 # expanded by the inner bash
    timeout 10 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "${hostport%%:*}" "$port" 2>/dev/null
}

mirror_unreachable_in_log() {
    grep -qiE 'could not resolve|failed to fetch|unable to connect|temporary failure|connection (refused|timed out)|network is unreachable|no route to host|apt-get update .* failed' "$1"
}

# mmdebstrap of the packages, into a temporary folder renamed at the end, so an interrupted build
# never leaves a half root that looks finished. policy-rc.d (exit 101) goes in before any package,
# so no postinst can start a daemon; mmdebstrap removes it at the end, so it is written again.
run_mmdebstrap() {
    local dest=$1 log=$SANDBOX_DIR/build.log
    # shellcheck disable=SC2016 # \$1 is expanded by mmdebstrap's hook, not here
    local policy='printf "#!/bin/sh\nexit 101\n" >"$1/usr/sbin/policy-rc.d"; chmod 755 "$1/usr/sbin/policy-rc.d"'
    rm -rf "$dest"
    mmdebstrap --variant=apt --quiet \
        --aptopt='APT::Install-Recommends "false"' \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
        --essential-hook="$policy" --customize-hook="$policy" \
        --include="$(package_list)" "$SUITE" "$dest" "$MIRROR" >"$log" 2>&1
}

build_packages() {
    local dest=$1 tmp=$1.tmp.$$ t0=$SECONDS log=$SANDBOX_DIR/build.log
    mirror_reachable || die "the Debian mirror $MIRROR is unreachable (set MIRROR to another one)"
    ensure_mmdebstrap
    rm -rf "$SANDBOX_DIR"/packages-*.tmp.*
    say "downloading and unpacking Debian $SUITE with the OpenStack packages into $dest (once; about 2 minutes)"
    if ! run_mmdebstrap "$tmp"; then
        # The mirror sometimes drops a connection in the middle of 200 downloads: try once more.
        say "mmdebstrap failed; trying once more (last lines of $log:)"
        tail -n 5 "$log" >&2
        if ! run_mmdebstrap "$tmp"; then
            tail -n 30 "$log" >&2
            rm -rf "$tmp"
            if ! mirror_reachable || mirror_unreachable_in_log "$log"; then
                die "the Debian mirror $MIRROR is unreachable or failing (set MIRROR to another one; log: $log)"
            fi
            die "mmdebstrap failed (log: $log)"
        fi
    fi
    mv "$tmp" "$dest"
    say "packages ready in $((SECONDS - t0)) s, $(du -sh --one-file-system "$dest" | cut -f1)"
}

# Copies inside/ into the root (every up, so script fixes apply without a rebuild) and the
# mount.nfs stand-in over the real one (see inside/mount.nfs).
install_inside() {
    local root=$1
    rm -rf "$root$INSIDE_DIR"
    mkdir -p "$root$INSIDE_DIR"
    cp -r "$SANDBOX_SRC/inside/." "$root$INSIDE_DIR/"
    install -m 755 "$SANDBOX_SRC/inside/mount.nfs" "$root/sbin/mount.nfs"
}

# Makes the working root: a copy of the pristine packages, then inside/configure.sh in it. Built
# as root-<hash>.tmp.PID and renamed when configured.
build_root() {
    local root=$1 pkgs tmp=$1.tmp.$$ t0=$SECONDS
    pkgs=$(packages_path)
    [ -d "$pkgs" ] || build_packages "$pkgs"
    rm -rf "$SANDBOX_DIR"/root-*.tmp.*
    say "configuring a new root $root"
    cp -a "$pkgs" "$tmp"
    install_inside "$tmp"
    if ! inroot "$tmp" "$INSIDE_DIR/configure.sh" >"$SANDBOX_DIR/configure.log" 2>&1; then
        tail -n 30 "$SANDBOX_DIR/configure.log" >&2
        rm -rf "$tmp"
        die "configuring the root failed (log: $SANDBOX_DIR/configure.log)"
    fi
    mv "$tmp" "$root"
    say "root configured in $((SECONDS - t0)) s"
    prune_old "$root" "$pkgs"
}

# Deleting a 1.5 GB tree takes minutes on these disks (3 min measured right after a copy), so a tree
# is moved aside at once and deleted by a detached rm at idle I/O priority.
discard() {
    local trash=$SANDBOX_DIR/trash
    mkdir -p "$trash"
    mv "$1" "$trash/${1##*/}.$$.$RANDOM"
    (cd / && setsid nohup ionice -c 3 rm -rf "$trash" </dev/null >/dev/null 2>&1 8>&- &)
}

# Removes roots and package trees of other hashes (1.5 GB each) unless their services run.
prune_old() {
    local keep_root=$1 keep_pkgs=$2 d
    for d in "$SANDBOX_DIR"/root-* "$SANDBOX_DIR"/packages-*; do
        [ -d "$d" ] || continue
        [ "$d" = "$keep_root" ] || [ "$d" = "$keep_pkgs" ] && continue
        case "$d" in *.tmp.*) continue ;; esac
        if [ -n "$(root_processes "$d")" ]; then continue; fi
        say "removing the outdated $d (in the background)"
        discard "$d"
    done
}

# --- Running in the root ------------------------------------------------------------------------

# Runs "$@" chrooted into root $1, in a private mount namespace with /proc, /dev and /sys bound in.
# Daemons started this way keep that namespace alive; when the last one exits, the mounts vanish
# with it, so nothing ever leaks onto the host. The environment starts empty (env -i), and the
# lock's descriptor is closed, or the daemons would hold the lock for as long as they run.
inroot() {
    local root=$1
    shift
    # shellcheck disable=SC2016 # the script's variables are the inner bash's
    unshare --mount --fork --propagation private -- bash -c '
        set -e
        r=$1; shift
        mount --bind /proc "$r/proc"
        mount --rbind /dev "$r/dev"
        mount --bind /sys "$r/sys"
        exec chroot "$r" /usr/bin/env -i HOME=/root LANG=C.UTF-8 \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
    ' inroot "$root" "$@" 8>&-
}

# --- Processes ----------------------------------------------------------------------------------

# PIDs of all live processes whose root directory is root $1 (i.e. chrooted into it).
root_processes() {
    local want p r
    want=$(readlink -f "$1")
    for p in /proc/[0-9]*; do
        r=$(readlink "$p/root" 2>/dev/null) || continue
        [ "$r" = "$want" ] && echo "${p#/proc/}"
    done
    return 0
}

pid_file() { echo "$1$STATE_DIR/pids/$2"; }

# Prints the recorded PID of service $2 in root $1 if its process group still has a live member
# chrooted in that root (a recorded PID alone could have been reused by an unrelated process).
service_pgid() {
    local root=$1 f pgid p r want
    f=$(pid_file "$root" "$2")
    [ -s "$f" ] || return 1
    pgid=$(cat "$f")
    want=$(readlink -f "$root")
    for p in $(ps -eo pid=,pgid=,stat= | awk -v g="$pgid" '$2 == g && $3 !~ /^Z/ {print $1}'); do
        r=$(readlink "/proc/$p/root" 2>/dev/null) || continue
        if [ "$r" = "$want" ]; then
            echo "$pgid"
            return 0
        fi
    done
    return 1
}

# "RSS PSS" in KiB, summed over every process of process group $1 (from smaps_rollup).
group_memory() {
    local p
    for p in $(ps -eo pid=,pgid= | awk -v g="$1" '$2 == g {print $1}'); do
        awk '/^Rss:/ {r = $2} /^Pss:/ {s = $2} END {print r + 0, s + 0}' "/proc/$p/smaps_rollup" 2>/dev/null || true
    done | awk '{r += $1; s += $2} END {print r + 0, s + 0}'
}

# --- Ports --------------------------------------------------------------------------------------

port_open() { ( { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null ); }

# True when port $1 answers: an HTTP status line for the APIs, a TCP connect for the rest.
port_answers() {
    local port=$1 kind=$2 line
    if [ "$kind" = tcp ]; then
        port_open "$port"
        return
    fi
    line=$(
        { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || exit 1
        printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
        IFS= read -r -t 5 line <&3 && printf '%s' "$line"
    ) 2>/dev/null || return 1
    [[ $line == HTTP/* ]]
}

# Who listens on TCP port $1 (from ss -ltnp), for error messages.
port_owner() {
    ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(.*)' | head -n 1 || true
}

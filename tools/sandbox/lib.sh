# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash disable=SC2034 # the settings are used by tools/sandbox-cloud
# Host-side functions behind tools/sandbox-cloud. Sourced; SANDBOX_SRC (this folder) is set by the
# caller. Everything here runs on the host; the scripts in inside/ run chrooted in the root.
#
# Layout of the cache (outside the clone):
#   $SANDBOX_DIR/debs/              the .deb files of the last build (hard links), so a rebuild after
#                                   an edit of packages.txt downloads only what is new
#   $SANDBOX_DIR/root-<phash>/      the working root: packages + configuration + the cloud's data,
#                                   keyed by packages.txt. In it:
#       .config-hash                hash of the configuring scripts the root was configured with
#       .packages-state.tar         etc, var and srv right after mmdebstrap (before configure.sh):
#                                   a changed configure.sh restarts from it instead of re-installing
#       .pristine-state.tar         the same right after configure.sh: `reset` restores it
#   $SANDBOX_DIR/clouds.yaml        copied out of the root after bootstrap (mode 0600)
#   $SANDBOX_DIR/active             path of the root whose services were started (removed by down)
#   $SANDBOX_DIR/build.log          output of the last mmdebstrap run

CACHE=${PILVI_CACHE:-/var/cache/pilvi}
SANDBOX_DIR=$CACHE/sandbox
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUITE=trixie
CLOUDS_YAML=$SANDBOX_DIR/clouds.yaml
DEBS_DIR=$SANDBOX_DIR/debs
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

# The scripts whose output is stored in the root: configure.sh and what it sources. The others
# (start, bootstrap, selftest, ...) are copied in at every `up` and change nothing built.
config_files() { echo inside/configure.sh inside/common.sh inside/services.sh; }

packages_hash() { sha256sum <"$SANDBOX_SRC/packages.txt" | cut -c1-12; }

config_hash() {
    # shellcheck disable=SC2046 # file names without spaces, by construction
    (cd "$SANDBOX_SRC" && sha256sum $(config_files)) | sha256sum | cut -c1-12
}

root_path() { echo "$SANDBOX_DIR/root-$(packages_hash)"; }

# True when root $1 is fully built and configured with the current configuring scripts.
root_current() { [ -f "$1/.pristine-state.tar" ] && [ "$(cat "$1/.config-hash" 2>/dev/null)" = "$(config_hash)" ]; }

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

# mmdebstrap of the packages into $1. policy-rc.d (exit 101) goes in before any package, so no
# postinst can start a daemon; mmdebstrap removes it at the end, so it is written again.
# Where the time goes (docs/sandbox-cloud.md, "Measured"): downloading ~600 packages, then dpkg
# unpacking and configuring them. So:
#   * the .debs are kept in $DEBS_DIR (hard links in before, new ones linked out after; apt skips
#     what is already there), so only a cold cache downloads
#   * dpkg runs under eatmydata (mmdebstrap's own hook): no fsync per file, which on these disks
#     was most of the unpacking time. The root is disposable; a crash mid-build leaves a .tmp.
#   * py3compile is a no-op during the installation: every python3-* postinst byte-compiled its
#     whole package (20000 files, a third of them test suites nothing here imports), one package
#     after the other on one core. Python compiles what is imported instead, when it is first
#     imported: configure.sh's database migrations (run in parallel) and the first start.
run_mmdebstrap() {
    local dest=$1 log=$SANDBOX_DIR/build.log
    # shellcheck disable=SC2016 # \$1 is expanded by mmdebstrap's hook, not here
    local policy='printf "#!/bin/sh\nexit 101\n" >"$1/usr/sbin/policy-rc.d"; chmod 755 "$1/usr/sbin/policy-rc.d"'
    # shellcheck disable=SC2016
    local debs_in='mkdir -p "$1/var/cache/apt/archives" && find "$0" -maxdepth 1 -name "*.deb" -exec cp -l -t "$1/var/cache/apt/archives" {} +'
    # shellcheck disable=SC2016
    local debs_out='cd "$1/var/cache/apt/archives" && ls -1 -- *.deb >"$0/.in-use" && cp -l -n -t "$0" -- *.deb'
    # shellcheck disable=SC2016
    local nocompile='chroot "$1" dpkg-divert --quiet --local --rename --add /usr/bin/py3compile && printf "#!/bin/sh\nexit 0\n" >"$1/usr/bin/py3compile" && chmod 755 "$1/usr/bin/py3compile"'
    # shellcheck disable=SC2016
    local compile='rm -f "$1/usr/bin/py3compile" && chroot "$1" dpkg-divert --quiet --local --rename --remove /usr/bin/py3compile'
    local hooks=()
    [ -d /usr/share/mmdebstrap/hooks/eatmydata ] && hooks=(--hook-dir=/usr/share/mmdebstrap/hooks/eatmydata)
    rm -rf "$dest"
    mkdir -p "$DEBS_DIR"
    mmdebstrap --variant=apt --quiet --skip=essential/unlink "${hooks[@]}" \
        --aptopt='APT::Install-Recommends "false"' \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
        --setup-hook="sh -c '$debs_in' '$DEBS_DIR' \"\$1\"" \
        --essential-hook="$policy" --essential-hook="$nocompile" \
        --customize-hook="sh -c '$debs_out' '$DEBS_DIR' \"\$1\"" --customize-hook="$compile" \
        --customize-hook="$policy" \
        --include="$(package_list)" "$SUITE" "$dest" "$MIRROR" >"$log" 2>&1 || return 1
    # Keep only this build's packages in the cache (older versions are never needed again).
    if [ -s "$DEBS_DIR/.in-use" ]; then
        find "$DEBS_DIR" -maxdepth 1 -name '*.deb' -printf '%f\n' | grep -vxF -f "$DEBS_DIR/.in-use" |
            sed "s|^|$DEBS_DIR/|" | xargs -r rm -f || true
    fi
}

# Downloads and installs the packages into $1 (retried once: the mirror sometimes drops a
# connection in the middle of 600 downloads), then saves the package state for reconfiguring.
build_packages() {
    local dest=$1 t0=$SECONDS log=$SANDBOX_DIR/build.log cached
    mkdir -p "$DEBS_DIR"
    cached=$(find "$DEBS_DIR" -maxdepth 1 -name '*.deb' | wc -l)
    # Even with every .deb cached, apt needs the mirror's package index.
    mirror_reachable || die "the Debian mirror $MIRROR is unreachable (set MIRROR to another one)"
    ensure_mmdebstrap
    say "installing Debian $SUITE with the OpenStack packages ($cached packages cached in $DEBS_DIR; about 2 minutes)"
    if ! run_mmdebstrap "$dest"; then
        say "mmdebstrap failed; trying once more (last lines of $log:)"
        tail -n 5 "$log" >&2
        if ! run_mmdebstrap "$dest"; then
            tail -n 30 "$log" >&2
            rm -rf "$dest"
            if ! mirror_reachable || mirror_unreachable_in_log "$log"; then
                die "the Debian mirror $MIRROR is unreachable or failing (set MIRROR to another one; log: $log)"
            fi
            die "mmdebstrap failed (log: $log)"
        fi
    fi
    save_state "$dest" .packages-state.tar
    say "packages installed in $((SECONDS - t0)) s, $(du -sh --one-file-system "$dest" | cut -f1)"
}

# The parts of a root that configure.sh and the services change; the rest (/usr) is packages only.
STATE_PARTS=(etc var srv root)

# Saves (tar) or restores root $1's state parts to/from $1/$2.
save_state() { tar -C "$1" -cf "$1/$2.tmp" "${STATE_PARTS[@]}" && mv "$1/$2.tmp" "$1/$2"; }
restore_state() {
    local part
    for part in "${STATE_PARTS[@]}"; do rm -rf "${1:?}/$part"; done
    tar -C "$1" -xf "$1/$2"
}

# Copies inside/ into the root (every up, so script fixes apply without a rebuild) and the
# mount.nfs stand-in over the real one (see inside/mount.nfs).
install_inside() {
    local root=$1
    rm -rf "$root$INSIDE_DIR"
    mkdir -p "$root$INSIDE_DIR"
    cp -r "$SANDBOX_SRC/inside/." "$root$INSIDE_DIR/"
    install -m 755 "$SANDBOX_SRC/inside/mount.nfs" "$root/sbin/mount.nfs"
    # inside/python/sandbox_*.py (each says what it changes and why) into every Python process of
    # the root, through a .pth file. SANDBOX_SQLITE_FIX=0 leaves sandbox_sqlite out (to see the
    # "database is locked" races again with dbstress).
    local py mods=(sandbox_ec2token sandbox_novareport sandbox_rpcreply)
    [ "${SANDBOX_SQLITE_FIX:-1}" = 0 ] || mods+=(sandbox_sqlite)
    for py in "$root"/usr/lib/python3.[0-9]*; do
        [ -d "$py" ] || continue
        py=$root/usr/local/lib/${py##*/}/dist-packages
        mkdir -p "$py"
        rm -f "$py"/sandbox*
        install -m 644 "$SANDBOX_SRC"/inside/python/sandbox_*.py "$py/"
        printf '# Written by tools/sandbox-cloud: the sandbox'"'"'s changes to the services (%s)\nimport %s; %s\n' \
            "${mods[*]}" "$(IFS=,; echo "${mods[*]}")" "$(printf '%s.install(); ' "${mods[@]}")" >"$py/sandbox.pth"
    done
}

# Makes root $1 current: installs the packages if there is no root yet (into root-<phash>.tmp.PID,
# renamed when configured, so an interrupted build never looks finished), or goes back to the
# package state when only the configuring scripts changed; then inside/configure.sh, and saves the
# pristine state `reset` goes back to. The caller has stopped the root's services.
build_root() {
    local root=$1 work t0=$SECONDS
    rm -rf "$SANDBOX_DIR"/root-*.tmp.*
    if [ -f "$root/.packages-state.tar" ]; then
        say "the configuring scripts changed: reconfiguring $root"
        work=$root
        rm -f "$work/.config-hash" "$work/.pristine-state.tar"
        restore_state "$work" .packages-state.tar
    else
        if [ -d "$root" ]; then discard "$root"; fi # an unfinished root of an older version of this tool
        work=$root.tmp.$$
        build_packages "$work"
    fi
    install_inside "$work"
    local t1=$SECONDS
    if ! inroot "$work" "$INSIDE_DIR/configure.sh" >"$SANDBOX_DIR/configure.log" 2>&1; then
        tail -n 30 "$SANDBOX_DIR/configure.log" >&2
        [ "$work" = "$root" ] || rm -rf "$work"
        die "configuring the root failed (log: $SANDBOX_DIR/configure.log)"
    fi
    save_state "$work" .pristine-state.tar
    config_hash >"$work/.config-hash"
    [ "$work" = "$root" ] || mv "$work" "$root"
    say "root ready in $((SECONDS - t0)) s (configure.sh $((SECONDS - t1)) s): $root"
    prune_old "$root"
}

# Throws the cloud's data away: back to the state right after configure.sh. Services stopped.
wipe_root() { restore_state "$1" .pristine-state.tar; }

# Deleting a 1.5 GB tree takes minutes on these disks, so a tree is moved aside at once and
# deleted by a detached rm at idle I/O priority.
discard() {
    local trash=$SANDBOX_DIR/trash
    mkdir -p "$trash"
    mv "$1" "$trash/${1##*/}.$$.$RANDOM"
    (cd / && setsid nohup ionice -c 3 rm -rf "$trash" </dev/null >/dev/null 2>&1 8>&- &)
}

# Removes roots of other package lists (1.5 GB each), and the package trees older versions of this
# tool kept, unless services run in them.
prune_old() {
    local keep_root=$1 d
    for d in "$SANDBOX_DIR"/root-* "$SANDBOX_DIR"/packages-*; do
        [ -d "$d" ] || continue
        [ "$d" = "$keep_root" ] && continue
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
        r=$1 p=$2; shift 2
        mount --bind /proc "$r/proc"
        mount --rbind /dev "$r/dev"
        mount --bind /sys "$r/sys"
        exec chroot "$r" /usr/bin/env -i HOME=/root LANG=C.UTF-8 SANDBOX_PRELOAD="$p" \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
    ' inroot "$root" "${SANDBOX_PRELOAD:-1}" "$@" 8>&-
}

# --- Processes ----------------------------------------------------------------------------------

# PIDs of all live processes whose root directory is root $1 (i.e. chrooted into it). One find
# over /proc instead of a readlink per process: this runs in every polling loop.
root_processes() {
    local want
    want=$(readlink -f "$1")
    find /proc/[0-9]*/root -maxdepth 0 -lname "$want" 2>/dev/null | cut -d/ -f3
    return 0
}

# The process group ids with a live (not zombie) member chrooted in root $1, one per line.
live_groups() {
    local pids
    pids=$(root_processes "$1" | paste -sd, -)
    [ -n "$pids" ] || return 0
    ps -o pgid=,stat= -p "$pids" | awk '$2 !~ /^Z/ {print $1}' | sort -u
}

pid_file() { echo "$1$STATE_DIR/pids/$2"; }

# Prints the recorded PID of service $2 in root $1 if its process group still has a live member
# chrooted in that root (a recorded PID alone could have been reused by an unrelated process).
# Polling loops set LIVE_GROUPS (live_groups' output) once per round instead of asking per service.
service_pgid() {
    local f pgid groups
    f=$(pid_file "$1" "$2")
    [ -s "$f" ] || return 1
    pgid=$(<"$f")
    groups=${LIVE_GROUPS-$(live_groups "$1")}
    grep -qx -- "$pgid" <<<"$groups" || return 1
    echo "$pgid"
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

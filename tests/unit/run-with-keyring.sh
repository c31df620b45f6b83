#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one command (a test) against a real, private Secret Service: a fresh D-Bus session bus
# with gnome-keyring-daemon's secrets component, its login keyring created and unlocked with a
# throw-away password. HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR point into a temporary folder, so
# the user's own keyrings are never opened or changed.
#
#   tests/unit/run-with-keyring.sh COMMAND [ARGS...]
set -eu

if [ "${PILVI_IN_KEYRING_SESSION:-}" != 1 ]; then
    for tool in dbus-run-session gnome-keyring-daemon; do
        command -v "$tool" >/dev/null 2>&1 || {
            echo "run-with-keyring.sh: '$tool' is missing (Debian packages: dbus-daemon, gnome-keyring)" >&2
            exit 1
        }
    done
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/pilvi-keyring.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT INT TERM
    mkdir -m 700 "$scratch/home" "$scratch/runtime"
    HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/.local/share" XDG_CONFIG_HOME="$scratch/home/.config" \
        XDG_RUNTIME_DIR="$scratch/runtime" PILVI_IN_KEYRING_SESSION=1 \
        dbus-run-session -- "$0" "$@"
    exit $?
fi

# Inside the private session bus: start the keyring, unlocked with a known password. The daemon
# forks and prints its control variables; the secrets component then answers on this bus.
unset XDG_CURRENT_DESKTOP KDE_FULL_SESSION DESKTOP_SESSION
printf %s test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$@"

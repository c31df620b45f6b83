#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Tests tools/sandbox-cloud's command line against a running sandbox (tools/sandbox-cloud up first):
# status, env, is-up, build with a current root and the usage errors. Prints PASS/FAIL per check
# and `N passed, M failed`.
# Usage: tests/sandbox/test-sandbox-cli.sh [PATH_TO_SANDBOX_CLOUD]
set -euo pipefail

tool=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/tools/sandbox-cloud}
passed=0 failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
# verdict NAME REASON COMMAND...: PASS when COMMAND succeeds, else FAIL with REASON
verdict() {
    local name=$1 why=$2
    shift 2
    if "$@"; then pass "$name"; else fail "$name" "$why"; fi
}

# status: exit 0, and every service of the table listed as answering (or running, without a port)
services=$(bash -c '. "$1"; for e in "${SERVICE_TABLE[@]}"; do echo "${e%% *}"; done' _ "$(dirname "$tool")/sandbox/inside/services.sh")
if out=$("$tool" status 2>&1); then
    pass "status exits 0"
else
    fail "status exits 0" "exit $?"
fi
for name in $services; do
    line=$(printf '%s\n' "$out" | awk -v n="$name" '$1 == n')
    case $line in
    *answering | *running) pass "status lists $name as up" ;;
    *) fail "status lists $name as up" "${line:-not listed}" ;;
    esac
done

# The eventlet services are forked from inside/preload.py: each must still show as itself in ps
# (its command name), or `ps` and `top` cannot tell them apart. Not with SANDBOX_PRELOAD=0 (set
# for this test as for the `up` it checks): then each is its own python3.
for name in $services; do
    [ "${SANDBOX_PRELOAD:-1}" != 0 ] || break
    case $name in heat-* | cinder-* | glance-api | neutron | nova-*) ;; *) continue ;; esac
    pid=$(printf '%s\n' "$out" | awk -v n="$name" '$1 == n { print $2 }')
    comm=$(cat "/proc/$pid/comm" 2>/dev/null || echo "no process $pid")
    verdict "$name runs under its own name" "command name '$comm'" [ "$comm" = "${name:0:15}" ]
done

# env: one line that sources to an existing 0600 clouds.yaml with the three clouds
env_out=$("$tool" env) || true
if [ "$(printf '%s\n' "$env_out" | wc -l)" = 1 ] && [[ $env_out == export\ * ]]; then
    pass "env prints one export line"
else
    fail "env prints one export line" "$env_out"
fi
clouds=$(OS_CLIENT_CONFIG_FILE='' OS_CLOUD='' bash -c 'eval "$1"; echo "$OS_CLIENT_CONFIG_FILE $OS_CLOUD"' _ "$env_out")
file=${clouds% *} cloud=${clouds##* }
verdict "env sets OS_CLOUD=sandbox" "OS_CLOUD=$cloud" [ "$cloud" = sandbox ]
if [ -f "$file" ]; then
    pass "env's OS_CLIENT_CONFIG_FILE exists"
    mode=$(stat -c %a "$file")
    verdict "clouds.yaml has mode 0600" "mode $mode" [ "$mode" = 600 ]
    for entry in sandbox sandbox-password sandbox-admin; do
        verdict "clouds.yaml has the entry $entry" "missing in $file" grep -q "^  $entry:\$" "$file"
    done
else
    fail "env's OS_CLIENT_CONFIG_FILE exists" "no file '$file'"
fi

# is-up: exit 0, silent
if out=$("$tool" is-up 2>&1); then
    verdict "is-up exits 0 silently" "printed: $out" [ -z "$out" ]
else
    fail "is-up exits 0 silently" "exit $?"
fi

# build: with the root built and current, says so and changes nothing (no rebuild, no restart)
if out=$("$tool" build 2>&1); then
    verdict "build with a current root says it is up to date" "printed: $out" grep -q 'up to date' <<<"$out"
else
    fail "build with a current root says it is up to date" "exit $?: $out"
fi

# unknown subcommands and bad arguments: exit 2 with the usage
for bad in frobnicate --bogus "dbstress 0" "dbstress many" "build --now"; do
    status=0
    # shellcheck disable=SC2086 # the arguments are words on purpose
    out=$("$tool" $bad 2>&1) || status=$?
    if [ $status = 2 ] && [[ $out == *usage:* ]]; then
        pass "'$bad' exits 2 with the usage"
    else
        fail "'$bad' exits 2 with the usage" "exit $status"
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

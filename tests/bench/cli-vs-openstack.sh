#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# pilvi-cli beside the openstack CLI and beside curl doing the same token + list requests (the
# floor), against the sandbox cloud. Medians of RUNS (default 5) runs of wall time, user+system
# CPU and peak RSS. Installs the host's openstack client (python3-openstackclient,
# python3-heatclient) when missing. Needs the sandbox up: tools/sandbox-cloud up.
#
#   tests/bench/cli-vs-openstack.sh [RUNS]
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-5}
CACHE=${PILVI_CACHE:-/var/cache/pilvi}
export OS_CLIENT_CONFIG_FILE="$CACHE/sandbox/clouds.yaml" OS_CLOUD=sandbox

"$SRC/tools/sandbox-cloud" is-up || { echo "the sandbox cloud is not up: tools/sandbox-cloud up" >&2; exit 1; }
if ! command -v openstack >/dev/null || ! python3 -c 'import heatclient' 2>/dev/null; then
    echo "installing the openstack client on the host (python3-openstackclient, python3-heatclient)" >&2
    apt-get install -y -qq python3-openstackclient python3-heatclient >/dev/null
fi
[ -x "$SRC/build/release/app/pilvi-cli" ] || "$SRC/tools/dev" build >/dev/null

# The floor: one token request and one list request, with the secret from the sandbox's clouds.yaml.
floor() {
    local what=$1 id secret token body url
    id=$(awk '/^  sandbox:/{s=1} s&&/application_credential_id:/{print $2; exit}' "$OS_CLIENT_CONFIG_FILE")
    secret=$(awk '/^  sandbox:/{s=1} s&&/application_credential_secret:/{print $2; exit}' "$OS_CLIENT_CONFIG_FILE")
    body="{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":{\"id\":\"$id\",\"secret\":\"$secret\"}}}}"
    token=$(curl -s -D - -o /tmp/pilvi-bench-token.json -H 'Content-Type: application/json' -d "$body" http://127.0.0.1:5000/v3/auth/tokens \
        | awk 'tolower($1)=="x-subject-token:"{print $2}' | tr -d '\r')
    if [ "$what" = stack ]; then
        url=$(python3 -c 'import json;c=json.load(open("/tmp/pilvi-bench-token.json"))["token"]["catalog"];print([e["url"] for s in c if s["type"]=="orchestration" for e in s["endpoints"] if e["interface"]=="public"][0])')/stacks
    else
        url=$(python3 -c 'import json;c=json.load(open("/tmp/pilvi-bench-token.json"))["token"]["catalog"];print([e["url"] for s in c if s["type"]=="block-storage" for e in s["endpoints"] if e["interface"]=="public"][0])')/volumes/detail
    fi
    curl -s -o /dev/null -H "X-Auth-Token: $token" "$url"
}

# Runs a command RUNS times; prints the medians of wall s, CPU s (user+sys) and max RSS MiB.
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
measure() {
    local label=$1 i
    shift
    : >/tmp/pilvi-bench-runs
    for i in $(seq "$RUNS"); do
        /usr/bin/time -f '%e %U %S %M' -o /tmp/pilvi-bench-time "$@" >/dev/null 2>/tmp/pilvi-bench-err || { cat /tmp/pilvi-bench-err >&2; exit 1; }
        cat /tmp/pilvi-bench-time >>/tmp/pilvi-bench-runs
    done
    printf '%-44s wall %6.3f s   cpu %6.3f s   rss %6.1f MiB\n' "$label" \
        "$(awk '{print $1}' /tmp/pilvi-bench-runs | median)" \
        "$(awk '{print $2+$3}' /tmp/pilvi-bench-runs | median)" \
        "$(awk '{print $4/1024}' /tmp/pilvi-bench-runs | median)"
}

command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
echo "medians of $RUNS runs against the sandbox cloud ($(date -u +%FT%TZ))"
for what in stack volume; do
    export -f floor
    export OS_CLIENT_CONFIG_FILE
    measure "curl token + $what list (floor)" bash -c "floor $what"
    measure "openstack $what list" openstack "$what" list
    measure "pilvi-cli $what list --no-token-cache" "$SRC/tools/dev" cli --no-token-cache "$what" list
    "$SRC/tools/dev" cli "$what" list >/dev/null # warm the token cache
    measure "pilvi-cli $what list (token cached)" "$SRC/tools/dev" cli "$what" list
done

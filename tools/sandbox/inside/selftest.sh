#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs inside the root (tools/sandbox-cloud selftest): proves each service end to end with the
# `openstack` CLI, as the demo user through the restricted application credential `sandbox`.
# Prints `PASS name` or `FAIL name: reason` per check and last `N passed, M failed`; exits 1 when
# anything failed. Everything it creates carries the suffix -st<PID> and is deleted at the end.
#
# The chains (heat, swift, cinder, nova) are independent, so they run in parallel: most of the time
# goes to waiting for the services, not to the 2 cores. They use different databases; two chains on
# the same sqlite database would make "database is locked" races likely (see docs).
set -euo pipefail
export OS_CLOUD=sandbox
INSIDE=/opt/sandbox
SHARE=/var/lib/cinder/share   # the NFS driver's "export": volume-<id> files
tag=st$$
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every call is bounded: `--wait` in the CLI waits forever for a server stuck in a transition.
osc() { timeout 300 openstack "$@"; }
wait_for() { python3 "$INSIDE/selftest_wait.py" "$@"; }

# check NAME COMMAND...: runs COMMAND and prints PASS or FAIL with the last line of its output.
# Returns COMMAND's status, so a chain stops at its first failure.
check() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then
        echo "PASS $name"
    else
        echo "FAIL $name: $(printf '%s\n' "$out" | grep -v '^$' | tail -n 1)"
        return 1
    fi
}

# expect WANTED COMMAND...: fails with "got X, wanted Y" unless COMMAND prints WANTED.
expect() {
    local wanted=$1 got
    shift
    got=$("$@" 2>&1 | tail -n 1) || true
    [ "$got" = "$wanted" ] || { echo "got '$got', wanted '$wanted'"; return 1; }
}

# --- Identity --------------------------------------------------------------------------------

token() {
    local id
    id=$(osc token issue -f value -c id)
    [ -n "$id" ] || { echo "empty token"; return 1; }
}

# --- Heat: an autoscaling group, scaled by a signal to its policy ------------------------------

stack_create() {
    expect CREATE_COMPLETE osc stack create --wait -t "$INSIDE/templates/asg.yaml" "asg-$tag" -f value -c stack_status
    expect 1 wait_for stack-output "asg-$tag/size" 1 30
}
stack_scale() {
    osc stack resource signal "asg-$tag" scale_up
    expect 2 wait_for stack-output "asg-$tag/size" 2 60
}
# The policy's alarm_url: pre-signed for heat-api-cfn (EC2 signature of the stack's own user), so
# a plain POST without a token scales the group, as a monitoring system's alarm would.
stack_alarm() {
    local url out
    url=$(osc stack output show "asg-$tag" alarm_url -f value -c output_value)
    [[ $url == http://127.0.0.1:8000/* ]] || { echo "alarm_url is '$url'"; return 1; }
    out=$(curl -sS -X POST -w '\nHTTP %{http_code}' "$url") || { echo "curl: $out"; return 1; }
    [[ $out == *"HTTP 200" ]] || { echo "POST alarm_url: $(printf '%s' "$out" | tr '\n' ' ' | cut -c1-300)"; return 1; }
    expect 3 wait_for stack-output "asg-$tag/size" 3 60
}
stack_delete() { osc stack delete --yes --wait "asg-$tag"; }

heat_chain() {
    check "stack create (autoscaling group, size 1)" stack_create &&
        check "stack scale by signal (size 1 -> 2)" stack_scale &&
        check "stack scale by POST to the alarm_url, heat-api-cfn (size 2 -> 3)" stack_alarm
    check "stack delete" stack_delete
}

# --- Swift: upload, download, compare the bytes ------------------------------------------------

object_roundtrip() {
    head -c 3000000 /dev/urandom >"$work/object.in"
    osc container create "ct-$tag" >/dev/null
    osc object create "ct-$tag" "$work/object.in" --name blob.bin >/dev/null
    osc object save "ct-$tag" blob.bin --file "$work/object.out"
    cmp "$work/object.in" "$work/object.out"
}
object_delete() { osc object delete "ct-$tag" blob.bin && osc container delete "ct-$tag"; }

swift_chain() {
    check "object upload/download (3 MB, bytes identical)" object_roundtrip
    check "object and container delete" object_delete
}

# --- Cinder: backup and restore keep the bytes; a snapshot of another volume --------------------
# The backup is made before any snapshot of that volume: with the NFS driver a snapshot turns the
# volume's active file into a qcow2 overlay, and a backup would then copy qcow2 bytes.

volume_id() { osc volume show "$1" -f value -c id; }

volume_create() {
    osc volume create --size 1 "vol-$tag" >/dev/null
    expect available wait_for volume "vol-$tag" available
}
backup_restore() {
    local src dst
    src=$SHARE/volume-$(volume_id "vol-$tag")
    # 4 MiB of known bytes at a 10 MiB offset, written straight into the volume's backend file
    head -c 4194304 /dev/urandom >"$work/volume.in"
    dd if="$work/volume.in" of="$src" bs=1M seek=10 conv=notrunc status=none
    osc volume backup create --name "bak-$tag" "vol-$tag" >/dev/null
    expect available wait_for backup "bak-$tag" available 300
    osc volume backup restore "bak-$tag" "restored-$tag" >/dev/null
    expect available wait_for volume "restored-$tag" available 300
    dst=$SHARE/volume-$(volume_id "restored-$tag")
    dd if="$dst" of="$work/volume.out" bs=1M skip=10 count=4 status=none
    cmp "$work/volume.in" "$work/volume.out"
}
backup_cleanup() {
    osc volume backup delete "bak-$tag" || true
    osc volume delete "restored-$tag" "vol-$tag"
    expect "not found" wait_for backup "bak-$tag" "not found" 120
    expect "not found" wait_for volume "vol-$tag" "not found" 60
    expect "not found" wait_for volume "restored-$tag" "not found" 60
}

backup_chain() {
    check "volume create" volume_create &&
        check "volume backup and restore (written bytes identical)" backup_restore
    check "volume and backup delete" backup_cleanup
}

snapshot() {
    osc volume create --size 1 "snapvol-$tag" >/dev/null
    expect available wait_for volume "snapvol-$tag" available
    osc volume snapshot create --volume "snapvol-$tag" "snap-$tag" >/dev/null
    expect available wait_for snapshot "snap-$tag" available
}
snapshot_cleanup() {
    osc volume snapshot delete "snap-$tag" || true
    expect "not found" wait_for snapshot "snap-$tag" "not found" 60
    osc volume delete "snapvol-$tag"
    expect "not found" wait_for volume "snapvol-$tag" "not found" 60
}

snapshot_chain() {
    check "volume snapshot" snapshot
    check "snapshot and volume delete" snapshot_cleanup
}

cinder_chain() {
    backup_chain
    snapshot_chain
}

# --- Nova (fake driver): create, resize, confirm ------------------------------------------------

server_create() {
    osc server create --nic none --image cirros-fake --flavor m1.tiny --wait "srv-$tag" >/dev/null
    expect ACTIVE osc server show "srv-$tag" -f value -c status
}
server_resize() {
    osc server resize --flavor m1.small --wait "srv-$tag"
    expect VERIFY_RESIZE osc server show "srv-$tag" -f value -c status
    osc server resize confirm "srv-$tag"
    expect ACTIVE wait_for server "srv-$tag" ACTIVE 120
    osc server show "srv-$tag" -f value -c flavor | grep -q "'m1.small'" ||
        { echo "flavor is not m1.small after confirm"; return 1; }
}
server_delete() { osc server delete --wait "srv-$tag"; }

nova_chain() {
    check "server create (ACTIVE)" server_create &&
        check "server resize (VERIFY_RESIZE, confirm, ACTIVE on m1.small)" server_resize
    check "server delete" server_delete
}

# --- Run ----------------------------------------------------------------------------------------

t0=$SECONDS
check "token issue (application credential)" token >"$work/chain-0.log" || true
cat "$work/chain-0.log"
n=0
for chain in heat_chain swift_chain cinder_chain nova_chain; do
    n=$((n + 1))
    $chain >"$work/chain-$n.log" 2>&1 &
done
wait || true
cat "$work"/chain-[1-9].log
passed=$(cat "$work"/chain-*.log | grep -c '^PASS ' || true)
failed=$(cat "$work"/chain-*.log | grep -c '^FAIL ' || true)
echo "selftest took $((SECONDS - t0)) s"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

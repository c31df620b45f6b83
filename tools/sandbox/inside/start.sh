#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs inside the root. Usage: start.sh NAME...   (names from services.sh, in the order given)
#
# Each daemon is started with setsid, so it leads its own session and process group: its PID, kept
# in $PIDS/NAME, is also the group id that tools/sandbox-cloud down signals, which takes the
# worker children (uwsgi, swift, eventlet workers) along. Output goes to $LOGS/NAME.log.
# A service that is already running is left alone. Waiting for ports is the host's job.
set -euo pipefail
# shellcheck source=common.sh
. /opt/sandbox/common.sh

# uwsgi for the WSGI-only services (keystone, placement). The packages' own uwsgi .ini files assume
# systemd, service users and apparmor, and start 8 processes x 32 threads: too heavy here.
# 'Connection: close': keystoneauth reuses connections, and uwsgi's plain --http-socket drops them,
# which shows up as "RemoteDisconnected" / "Connection reset by peer" in the clients.
uwsgi_app() {
    local port=$1 script=$2
    exec uwsgi --plugin python3 --http-socket "127.0.0.1:$port" --wsgi-file "$script" \
        --master --processes 1 --threads 4 --die-on-term --lazy-apps --buffer-size 65535 \
        --enable-threads --add-header "Connection: close"
}

# The eventlet services: NAME's MODULE (whose main() /usr/bin/NAME calls) and its arguments.
# preload.py starts them from one process that imported their common libraries once.
eventlet_service() {
    case $1 in
    heat-api) echo heat.cmd.api --config-file /etc/heat/heat.conf ;;
    heat-engine) echo heat.cmd.engine --config-file /etc/heat/heat.conf ;;
    # Not the heat-api-cfn package: python3-heat has the command's module. Serves the CFN API,
    # which answers the pre-signed URLs Heat hands out (a ScalingPolicy's alarm_url, wait
    # condition handles).
    heat-api-cfn) echo heat.cmd.api_cfn --config-file /etc/heat/heat.conf ;;
    cinder-*) echo "cinder.cmd.${1#cinder-}" --config-file /etc/cinder/cinder.conf ;;
    glance-api) echo glance.cmd.api --config-file /etc/glance/glance-api.conf ;;
    neutron) echo neutron.cmd.eventlet.server --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini ;;
    # nova-compute: not the nova-compute package (it pulls libvirt and qemu); python3-nova has the
    # fake driver.
    nova-*) echo "nova.cmd.${1#nova-}" --config-file /etc/nova/nova.conf ;;
    *) return 1 ;;
    esac
}

# Replaces this process with the service NAME.
run_service() {
    local name=$1 entry
    if entry=$(eventlet_service "$name"); then
        # shellcheck disable=SC2086 # MODULE ARG...
        set -- $entry
        exec python3 -c "import sys; sys.argv[0] = '$name'; from $1 import main; sys.exit(main())" "${@:2}"
    fi
    case $name in
    epmd) exec epmd -address 127.0.0.1 -port 4369 ;;
    rabbitmq)
        # Run as root with everything on loopback. epmd is started separately above so its PID is
        # ours to stop. guest/guest works because the connections come from localhost.
        export HOME=/var/lib/rabbitmq RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
            ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_DIST_PORT=25672 RABBITMQ_LOG_BASE=/var/log/rabbitmq \
            RABBITMQ_MNESIA_BASE=/var/lib/rabbitmq/mnesia \
            RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        exec /usr/lib/rabbitmq/bin/rabbitmq-server
        ;;
    keystone) uwsgi_app 5000 /usr/bin/keystone-wsgi-public ;;
    placement) uwsgi_app 8778 /usr/bin/placement-api ;;
    # -v: Swift logs to syslog by default, and there is no /dev/log in the root
    swift-account | swift-container | swift-object) exec "$name-server" "/etc/swift/${name#swift-}-server.conf" -v ;;
    swift-container-updater) exec swift-container-updater /etc/swift/container-server.conf -v ;;
    swift-proxy) exec swift-proxy-server /etc/swift/proxy-server.conf -v ;;
    *)
        echo "start.sh: unknown service $name" >&2
        exit 2
        ;;
    esac
}

if [ "${1:-}" = --run ]; then
    run_service "$2"
fi

cd /
preload=()
for name in "$@"; do
    if [ -s "$PIDS/$name" ] && kill -0 "$(cat "$PIDS/$name")" 2>/dev/null; then
        continue
    fi
    if [ "${SANDBOX_PRELOAD:-1}" != 0 ] && entry=$(eventlet_service "$name"); then
        preload+=("$name $entry")
        continue
    fi
    # A background child of a script is not a process group leader, so setsid(1) calls setsid()
    # without forking: the PID recorded here is the new session's and process group's id.
    setsid "$INSIDE/start.sh" --run "$name" >"$LOGS/$name.log" 2>&1 </dev/null &
    echo $! >"$PIDS/$name"
done
# In the foreground, after the others are on their way: it returns once every PID file is written
# (about a second of imports), so the host never looks for a PID that is not there yet.
if [ ${#preload[@]} -gt 0 ]; then
    printf '%s\n' "${preload[@]}" | python3 "$INSIDE/preload.py" "$PIDS" "$LOGS"
fi

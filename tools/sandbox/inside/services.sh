# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
# The sandbox cloud's services, in start order. Sourced by the host side (lib.sh: status, down,
# port checks) and by the root side (start.sh), so there is one list.
#
# Each entry: NAME PORT CHECK TIER
#   NAME   process group name: pid file $STATE_DIR/pids/NAME, log $LOG_DIR/NAME.log
#   PORT   the port it listens on, 127.0.0.1 only ("-" for workers that only talk to rabbitmq)
#   CHECK  http (answers an HTTP request), tcp (accepts a connection) or - (alive is enough)
#   TIER   infra: rabbitmq/epmd/keystone, started first and stopped last; svc: everything else
# shellcheck disable=SC2034 # used by the scripts that source this file
SERVICE_TABLE=(
    "epmd                    4369 tcp  infra"
    "rabbitmq                5672 tcp  infra"
    "keystone                5000 http infra"
    "swift-account           6202 http svc"
    "swift-container         6201 http svc"
    "swift-object            6200 http svc"
    "swift-container-updater -    -    svc"
    "swift-proxy             8080 http svc"
    "heat-engine             -    -    svc"
    "heat-api                8004 http svc"
    "heat-api-cfn            8000 http svc"
    "cinder-api              8776 http svc"
    "cinder-scheduler        -    -    svc"
    "cinder-volume           -    -    svc"
    "cinder-backup           -    -    svc"
    "glance-api              9292 http svc"
    "placement               8778 http svc"
    "neutron                 9696 http svc"
    "nova-api                8774 http svc"
    "nova-conductor          -    -    svc"
    "nova-scheduler          -    -    svc"
    "nova-compute            -    -    svc"
)

# Ports the sandbox needs besides the ones above (rabbitmq's Erlang distribution port).
# shellcheck disable=SC2034
EXTRA_PORTS=(25672)

# The services `is-up` asks about (what the integration tests use).
# shellcheck disable=SC2034
CORE_SERVICES=(keystone heat-api cinder-api swift-proxy)

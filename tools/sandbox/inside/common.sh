# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash disable=SC2034 # the settings are used by the scripts that source this
# Settings shared by the scripts that run inside the root. Sourced.
#
# The passwords are fixed, public sandbox values: everything listens on 127.0.0.1 only, and the
# cloud holds nothing but test data. The application credential secrets are random (bootstrap).

ADMIN_PASSWORD=sandbox-admin
SERVICE_PASSWORD=sandbox-service
DEMO_PASSWORD=sandbox-demo
KEYSTONE=http://127.0.0.1:5000
RABBIT=rabbit://guest:guest@127.0.0.1:5672/

INSIDE=/opt/sandbox
STATE=/var/lib/sandbox
PIDS=$STATE/pids
LOGS=/var/log/sandbox
CLOUDS=$STATE/clouds.yaml

mkdir -p "$PIDS" "$LOGS"

# shellcheck source=services.sh
. "$INSIDE/services.sh"

# Every [database] section also gets sqlite_synchronous = false (no fsync per commit): the cloud is
# disposable, and with fsyncs keystone's bootstrap took minutes while the disk was busy writing
# back a freshly copied root.
#
# sqlite URL for a database file. timeout=60 is handed to sqlite3.connect: the default 5 s busy
# timeout is too short on 2 cores while several services write at once ("database is locked").
# It does not cover every case: oslo.db starts each transaction with a deferred BEGIN, and a
# transaction that read first fails its first write at once (no waiting) if another process
# committed in between. See docs/sandbox-cloud.md ("database is locked").
sqlite_url() { echo "sqlite:///$1?timeout=60"; }

# Fewer background writers, fewer of those races: each nova and cinder service writes its heartbeat
# to the database every report_interval (10 s by default). Once a minute is enough here.
# shellcheck disable=SC2034
HEARTBEAT="report_interval = 60
service_down_time = 180"

# [keystone_authtoken] for a service user (keystonemiddleware, and nova's clients of other services
# take the same keys under their own section name).
service_auth() {
    local section=$1 user=$2
    cat <<EOF
[$section]
www_authenticate_uri = $KEYSTONE
auth_url = $KEYSTONE
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $user
password = $SERVICE_PASSWORD
region_name = RegionOne
EOF
}

#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs inside the root, once, when tools/sandbox-cloud makes the root: writes every service's
# configuration from scratch (Debian's shipped files are replaced; api-paste and rootwrap files are
# kept), creates the databases, Swift rings and Keystone keys. Nothing is started here.
set -euo pipefail
# shellcheck source=common.sh
. /opt/sandbox/common.sh

# Every database runs in WAL mode, so readers never block the writer. Without it keystone (uwsgi
# threads) and the four cinder processes hit "database is locked" at start-up. The mode is stored in
# the file, so this is done once.
wal() {
    local db
    for db in "$@"; do
        python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("pragma journal_mode=wal")' "$db"
    done
}

configure_keystone() {
    cat >/etc/keystone/keystone.conf <<EOF
[DEFAULT]
use_stderr = true
[database]
connection = $(sqlite_url /var/lib/keystone/keystone.sqlite)
sqlite_synchronous = false
[identity]
# bcrypt cost 4 instead of 12 (keystone's default) for the passwords hashed here: each password
# check took 0.24 s of keystone's one process, and every service logs in with a password at start.
# Only new hashes get it; the sandbox's are all made by its bootstrap.
password_hash_rounds = 4
[token]
provider = fernet
[fernet_tokens]
key_repository = /etc/keystone/fernet-keys/
[credential]
key_repository = /etc/keystone/credential-keys/
[cache]
# keystone's own cache, in its one process (no memcached here). Without it every token validation
# read each role of each assignment from sqlite again (90 queries for three validations): 0.6-0.8 s
# of CPU per validation and 0.2 s per token issue; with it, a few milliseconds once the roles and
# the catalog are cached. Writes go through the same process, which invalidates what they change
# (keystone-manage bootstrap writes before anything was cached). memory_pickle, not memory or
# oslo_cache.dict: those hand out the cached objects themselves, keystone adds 'links' to a cached
# role while rendering it, and the next application credential create failed with 400 "'links'
# was unexpected". Pickled, each hit is a copy, as with memcached.
enabled = true
backend = dogpile.cache.memory_pickle
[security_compliance]
# Keystone 27 in trixie refuses to let application-credential tokens create trusts, and Heat
# creates a trust for every stack (deferred_auth_method = trusts): stack create then fails with
# "Internal Error" (heat-engine logs "Delegated tokens cannot manage trusts"). Pouta users log in
# with application credentials, so the sandbox allows it. Set false to mimic a strict cloud.
allow_insecure_application_credential_trust_escalation = true
EOF
    # Three independent steps, each mostly the start-up of keystone-manage: side by side.
    keystone-manage db_sync &
    local sync=$!
    keystone-manage fernet_setup --keystone-user root --keystone-group root &
    local fernet=$!
    keystone-manage credential_setup --keystone-user root --keystone-group root
    wait $fernet
    wait $sync
    wal /var/lib/keystone/keystone.sqlite
}

configure_heat() {
    cat >/etc/heat/heat.conf <<EOF
[DEFAULT]
use_stderr = true
transport_url = $RABBIT
num_engine_workers = 1
# oslo.service waits 60 s by default for in-flight work on shutdown: too long for a sandbox
graceful_shutdown_timeout = 5
region_name_for_services = RegionOne
heat_metadata_server_url = http://127.0.0.1:8000
heat_waitcondition_server_url = http://127.0.0.1:8000/v1/waitcondition
stack_user_domain_name = heat
stack_domain_admin = heat_domain_admin
stack_domain_admin_password = $SERVICE_PASSWORD
deferred_auth_method = trusts
[database]
connection = $(sqlite_url /var/lib/heat/heat.sqlite)
sqlite_synchronous = false
[heat_api]
bind_host = 127.0.0.1
bind_port = 8004
workers = 1
[heat_api_cfn]
bind_host = 127.0.0.1
bind_port = 8000
workers = 1
$(service_auth keystone_authtoken heat)
[trustee]
auth_type = password
auth_url = $KEYSTONE
username = heat
password = $SERVICE_PASSWORD
user_domain_name = Default
[clients_keystone]
auth_uri = $KEYSTONE
[ec2authtoken]
auth_uri = $KEYSTONE/v3
[oslo_messaging_rabbit]
heartbeat_timeout_threshold = 0
EOF
    heat-manage db_sync
    wal /var/lib/heat/heat.sqlite
}

# Swift: one node, one replica, devices in a plain folder (the host's ext4 has the user.* xattrs
# Swift needs). workers = 0: no forking. user = root: everything in the root runs as root.
configure_swift() {
    mkdir -p /srv/node/d1 /var/cache/swift /var/run/swift
    cat >/etc/swift/swift.conf <<EOF
[swift-hash]
swift_hash_path_suffix = sandboxsuffix
swift_hash_path_prefix = sandboxprefix
[storage-policy:0]
name = Policy-0
default = yes
EOF
    local entry name port
    for entry in account:6202 container:6201 object:6200; do
        name=${entry%%:*} port=${entry##*:}
        cat >"/etc/swift/$name-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $port
workers = 0
user = root
swift_dir = /etc/swift
devices = /srv/node
mount_check = false
[pipeline:main]
pipeline = healthcheck recon $name-server
[app:$name-server]
use = egg:swift#$name
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:recon]
use = egg:swift#recon
recon_cache_path = /var/cache/swift
[$name-replicator]
[$name-updater]
[$name-auditor]
EOF
        [ "$name" = container ] && printf '[container-sync]\n' >>"/etc/swift/$name-server.conf"
        (
            cd /etc/swift
            rm -f "$name.builder" "$name.ring.gz"
            swift-ring-builder "$name.builder" create 8 1 1
            swift-ring-builder "$name.builder" add "r1z1-127.0.0.1:$port/d1" 100
            # rebalance exits 1 with a warning about the single device's balance: that is fine
            swift-ring-builder "$name.builder" rebalance || [ -f "$name.ring.gz" ]
        ) >/dev/null
    done
    # No memcached: the cache filter finds nothing and authtoken caches in process.
    cat >/etc/swift/proxy-server.conf <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = 8080
workers = 0
user = root
swift_dir = /etc/swift
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl authtoken keystoneauth copy slo dlo versioned_writes symlink proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = $KEYSTONE
auth_url = $KEYSTONE
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = swift
password = $SERVICE_PASSWORD
delay_auth_decision = True
[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, member, swiftoperator
reseller_admin_role = ResellerAdmin
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:cache]
use = egg:swift#memcache
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
[filter:symlink]
use = egg:swift#symlink
EOF
}

# Cinder: this kernel has no device-mapper, so no LVM. The real NFS driver runs on a local folder
# instead: its "export" 127.0.0.1:/var/lib/cinder/share is bind-mounted by the mount.nfs stand-in.
# Volumes are sparse raw files, snapshots qcow2 overlays. Backups go to the user's own Swift account.
configure_cinder() {
    mkdir -p /var/lib/cinder/mnt /var/lib/cinder/share /var/lib/cinder/tmp
    cat >/etc/cinder/cinder.conf <<EOF
[DEFAULT]
use_stderr = true
transport_url = $RABBIT
auth_strategy = keystone
my_ip = 127.0.0.1
host = sandbox
state_path = /var/lib/cinder
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = 8776
osapi_volume_workers = 1
graceful_shutdown_timeout = 5
enabled_backends = nfs
$HEARTBEAT
backup_driver = cinder.backup.drivers.swift.SwiftBackupDriver
backup_swift_auth = per_user
backup_swift_container = volumebackups
# Swift objects of 8 MiB instead of 50: cinder-backup holds a few objects' worth of buffers, and
# grew to 600 MB RSS during one backup with the default
backup_swift_object_size = 8388608
rootwrap_config = /etc/cinder/rootwrap.conf
[database]
connection = $(sqlite_url /var/lib/cinder/cinder.sqlite)
sqlite_synchronous = false
$(service_auth keystone_authtoken cinder)
[oslo_concurrency]
lock_path = /var/lib/cinder/tmp
[nfs]
volume_driver = cinder.volume.drivers.nfs.NfsDriver
volume_backend_name = nfs
nfs_shares_config = /etc/cinder/nfs_shares
nfs_mount_point_base = /var/lib/cinder/mnt
nfs_snapshot_support = true
nfs_sparsed_volumes = true
nas_secure_file_operations = false
nas_secure_file_permissions = false
EOF
    echo "127.0.0.1:/var/lib/cinder/share" >/etc/cinder/nfs_shares
    cinder-manage db sync
    wal /var/lib/cinder/cinder.sqlite
}

configure_glance() {
    mkdir -p /var/lib/glance/images /var/lib/glance/staging /var/lib/glance/tasks
    cat >/etc/glance/glance-api.conf <<EOF
[DEFAULT]
use_stderr = true
bind_host = 127.0.0.1
bind_port = 9292
workers = 1
enabled_backends = fs:file
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = /var/lib/glance/images/
[os_glance_staging_store]
filesystem_store_datadir = /var/lib/glance/staging/
[os_glance_tasks_store]
filesystem_store_datadir = /var/lib/glance/tasks/
[database]
connection = $(sqlite_url /var/lib/glance/glance.sqlite)
sqlite_synchronous = false
$(service_auth keystone_authtoken glance)
[paste_deploy]
flavor = keystone
EOF
    glance-manage db_sync >/dev/null
    wal /var/lib/glance/glance.sqlite
}

configure_placement() {
    mkdir -p /var/lib/placement
    cat >/etc/placement/placement.conf <<EOF
[DEFAULT]
use_stderr = true
[api]
auth_strategy = keystone
[placement_database]
connection = $(sqlite_url /var/lib/placement/placement.sqlite)
sqlite_synchronous = false
$(service_auth keystone_authtoken placement)
EOF
    placement-manage db sync
    wal /var/lib/placement/placement.sqlite
}

# Neutron: the real neutron-server, ML2 with no mechanism drivers and no agents, so networks and
# ports are database records only. Nova asks it about ports even for servers without networks.
# Its alembic migrations ALTER constraints, which sqlite cannot do ("No support for ALTER of
# constraints in SQLite dialect"), so the schema is created from the models and stamped as
# migrated instead.
configure_neutron() {
    mkdir -p /var/lib/neutron/lock
    cat >/etc/neutron/neutron.conf <<EOF
[DEFAULT]
use_stderr = true
state_path = /var/lib/neutron
bind_host = 127.0.0.1
bind_port = 9696
core_plugin = ml2
service_plugins =
auth_strategy = keystone
api_workers = 1
# no agents, so no RPC servers
rpc_workers = 0
rpc_state_report_workers = 0
transport_url = $RABBIT
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
graceful_shutdown_timeout = 5
[database]
connection = $(sqlite_url /var/lib/neutron/neutron.sqlite)
sqlite_synchronous = false
$(service_auth keystone_authtoken neutron)
[oslo_concurrency]
lock_path = /var/lib/neutron/lock
EOF
    cat >/etc/neutron/plugins/ml2/ml2_conf.ini <<EOF
[ml2]
type_drivers = flat,vlan
tenant_network_types =
mechanism_drivers =
extension_drivers = port_security
[ml2_type_flat]
flat_networks = *
EOF
    python3 -c 'import sqlalchemy, sys; from neutron.db.migration.models import head
head.get_metadata().create_all(sqlalchemy.create_engine("sqlite:///" + sys.argv[1]))' /var/lib/neutron/neutron.sqlite
    neutron-db-manage --config-file /etc/neutron/neutron.conf \
        --config-file /etc/neutron/plugins/ml2/ml2_conf.ini stamp heads
    wal /var/lib/neutron/neutron.sqlite
}

# Nova with the fake virt driver (no libvirt, no qemu): servers go ACTIVE, resize and confirm, and
# nothing runs. Three sqlite databases: api, cell0, cell1.
configure_nova() {
    mkdir -p /var/lib/nova/instances /var/lib/nova/tmp
    cat >/etc/nova/nova.conf <<EOF
[DEFAULT]
use_stderr = true
transport_url = $RABBIT
my_ip = 127.0.0.1
host = sandbox
state_path = /var/lib/nova
instances_path = /var/lib/nova/instances
# FakeDriverWithoutFakeNodes keeps its node uuid in state_path/compute_id. Plain FakeDriver makes
# a new one per process, and nova-compute then refuses its second start ("No local node identity
# found, but this is not our first startup on this host").
compute_driver = fake.FakeDriverWithoutFakeNodes
$HEARTBEAT
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
allow_resize_to_same_host = true
heal_instance_info_cache_interval = -1
graceful_shutdown_timeout = 5
[api]
auth_strategy = keystone
[api_database]
connection = $(sqlite_url /var/lib/nova/nova_api.sqlite)
sqlite_synchronous = false
[database]
connection = $(sqlite_url /var/lib/nova/nova.sqlite)
sqlite_synchronous = false
$(service_auth keystone_authtoken nova)
$(service_auth placement nova)
$(service_auth neutron nova)
[glance]
region_name = RegionOne
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 10
[oslo_concurrency]
lock_path = /var/lib/nova/tmp
[vnc]
enabled = false
[oslo_messaging_rabbit]
# Durable topic queues outlive rabbitmq's restart at every up. nova-compute pings nova-conductor
# when it starts; without the queue (rabbitmq drops a message no queue is bound for) that ping was
# lost whenever nova-compute got there first, and nova-compute waited 10 s to ping again.
amqp_durable_queues = true
EOF
    nova-manage api_db sync
    nova-manage cell_v2 map_cell0 --database_connection "$(sqlite_url /var/lib/nova/nova_cell0.sqlite)"
    nova-manage cell_v2 create_cell --name cell1 --database_connection "$(sqlite_url /var/lib/nova/nova.sqlite)" \
        --transport-url "$RABBIT"
    nova-manage db sync
    wal /var/lib/nova/nova_api.sqlite /var/lib/nova/nova.sqlite /var/lib/nova/nova_cell0.sqlite
}

# The services' configurations are independent (own files, own database), and most of the time
# goes to single-threaded Python (the db syncs), so they run side by side on the cores there are.
# Each one's output goes to a log of its own, printed in order when all are done.
out=$(mktemp -d)
declare -A jobs
for service in keystone heat swift cinder glance placement neutron nova; do
    (
        t0=$SECONDS
        "configure_$service"
        echo "configure: $service took $((SECONDS - t0)) s"
    ) >"$out/$service.log" 2>&1 &
    jobs[$service]=$!
done
failed=()
for service in keystone heat swift cinder glance placement neutron nova; do
    wait "${jobs[$service]}" || failed+=("$service")
    cat "$out/$service.log"
done
rm -rf "$out"
if [ ${#failed[@]} -gt 0 ]; then
    echo "configure: failed: ${failed[*]}" >&2
    exit 1
fi

#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs inside the root. Usage: bootstrap.sh identity|compute|seed
#   identity  once keystone answers (before any other service starts: nova-conductor exits at
#             start-up if its keystone user does not exist yet): admin, catalog, users, demo
#             project, application credential, clouds.yaml
#   compute   once everything answers: flavors, image, mapping the compute host into cell1
#   seed      sample content for newcomers (demo-asg, demo-volume)
# Each step leaves a marker in $STATE and is skipped when the marker is there.
set -euo pipefail
# shellcheck source=common.sh
. /opt/sandbox/common.sh

step=${1:?usage: bootstrap.sh identity|compute|seed}
marker=$STATE/bootstrapped-$step
[ -e "$marker" ] && exit 0

case $step in
identity)
    keystone-manage bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
        --bootstrap-admin-url "$KEYSTONE/v3/" --bootstrap-internal-url "$KEYSTONE/v3/" \
        --bootstrap-public-url "$KEYSTONE/v3/" --bootstrap-region-id RegionOne
    python3 "$INSIDE/bootstrap_identity.py" "$CLOUDS"
    # The scripts inside the root find the clouds under their usual name.
    mkdir -p /etc/openstack
    cp "$CLOUDS" /etc/openstack/clouds.yaml
    ;;
compute)
    python3 "$INSIDE/cloud_setup.py" compute
    nova-manage cell_v2 discover_hosts >/dev/null
    ;;
seed)
    python3 "$INSIDE/cloud_setup.py" seed
    ;;
*)
    echo "bootstrap.sh: unknown step $step" >&2
    exit 2
    ;;
esac
touch "$marker"

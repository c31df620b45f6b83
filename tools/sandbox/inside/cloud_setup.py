#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs inside the root, after every port answers. One openstacksdk process per step, since each
`openstack` CLI call costs a second of start-up.

  cloud_setup.py wait [SECONDS [SINCE]]  until the workers behind the APIs have reported in:
                                 heat-engine; cinder scheduler, volume and backup; nova conductor,
                                 scheduler and compute (and the compute node is in placement);
                                 with SINCE (epoch), only heartbeats from then on count
  cloud_setup.py compute         flavors m1.tiny/small/medium and a 1 MiB raw image cirros-fake
  cloud_setup.py seed            the newcomer's sample content, as the demo user: stack demo-asg
                                 and volume demo-volume
"""
import datetime
import sys
import time

import openstack

TEMPLATES = '/opt/sandbox/templates'


def admin():
    return openstack.connect(cloud='sandbox-admin')


def _utc(stamp):
    """An API's updated_at ('2026-12-04T16:33:17.000000', UTC, maybe with a zone) as a UTC epoch."""
    if not stamp:
        return 0
    when = datetime.datetime.fromisoformat(str(stamp).replace('Z', '+00:00'))
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return when.timestamp()


def _reported(state, updated_at, since):
    """Up, with a heartbeat of this start: a record's updated_at from before `since` can still
    count as up (service_down_time is 180 s) although that process is gone."""
    return state == 'up' and _utc(updated_at) >= since


def _heat(conn, since):
    engines = conn.orchestration.get('/services').json().get('services', [])
    ok = any(s['binary'] == 'heat-engine' and _reported(s['status'], s.get('updated_at') or s.get('created_at'), since)
             for s in engines)
    return [] if ok else ['heat-engine']


def _services(services, wanted, since):
    up = {s.binary for s in services() if s.status == 'enabled' and _reported(s.state, s.updated_at, since)}
    return [b for b in wanted if b not in up]


def _placement(conn, since):
    return [] if list(conn.placement.resource_providers()) else ['compute node in placement']


# What `wait` asks about, each through its API. A check that passed is not asked again.
CHECKS = (
    ('heat', _heat),
    ('cinder', lambda conn, since: _services(conn.block_storage.services,
                                             ('cinder-scheduler', 'cinder-volume', 'cinder-backup'), since)),
    ('nova', lambda conn, since: _services(conn.compute.services,
                                           ('nova-conductor', 'nova-scheduler', 'nova-compute'), since)),
    ('placement', _placement),
)


def wait(timeout, since):
    """Until every worker has reported in since `since` (a UTC epoch; 0: any heartbeat that the
    API counts as up). Polls every 0.5 s, and only what is still missing: each poll is a request
    to an API that is itself still busy starting on the same two cores."""
    t0 = time.monotonic()
    conn, deadline = admin(), t0 + timeout
    pending = dict(CHECKS)
    missing, done = {}, []
    while time.monotonic() < deadline:
        for label, check in list(pending.items()):
            try:
                missing[label] = check(conn, since - 1)  # updated_at may be cut to the second
            except Exception as e:  # noqa: BLE001 - anything here just means "not yet"
                missing[label] = [f'{label} ({e.__class__.__name__})']
            if not missing[label]:
                del pending[label]
                done.append('%s %.1f' % (label, time.monotonic() - t0))
        if not pending:
            print('reported in after (s): ' + ', '.join(done))
            return 0
        time.sleep(0.5)
    print('not reporting after %d s: %s' % (timeout, ', '.join(sum((missing[k] for k in pending), []))),
          file=sys.stderr)
    return 1


def compute():
    conn = admin()
    for name, ram, vcpus, disk in (('m1.tiny', 512, 1, 1), ('m1.small', 2048, 1, 20), ('m1.medium', 4096, 2, 40)):
        if not conn.compute.find_flavor(name, ignore_missing=True):
            conn.compute.create_flavor(name=name, ram=ram, vcpus=vcpus, disk=disk, is_public=True)
    if not conn.image.find_image('cirros-fake', ignore_missing=True):
        # The fake driver boots nothing; any bytes do.
        conn.image.create_image(name='cirros-fake', disk_format='raw', container_format='bare',
                                visibility='public', data=b'\0' * 1048576)
    print('flavors and image ready')
    return 0


def seed():
    conn = openstack.connect(cloud='sandbox')
    if not conn.orchestration.find_stack('demo-asg', ignore_missing=True):
        conn.create_stack('demo-asg', template_file=f'{TEMPLATES}/asg.yaml', wait=True, timeout=120)
    if not conn.block_storage.find_volume('demo-volume', ignore_missing=True):
        volume = conn.block_storage.create_volume(name='demo-volume', size=1,
                                                  description='sample volume for newcomers')
        conn.block_storage.wait_for_status(volume, 'available', failures=['error'], wait=120)
    print('sample content: stack demo-asg, volume demo-volume')
    return 0


if __name__ == '__main__':
    step = sys.argv[1] if len(sys.argv) > 1 else ''
    if step == 'wait':
        sys.exit(wait(int(sys.argv[2]) if len(sys.argv) > 2 else 90,
                      float(sys.argv[3]) if len(sys.argv) > 3 else 0))
    if step == 'compute':
        sys.exit(compute())
    if step == 'seed':
        sys.exit(seed())
    sys.exit(__doc__)

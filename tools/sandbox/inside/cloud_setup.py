#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs inside the root, after every port answers. One openstacksdk process per step, since each
`openstack` CLI call costs a second of start-up.

  cloud_setup.py wait [SECONDS]  until the workers behind the APIs have reported in: heat-engine;
                                 cinder scheduler, volume and backup; nova conductor, scheduler
                                 and compute (and the compute node is in placement)
  cloud_setup.py compute         flavors m1.tiny/small/medium and a 1 MiB raw image cirros-fake
  cloud_setup.py seed            the newcomer's sample content, as the demo user: stack demo-asg
                                 and volume demo-volume
"""
import sys
import time

import openstack

TEMPLATES = '/opt/sandbox/templates'


def admin():
    return openstack.connect(cloud='sandbox-admin')


def missing_workers(conn):
    missing = []
    try:
        engines = conn.orchestration.get('/services').json().get('services', [])
        if not any(s['binary'] == 'heat-engine' and s['status'] == 'up' for s in engines):
            missing.append('heat-engine')
    except Exception as e:  # noqa: BLE001 - anything here just means "not yet"
        missing.append(f'heat ({e.__class__.__name__})')
    for label, services, wanted in (
            ('cinder', conn.block_storage.services, ('cinder-scheduler', 'cinder-volume', 'cinder-backup')),
            ('nova', conn.compute.services, ('nova-conductor', 'nova-scheduler', 'nova-compute'))):
        try:
            up = {s.binary for s in services() if s.state == 'up' and s.status == 'enabled'}
            missing += [b for b in wanted if b not in up]
        except Exception as e:  # noqa: BLE001
            missing.append(f'{label} ({e.__class__.__name__})')
    try:
        if not list(conn.placement.resource_providers()):
            missing.append('compute node in placement')
    except Exception as e:  # noqa: BLE001
        missing.append(f'placement ({e.__class__.__name__})')
    return missing


def wait(timeout):
    conn, deadline, missing = admin(), time.monotonic() + timeout, []
    while time.monotonic() < deadline:
        missing = missing_workers(conn)
        if not missing:
            return 0
        time.sleep(0.3)
    print('not reporting after %d s: %s' % (timeout, ', '.join(missing)), file=sys.stderr)
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
        sys.exit(wait(int(sys.argv[2]) if len(sys.argv) > 2 else 90))
    if step == 'compute':
        sys.exit(compute())
    if step == 'seed':
        sys.exit(seed())
    sys.exit(__doc__)

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parallel load on every sqlite database of the sandbox, to prove it holds without "database is
locked" (tools/sandbox-cloud dbstress). Runs inside the root; talks to 127.0.0.1 only.

Usage: dbstress.py [ROUNDS]   (default 3)

Two workers per service write the same database at once (the selftest keeps its chains on
different databases; this does the opposite on purpose), each for ROUNDS rounds:
  cinder    volume create -> available -> snapshot -> delete both
  nova      server create -> ACTIVE -> resize -> VERIFY_RESIZE -> confirm -> ACTIVE -> delete
  heat      autoscaling stack create -> signal -> delete
  neutron   security group + rule create, delete
  keystone  application credential create, token from it, delete
Every wait is bounded. Then every service log written during the run is searched for
"database is locked". Prints one line per worker and a verdict; exit 0 only when every round of
every worker passed and no log mentions the lock.
"""
import concurrent.futures
import glob
import os
import sys
import time

import openstack

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
LOGS = '/var/log/sandbox'
TAG = f'ds{os.getpid()}'


def wait(what, get, wanted, timeout=300):
    deadline, value = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            value = get()
        except openstack.exceptions.ResourceNotFound:
            value = 'gone'
        if value == wanted:
            return
        if isinstance(value, str) and value.lower().startswith('error'):
            break
        time.sleep(0.5)
    raise RuntimeError(f'{what}: {value}, wanted {wanted}')


def cinder(conn, name):
    bs = conn.block_storage
    vol = bs.create_volume(name=name, size=1)
    wait(f'volume {name}', lambda: bs.get_volume(vol).status, 'available')
    snap = bs.create_snapshot(volume_id=vol.id, name=name)
    wait(f'snapshot {name}', lambda: bs.get_snapshot(snap).status, 'available')
    bs.delete_snapshot(snap)
    wait(f'snapshot {name} delete', lambda: bs.get_snapshot(snap).status, 'gone')
    bs.delete_volume(vol)
    wait(f'volume {name} delete', lambda: bs.get_volume(vol).status, 'gone')


def nova(conn, name):
    cp = conn.compute
    image = conn.image.find_image('cirros-fake', ignore_missing=False)
    tiny = cp.find_flavor('m1.tiny', ignore_missing=False)
    small = cp.find_flavor('m1.small', ignore_missing=False)
    server = cp.create_server(name=name, image_id=image.id, flavor_id=tiny.id, networks='none')
    wait(f'server {name}', lambda: cp.get_server(server).status, 'ACTIVE')
    cp.resize_server(server, small.id)
    wait(f'server {name} resize', lambda: cp.get_server(server).status, 'VERIFY_RESIZE')
    cp.confirm_server_resize(server)
    wait(f'server {name} confirm', lambda: cp.get_server(server).status, 'ACTIVE')
    cp.delete_server(server)
    wait(f'server {name} delete', lambda: cp.get_server(server).status, 'gone')


def heat(conn, name):
    conn.create_stack(name, template_file='/opt/sandbox/templates/asg.yaml', wait=True, timeout=300)
    stack = conn.orchestration.find_stack(name, ignore_missing=False)
    # POST to the policy's signal endpoint, as `openstack stack resource signal` does
    conn.orchestration.post(f'/stacks/{name}/{stack.id}/resources/scale_up/signal', json={})
    def size():
        outputs = conn.orchestration.get_stack(stack).outputs or []
        return str(next((o['output_value'] for o in outputs if o['output_key'] == 'size'), None))
    wait(f'stack {name} size', size, '2', 120)
    # openstacksdk's delete_stack(wait=True) takes no timeout and would wait forever
    conn.delete_stack(stack.id)

    def status():
        found = conn.orchestration.find_stack(stack.id, ignore_missing=True)
        return 'gone' if found is None or found.status == 'DELETE_COMPLETE' else found.status
    wait(f'stack {name} deleted', status, 'gone', 300)


def neutron(conn, name):
    # a security group and a rule: database records any project may write (the sandbox has no
    # tenant network type, so a demo user cannot create networks)
    group = conn.network.create_security_group(name=name)
    conn.network.create_security_group_rule(security_group_id=group.id, direction='ingress',
                                            protocol='tcp', port_range_min=22, port_range_max=22)
    conn.network.delete_security_group(group)


def keystone(conn, name):
    uid = conn.current_user_id
    cred = conn.identity.create_application_credential(user=uid, name=name)
    # a token from it, straight from the API (a second SDK connection could share the first's auth)
    body = {'auth': {'identity': {'methods': ['application_credential'], 'application_credential': {
        'id': cred.id, 'secret': cred.secret}}}}
    response = conn.session.post('http://127.0.0.1:5000/v3/auth/tokens', json=body, authenticated=False,
                                 raise_exc=False)
    if response.status_code != 201:
        raise RuntimeError(f'token from the application credential: HTTP {response.status_code}')
    conn.identity.delete_application_credential(uid, cred)


WORKERS = {'cinder': cinder, 'nova': nova, 'heat': heat, 'neutron': neutron, 'keystone': keystone}


def run(kind, n):
    # keystone needs the password (an application credential cannot make another); the rest
    # runs as the demo user's restricted application credential, like the selftest
    conn = openstack.connect(cloud='sandbox-password' if kind == 'keystone' else 'sandbox')
    done, errors, t0 = 0, [], time.monotonic()
    for r in range(ROUNDS):
        try:
            WORKERS[kind](conn, f'{TAG}-{kind}{n}-{r}')
            done += 1
        except Exception as e:  # noqa: BLE001 - reported, and the verdict fails
            errors.append(f'round {r}: {e.__class__.__name__}: {str(e).splitlines()[0][:300]}')
    return kind, n, done, errors, time.monotonic() - t0


def main():
    logs = {p: os.path.getsize(p) for p in glob.glob(f'{LOGS}/*.log')}
    t0 = time.monotonic()
    failed = 0
    jobs = [(k, n) for k in WORKERS for n in (1, 2)]
    with concurrent.futures.ThreadPoolExecutor(len(jobs)) as pool:
        for kind, n, done, errors, took in pool.map(lambda j: run(*j), jobs):
            verdict = 'PASS' if not errors else 'FAIL'
            failed += bool(errors)
            print(f'{verdict} {kind} worker {n}: {done}/{ROUNDS} rounds in {took:.0f} s'
                  + ''.join(f'\n    {e}' for e in errors), flush=True)
    locked, deadlocks = [], 0
    for path in sorted(glob.glob(f'{LOGS}/*.log')):
        with open(path, errors='replace') as f:
            f.seek(logs.get(path, 0))
            for line in f:
                if 'database is locked' in line:
                    locked.append(f'{os.path.basename(path)}: {line.strip()[:200]}')
                deadlocks += 'DBDeadlock' in line
    if locked:
        failed += 1
        print(f'FAIL "database is locked" in the logs, {len(locked)} lines; first ones:')
        print('\n'.join('    ' + x for x in locked[:10]))
    else:
        print('PASS no "database is locked" in any service log')
    print(f'dbstress: {len(jobs)} workers x {ROUNDS} rounds in {time.monotonic() - t0:.0f} s; '
          f'{deadlocks} log lines mention DBDeadlock (retried transactions)')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The selftest's waits, in one process each: polling with the `openstack` CLI would cost a second
of start-up per poll. The proofs themselves go through the CLI (selftest.sh).

Usage: selftest_wait.py KIND NAME WANTED [TIMEOUT]
  KIND: volume | backup | snapshot | server (WANTED: a status), stack-output (NAME is
  STACK/OUTPUT, WANTED its value). Prints the last value seen; exit 0 when it equals WANTED.
"""
import sys
import time

import openstack

kind, name, wanted = sys.argv[1:4]
timeout = int(sys.argv[4]) if len(sys.argv) > 4 else 180
conn = openstack.connect()  # OS_CLOUD=sandbox: the demo user's application credential
getters = {
    'volume': lambda: conn.block_storage.find_volume(name, ignore_missing=False).status,
    'backup': lambda: conn.block_storage.find_backup(name, ignore_missing=False).status,
    'snapshot': lambda: conn.block_storage.find_snapshot(name, ignore_missing=False).status,
    'server': lambda: conn.compute.find_server(name, ignore_missing=False).status,
}


def stack_output():
    stack, output = name.split('/')
    found = conn.orchestration.find_stack(stack, ignore_missing=False)
    outputs = conn.orchestration.get_stack(found).outputs or []
    return str(next((o['output_value'] for o in outputs if o['output_key'] == output), None))


get = stack_output if kind == 'stack-output' else getters[kind]
deadline, value = time.monotonic() + timeout, None
while time.monotonic() < deadline:
    try:
        value = get()
    except openstack.exceptions.ResourceNotFound:
        value = 'not found'
    if str(value) == wanted:
        break
    if str(value).lower().startswith('error'):
        break
    time.sleep(1)
print(value)
sys.exit(0 if str(value) == wanted else 1)

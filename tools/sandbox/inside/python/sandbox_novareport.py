# SPDX-License-Identifier: GPL-3.0-or-later
"""Nova services report their state as soon as they have joined (loaded by sandbox.pth).

nova.servicegroup's database driver starts each service's heartbeat timer with a hard-coded
initial delay (nova.servicegroup.api.INITIAL_REPORTING_DELAY = 5 s; no option sets it), and a
service that already has a record from an earlier start shows "up" in `compute service list` only
after that first heartbeat. `up` waits for nova-conductor, -scheduler and -compute to report in, so
the 5 s were 5 s of every warm `up` (after nova-compute's own start, the last thing it waits for).
The heartbeat itself is nova's own (report_state), only sent right away.
"""
import sandbox_hooks

_TARGET = 'nova.servicegroup.api'


def _patch(api):
    api.INITIAL_REPORTING_DELAY = 0


def install():
    sandbox_hooks.after_import(_TARGET, _patch)

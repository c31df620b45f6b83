# SPDX-License-Identifier: GPL-3.0-or-later
"""An RPC caller gets its reply when it arrives, not up to half a second later (loaded by sandbox.pth).

oslo.messaging's rabbit driver hands each reply from its listener thread to the waiting caller
through a queue, which the caller polls with a 0.5 s sleep between tries (ReplyWaiters.get; a
blocking get hung under eventlet, Launchpad bug 2035113). So every RPC call took at least about
0.5 s, however fast the answer came: nova-compute's start makes ten calls to nova-conductor one
after the other (measured: each reply in 10-40 ms, the caller going on 0.5 s after sending), about
5 of the 6 s `up` waited for it to report in; and every heat, cinder and nova request that calls
its engine, scheduler or conductor pays it too. Here the same non-blocking get is tried after
1 ms, then after twice as long each time up to the same 0.5 s, with the same timeout.
"""
import sandbox_hooks

_TARGET = 'oslo_messaging._drivers.amqpdriver'


def _patch(amqpdriver):
    waiters = amqpdriver.ReplyWaiters

    def get(self, msg_id, timeout):
        watch = amqpdriver.timeutils.StopWatch(duration=timeout)
        watch.start()
        pause = 0.001
        while not watch.expired():
            try:
                return self._queues[msg_id].get(block=False)
            except amqpdriver.queue.Empty:
                amqpdriver.time.sleep(pause)  # eventlet's sleep in the eventlet services
                pause = min(pause * 2, 0.5)
        raise amqpdriver.oslo_messaging.MessagingTimeout(
            'Timed out waiting for a reply to message ID %s' % msg_id)

    waiters.get = get


def install():
    sandbox_hooks.after_import(_TARGET, _patch)

# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts the eventlet services of the sandbox from one process that imported their libraries once.

Usage (start.sh): python3 preload.py PIDDIR LOGDIR < SPECS
  SPECS  one line per service: NAME MODULE [ARG...]; the service NAME runs MODULE.main() with
         sys.argv [NAME, ARG...], which is what the package's console script (/usr/bin/NAME) does.

Why: on two cores a warm `up` is bound by CPU, and most of it is a dozen Python processes each
importing the same libraries (eventlet, oslo.*, SQLAlchemy, keystoneauth, requests, WebOb...):
about 0.8 CPU-s each. This process imports them once, then forks one child per service; each child
starts its own session (its PID is its process group, as with setsid in start.sh), sends its output
to LOGDIR/NAME.log and runs the service's main(). Nothing of a service's own package is imported
here: every project registers its options on the process-wide oslo.config object, and two projects
in one process would clash.

eventlet is patched here before anything else is imported, as each service does first thing itself
(the services' own monkey_patch() calls still run and add what they patch beyond this). Two
consequences seen in the logs and harmless here: nova warns that urllib3 and oslo_context were
imported before *its* monkey_patch() (they were imported after this one), and `ps` shows each
service under its own command line (NAME ARG...), as if started from /usr/bin.
"""

import ctypes
import os
import sys
import time
import traceback

import eventlet
import eventlet.hubs

# os=False: heat-api and heat-api-cfn patch everything but os; the others patch os themselves.
eventlet.monkey_patch(os=False)

PRELOAD = (
    "oslo_config.cfg", "oslo_log.log", "oslo_messaging", "oslo_db.sqlalchemy.enginefacade",
    "sqlalchemy.orm", "keystoneauth1.session", "keystoneauth1.loading",
    "keystonemiddleware.auth_token", "oslo_policy.policy", "oslo_service.service",
    "oslo_service.wsgi", "routes", "webob", "paste.deploy", "requests",
    "oslo_versionedobjects.base", "oslo_concurrency.lockutils", "oslo_middleware",
    "oslo_reports.guru_meditation_report", "oslo_privsep.priv_context",
)


def parse_spec(line):
    name, module, *args = line.split()
    return name, module, args


def show_as(argv):
    """So that ps and top show the service as its console script would, not as this script."""
    try:
        import setproctitle  # noqa: PLC0415 - python3-setproctitle comes with neutron; optional
        setproctitle.setproctitle(" ".join(argv))
    except ImportError:
        pass
    try:  # the command name (comm), at most 15 bytes: PR_SET_NAME = 15
        ctypes.CDLL(None, use_errno=True).prctl(15, argv[0].encode()[:15], 0, 0, 0)
    except (OSError, AttributeError):
        pass


def run_service(name, module, args, logdir):
    """In the child: becomes the service. Never returns."""
    os.setsid()
    # A hub of its own: eventlet.monkey_patch() made one here, and an epoll instance shared by
    # every child would hand one service's socket events to another (oslo.service does the same
    # in the workers it forks).
    eventlet.hubs.use_hub()
    log = os.open(os.path.join(logdir, name + ".log"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    os.close(devnull)
    sys.argv = [name, *args]
    show_as(sys.argv)
    # SystemExit leaves through the normal interpreter exit (atexit handlers, flushed logs).
    sys.exit(__import__(module, fromlist=["main"]).main())


def main():
    piddir, logdir = sys.argv[1:]
    services = [parse_spec(line) for line in sys.stdin if line.strip()]
    try:
        for module in PRELOAD:
            __import__(module)
    except Exception:  # noqa: BLE001 - told to every service's log
        failure = "preload.py could not import the services' libraries:\n" + traceback.format_exc()
        for name, _, _ in services:
            with open(os.path.join(logdir, name + ".log"), "w", encoding="utf-8") as log:
                log.write(failure)
        # 0 all the same: with no PID file, `up` says the first of them exited during start-up
        # and prints its log, which says why.
        print(failure, file=sys.stderr)
        return 0
    sys.stdout.flush()
    sys.stderr.flush()
    for name, module, args in services:
        pid = os.fork()
        if pid == 0:
            run_service(name, module, args, logdir)
        wait_for_own_group(pid)
        with open(os.path.join(piddir, name), "w", encoding="utf-8") as pidfile:
            pidfile.write(f"{pid}\n")
    return 0


def wait_for_own_group(pid, timeout=5.0):
    """Until the child has called setsid(): the host takes a PID for its process group, and looks
    for it as soon as this process has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if os.getpgid(pid) == pid:
                return
        except ProcessLookupError:
            return  # gone already: the host says so, with its log
        time.sleep(0.001)


if __name__ == "__main__":
    sys.exit(main())

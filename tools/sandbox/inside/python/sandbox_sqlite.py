# SPDX-License-Identifier: GPL-3.0-or-later
"""sqlite transactions that do not fail with "database is locked" under concurrent use.

Loaded into every Python process of the root by sandbox.pth, it waits until a service imports
oslo.db's enginefacade and then changes three things, for sqlite engines only:

1. A WRITER transaction starts with BEGIN IMMEDIATE (in nova, cinder, neutron and placement; see
   _patch for why not in keystone and heat). oslo.db starts every transaction with a plain
   (deferred) BEGIN. In WAL mode a deferred transaction that read first and writes later cannot
   wait for the write lock when another connection committed in between: its snapshot is stale, so
   sqlite answers SQLITE_BUSY(_SNAPSHOT) at once, busy timeout or not. BEGIN IMMEDIATE takes the
   write lock up front and waits for it (up to 60 s, polling, see begin_immediate), so writers
   queue instead of failing.
   READER transactions keep the deferred BEGIN: in WAL mode they never block and are never blocked,
   and a reader that took the lock would deadlock against a writer the same thread opens inside it
   (tried: patching every BEGIN to IMMEDIATE made keystone time out after 60 s).

2. In keystone, writer transactions take turns within the process (a re-entrant lock): it is the
   only writer of its database, from one process of four threads, so this leaves no two writers
   racing, without the BEGIN IMMEDIATE that deadlocked its nested writers.

3. "database is locked" that still happens (a transaction outside the enginefacade writer, which
   read and then wrote) becomes oslo.db's DBDeadlock, which the services already retry: nova,
   cinder, heat and neutron wrap their writes in wrap_db_retry(retry_on_deadlock=True) for
   MySQL/Galera deadlocks, and a retry starts the transaction again with a fresh snapshot.

Nothing here runs in processes that never import oslo.db (the openstack CLI, for one).
"""
import contextlib
import sqlite3
import sys
import threading
import time

import sandbox_hooks

_TARGET = 'oslo_db.sqlalchemy.enginefacade'
_state = threading.local()


def _patch(enginefacade):
    import sqlalchemy
    from oslo_db import exception
    from oslo_db.sqlalchemy import exc_filters

    # Only in nova, cinder, neutron and placement, where dbstress proved it. Keystone and heat open
    # independent writer transactions inside writer transactions, and the inner one can never get
    # the lock the outer one took up front (sqlite has one writer): seen, keystone's application
    # credential create and heat's stack create stuck until the 60 s lock wait ran out, again and
    # again. They (and glance, not proven) keep oslo.db's deferred BEGIN and the DBDeadlock mapping.
    # Asked when a transaction begins, not now: preload.py imports oslo.db before it forks the
    # services, and only the forked child knows which service it is.
    def immediate_writers():
        return any(m in sys.modules for m in ('nova', 'cinder', 'neutron', 'placement'))

    # Keystone instead: its writer transactions take turns in the process (one uwsgi process of
    # four threads, and nothing else writes its database), so none of them finds its snapshot
    # stale. Seen in dbstress: two application credential deletes at once, one of them "database
    # is locked", a 500 and a dropped connection. Re-entrant: a writer opened inside a writer on
    # the same thread goes on as before.
    writers_take_turns = threading.RLock()

    def serialized_writers():
        return 'keystone' in sys.modules

    writer = enginefacade._WRITER
    context_class = enginefacade._TransactionContext

    def is_sqlite(engine):
        return engine is not None and engine.dialect.name == 'sqlite'

    # Runs before oslo.db's own "begin" listener (insert=True): when the flag is set, emits BEGIN
    # IMMEDIATE and sets oslo.db's marker, so its listener does not emit a second BEGIN.
    # The wait for the lock is a loop of non-blocking tries with a sleep in between, not sqlite's
    # busy handler: that one sleeps inside C, which in an eventlet service (heat-engine, nova,
    # cinder) stops every green thread of the process, including the one holding the lock while it
    # waits for a keystone answer. Seen: two stack creates in one heat-engine stuck for the whole
    # 60 s busy timeout. time.sleep is eventlet's in those services, so the holder gets to finish.
    def begin_immediate(conn):
        if not getattr(_state, 'immediate', False) or 'in_transaction' in conn.info:
            return
        raw = conn.connection.driver_connection
        deadline, pause = time.monotonic() + 60, 0.005
        raw.execute('PRAGMA busy_timeout = 0')
        try:
            while True:
                try:
                    raw.execute('BEGIN IMMEDIATE')
                    break
                except sqlite3.OperationalError as e:
                    if 'locked' not in str(e) or time.monotonic() > deadline:
                        raise
                time.sleep(pause)
                pause = min(pause * 2, 0.1)
        finally:
            raw.execute('PRAGMA busy_timeout = 60000')
        conn.info['in_transaction'] = True

    original_create_engine = enginefacade.engines.create_engine

    def create_engine(*args, **kwargs):
        engine = original_create_engine(*args, **kwargs)
        if is_sqlite(engine):
            sqlalchemy.event.listen(engine, 'begin', begin_immediate, insert=True)
        return engine

    enginefacade.engines.create_engine = create_engine

    @contextlib.contextmanager
    def flagged():
        previous = getattr(_state, 'immediate', False)
        _state.immediate = True
        try:
            yield
        finally:
            _state.immediate = previous

    original_session = context_class._session
    original_connection = context_class._connection

    # The outermost writer session begins its transaction at once (it would on its first
    # statement anyway), so the flag is set exactly while this session's connection begins.
    def turn(outermost, mode):
        if outermost and mode is writer and serialized_writers():
            return writers_take_turns
        return contextlib.nullcontext()

    @contextlib.contextmanager
    def session(self, savepoint=False, context=None):
        outermost = self.session is None and self.connection is None
        with turn(outermost, self.mode), original_session(self, savepoint, context) as s:
            if outermost and self.mode is writer and immediate_writers() and is_sqlite(s.get_bind()):
                with flagged():
                    s.connection()
            yield s

    @contextlib.contextmanager
    def connection(self, savepoint=False, context=None):
        outermost = self.connection is None and self.session is None
        if outermost and self.mode is writer and immediate_writers():
            manager = original_connection(self, savepoint, context)
            with flagged():
                conn = manager.__enter__()  # creates the connection and begins
            with contextlib.ExitStack() as stack:
                stack.push(manager)
                yield conn
        else:
            with turn(outermost, self.mode), original_connection(self, savepoint, context) as conn:
                yield conn

    context_class._session = session
    context_class._connection = connection

    @exc_filters.filters('sqlite', sqlalchemy.exc.OperationalError, r'.*database is locked.*')
    def _sqlite_locked_is_deadlock(error, match, engine_name, is_disconnect):
        raise exception.DBDeadlock(error)


def install():
    sandbox_hooks.after_import(_TARGET, _patch)

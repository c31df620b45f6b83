# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs a function on a module right after it is first imported, in every Python process of the
sandbox root (sandbox.pth imports the modules that register here). The services' own files stay
as Debian shipped them; the changes live in sandbox_*.py, each with its reason.
"""
import importlib.abc
import importlib.util
import sys

_hooks = {}


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        fn = _hooks.pop(name, None)
        if fn is None:
            return None
        spec = importlib.util.find_spec(name)  # the real finders: this one has no hook for it now
        if spec is None or spec.loader is None:
            return spec
        loader_exec = spec.loader.exec_module

        def exec_module(module):
            loader_exec(module)
            _call(name, fn, module)

        spec.loader.exec_module = exec_module
        return spec


_finder = _Finder()


def _call(name, fn, module):
    try:
        fn(module)
    except Exception as e:  # noqa: BLE001 - never break a service over this
        print(f'sandbox_hooks: {name} not patched: {e!r}', file=sys.stderr)


def after_import(name, fn):
    """Calls fn(module) once module `name` has been imported, or now if it already is."""
    if name in sys.modules:
        _call(name, fn, sys.modules[name])
        return
    _hooks[name] = fn
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lint Pilvi's own sources: clang-format, clang-tidy and clazy (levels 0 and 1).

Runs inside the build environment (tools/dev lint). A translation unit's clang-tidy and clazy
results are cached under --cache, keyed by the tool's version, its configuration and the content of
the file and of every project header it includes (from ninja's dependency log), with paths relative
to the clone, so a warm run (in this clone or another) only looks at what changed. Exits 1 on any finding.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys

SOURCE_DIRS = ("core", "ui", "app", "tests")
SOURCE_SUFFIXES = (".cpp", ".h")


def project_files(src):
    for top in SOURCE_DIRS:
        for root, _dirs, files in os.walk(os.path.join(src, top)):
            for name in sorted(files):
                if name.endswith(SOURCE_SUFFIXES):
                    yield os.path.join(root, name)


def sha256_of(paths, extra=b"", root=None):
    """Hashes the files' contents and names; names relative to `root`, so that a clone elsewhere
    (CI's) finds the results of this one in a shared cache."""
    digest = hashlib.sha256(extra)
    for path in paths:
        digest.update((os.path.relpath(path, root) if root else path).encode())
        try:
            with open(path, "rb") as handle:
                digest.update(handle.read())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()


def tool_version(command):
    return subprocess.run(command + ["--version"], capture_output=True, text=True).stdout.strip()


def ninja_deps(build):
    """Maps each object file to the project files it depends on, from `ninja -t deps`."""
    out = subprocess.run(["ninja", "-C", build, "-t", "deps"], capture_output=True, text=True).stdout
    deps, current = {}, None
    for line in out.splitlines():
        if line and not line[0].isspace():
            current = os.path.normpath(os.path.join(build, line.split(":")[0]))
            deps[current] = []
        elif line.strip() and current:
            deps[current].append(os.path.normpath(os.path.join(build, line.strip())))
    return deps


def check_format(src, files):
    result = subprocess.run(["clang-format", "--dry-run", "--Werror", "--style=file"] + files,
                            capture_output=True, text=True, cwd=src)
    return result.returncode == 0, result.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", required=True, help="build folder with compile_commands.json")
    parser.add_argument("--cache", required=True, help="folder for cached results")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    src = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    build = os.path.abspath(args.build)
    os.makedirs(args.cache, exist_ok=True)
    failed = False

    files = list(project_files(src))
    ok, output = check_format(src, files)
    print(f"clang-format: {len(files)} files {'clean' if ok else 'NOT formatted'}")
    if not ok:
        print(output)
        print("fix with: tools/dev shell -- clang-format -i $(git ls-files '*.cpp' '*.h')")
        failed = True

    with open(os.path.join(build, "compile_commands.json")) as handle:
        commands = json.load(handle)
    deps = ninja_deps(build)
    units = []
    for entry in commands:
        path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
        if not path.startswith(src + os.sep) or path.startswith(build + os.sep) or "_autogen" in path:
            continue
        output_file = os.path.normpath(os.path.join(entry["directory"], entry.get("output", "")))
        headers = sorted(d for d in deps.get(output_file, [])
                         if d.startswith(src + os.sep) and d != path and not d.startswith(build + os.sep))
        units.append((path, headers))

    tidy_config = [os.path.join(src, ".clang-tidy")]
    tools = {
        "clang-tidy": (["clang-tidy", "-p", build, "--quiet"], tool_version(["clang-tidy"])),
        "clazy": (["clazy-standalone", "-p", build, "--checks=level0,level1",
                   "--header-filter=" + src + "/(core|ui|app|tests)/"],
                  tool_version(["clazy-standalone"])),
    }

    def lint(tool, path, headers):
        command, version = tools[tool]
        identity = " ".join(command[1:]).replace(build, "<build>").replace(src, "<src>")
        key = sha256_of([path] + headers + tidy_config, (tool + version + identity).encode(), root=src)
        stamp = os.path.join(args.cache, f"{tool}-{key}")
        if os.path.exists(stamp):
            return tool, path, True, "", True
        result = subprocess.run(command + [path], capture_output=True, text=True, cwd=build)
        text = (result.stdout + result.stderr).strip()
        # clazy prints its findings as warnings and still exits 0; clang-tidy exits non-zero.
        clean = result.returncode == 0 and "warning:" not in text and "error:" not in text
        if clean:
            open(stamp, "w").close()
        return tool, path, clean, text, False

    jobs = [(tool, path, headers) for tool in tools for path, headers in units]
    cached = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for tool, path, clean, text, hit in pool.map(lambda job: lint(*job), jobs):
            cached += hit
            if not clean:
                failed = True
                print(f"{tool}: {os.path.relpath(path, src)}\n{text}\n")
    print(f"clang-tidy and clazy: {len(units)} translation units, {len(jobs)} checks, {cached} from cache")
    print("lint: FAILED" if failed else "lint: clean")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

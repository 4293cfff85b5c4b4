#!/usr/bin/env python3
"""The layers of src/ as the build declares them (build/layers.txt, written by cmake/kopsehat_library.cmake) are
the ones docs/architecture.md shows, every production #include follows them, and the build itself refuses an
include against them (an assess/ source cannot even find web/http.h).

    layers_test.py --source DIR --build DIR
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile


def read_layers(text):
    layers = {}
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        folder, _, uses = line.partition(":")
        layers[folder.strip()] = set(uses.split())
    return layers


def closure(layers, folder):
    seen, todo = set(), [folder]
    while todo:
        f = todo.pop()
        for u in layers.get(f, ()):
            if u not in seen:
                seen.add(u)
                todo.append(u)
    return seen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--build", required=True)
    args = ap.parse_args()
    failures = []

    with open(os.path.join(args.build, "layers.txt"), encoding="utf-8") as f:
        built = read_layers(f.read())

    # 1. The page says what the build does.
    with open(os.path.join(args.source, "docs", "architecture.md"), encoding="utf-8") as f:
        page = f.read()
    m = re.search(r"```layers\n(.*?)```", page, re.S)
    if not m:
        failures.append("docs/architecture.md has no ```layers block")
    else:
        documented = read_layers(m.group(1))
        documented.pop("cli", None)  # the binary uses everything; not a library
        if documented != built:
            failures.append(f"docs/architecture.md layers {documented} differ from the build's {built}")

    # 2. Every production include follows the arrows.
    src = os.path.join(args.source, "src")
    for folder in sorted(built):
        allowed = closure(built, folder) | {folder}
        for name in sorted(os.listdir(os.path.join(src, folder))):
            if not name.endswith((".cc", ".h")) or name.endswith("_test.cc") or name.startswith("test_"):
                continue
            with open(os.path.join(src, folder, name), encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    inc = re.match(r'\s*#\s*include\s+"([a-z_]+)/', line)
                    if inc and inc.group(1) not in allowed:
                        failures.append(f"src/{folder}/{name}:{n} includes {inc.group(1)}/ against the layers")

    # 3. The build enforces it: with the flags an assess/ source is compiled with, web/ and store/ are not found,
    # while rules/ (below assess) is.
    with open(os.path.join(args.build, "compile_commands.json"), encoding="utf-8") as f:
        commands = json.load(f)
    entry = next((c for c in commands if c["file"].endswith("src/assess/evaluate.cc")), None)
    if entry is None:
        failures.append("compile_commands.json has no src/assess/evaluate.cc")
    else:
        argv = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
        full = argv[1:]  # -isystem takes its path as the next argument
        flags = []
        i = 0
        while i < len(full):
            a = full[i]
            if a == "-isystem":
                flags += [a, full[i + 1]]
                i += 2
                continue
            if a.startswith(("-I", "-std", "-D")):
                flags.append(a)
            i += 1
        compiler = argv[0] if not argv[0].endswith("ccache") else argv[1]
        with tempfile.TemporaryDirectory() as tmp:
            for header, should_compile in (("rules/rulebook.h", True), ("web/http.h", False),
                                           ("store/store.h", False), ("app/app.h", False)):
                probe = os.path.join(tmp, "probe.cc")
                with open(probe, "w") as f:
                    f.write(f'#include "{header}"\n')
                r = subprocess.run([compiler, "-fsyntax-only", *flags, probe], cwd=entry["directory"],
                                   capture_output=True, text=True)
                if (r.returncode == 0) != should_compile:
                    failures.append(f"assess/ including {header}: compiled={r.returncode == 0}, "
                                    f"expected {should_compile}: {r.stderr[:300]}")

    for f in failures:
        print("FAIL:", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

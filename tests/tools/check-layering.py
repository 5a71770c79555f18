#!/usr/bin/env python3
"""The engine's layers only include downward (docs/architecture.md).

lib/CMakeLists.txt declares each layer (a static library over lib/FOLDER/ with
headers under include/aiprov/FOLDER/) and the layers it may use, and writes
them to BUILD/aiprov-layers.txt. This check reads every header each layer's
compiles really read (`ninja -t deps`, so a header pulled in through another
header counts too) and fails, naming the source and the header, when a layer
read a header of a layer it does not depend on, directly or transitively. It
also fails when the declared graph has a cycle.

  check-layering.py --source SRC --build BUILD [--depfile TARGET FILE]...

--depfile adds the headers of a Makefile-style depfile (clang -MD) as if
TARGET's compile had read them; the self-test uses it to prove a wrong-way
include is caught.
"""
import argparse
import os
import re
import subprocess
import sys


def read_layers(path):
    """{target: (folder, [direct dependency targets])}"""
    layers = {}
    with open(path) as f:
        for line in f:
            words = line.split()
            if words:
                layers[words[0]] = (words[1], words[2:])
    return layers


def closure(layers, target, seen_path=()):
    """Every layer target may use (itself included); raises on a cycle."""
    if target in seen_path:
        raise ValueError("cycle: " + " -> ".join(seen_path + (target,)))
    out = {target}
    for dep in layers[target][1]:
        if dep not in layers:
            continue  # not a layer (nlohmann_json): no headers of ours
        out |= closure(layers, dep, seen_path + (target,))
    return out


def ninja_deps(build):
    """{object path relative to BUILD: [dependency paths as ninja has them]}"""
    text = subprocess.run(["ninja", "-C", build, "-t", "deps"], check=True,
                          capture_output=True, text=True).stdout
    deps, current = {}, None
    for line in text.splitlines():
        if not line.strip():
            current = None
        elif not line.startswith(" "):
            current = line.split(":")[0]
            deps[current] = []
        elif current is not None:
            deps[current].append(line.strip())
    return deps


def depfile_headers(path):
    text = open(path).read().replace("\\\n", " ")
    return text.split(":", 1)[1].split() if ":" in text else []


def layer_of(path, src):
    """The folder of an aiprov header or source, or None."""
    rel = os.path.relpath(path, src)
    m = re.match(r"(?:include/aiprov|lib)/([^/]+)/", rel)
    return m.group(1) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--depfile", nargs=2, action="append", default=[],
                    metavar=("TARGET", "FILE"))
    args = ap.parse_args()
    src = os.path.realpath(args.source)
    build = os.path.realpath(args.build)
    layers = read_layers(os.path.join(build, "aiprov-layers.txt"))
    folder_target = {folder: t for t, (folder, _) in layers.items()}

    try:
        allowed = {t: {layers[d][0] for d in closure(layers, t)} for t in layers}
    except ValueError as e:
        print("check-layering: the layers in lib/CMakeLists.txt have a " + str(e))
        return 1

    # (target, what read it, [headers])
    reads = []
    for obj, headers in ninja_deps(build).items():
        m = re.search(r"CMakeFiles/([^/]+)\.dir/", obj)
        if m and m.group(1) in layers:
            reads.append((m.group(1), obj, headers))
    for target, depfile in args.depfile:
        reads.append((target, depfile, depfile_headers(depfile)))

    problems = []
    checked = 0
    for target, reader, headers in reads:
        checked += 1
        for h in headers:
            path = os.path.realpath(os.path.join(build, h))
            folder = layer_of(path, src)
            if folder is None or folder in allowed[target]:
                continue
            problems.append(
                f"{reader}: includes {os.path.relpath(path, src)}, but "
                f"{target} ({layers[target][0]}/) does not depend on "
                f"{folder_target.get(folder, '?')} ({folder}/); add the dependency "
                f"in lib/CMakeLists.txt if it belongs below, or move the code")
    for p in problems:
        print("check-layering: " + p)
    if not checked:
        print("check-layering: no compile of a layer is in ninja's deps; build first")
        return 1
    if problems:
        return 1
    print(f"check-layering: {checked} compiles of {len(layers)} layers include only downward")
    return 0


if __name__ == "__main__":
    sys.exit(main())

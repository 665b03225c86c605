#!/usr/bin/env python3
"""Checks scenario files against docs/scenario.schema.json with python3-jsonschema (Debian).

Usage: validate_scenarios.py SCHEMA [--valid FILE...] [--invalid FILE...]
Every --valid file must pass; every --invalid file must fail (each holds one mistake the schema has to
catch, such as an unknown key). Exits 0 when all is as expected, 1 otherwise, and 77 (a skip for ctest)
when python3-jsonschema or python3-yaml is not installed.

YAML is read as an editor's YAML language server reads it (YAML 1.2 core schema): `10:00` and
`2022-12-19T00:30` stay strings, `yes` is not a boolean. PyYAML's default (YAML 1.1) would turn them into
a sexagesimal number, a datetime and true.
"""
import json
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    print(f"SKIPPED: the schema check needs python3-jsonschema and python3-yaml ({e}); "
          "install them with `bash .ci/install-deps`")
    sys.exit(77)


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's implicit types only (null, bool, int, float), and merge keys."""


Yaml12Loader.yaml_implicit_resolvers = {}
_RESOLVERS = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN\0"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
    # The merge key (`<<: *template`), which the loader reads as YAML 1.1 defines it.
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
]
for tag, pattern, first in _RESOLVERS:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def _int_1_2(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 0) if text.startswith("0x") else int(text, 10)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int_1_2)


def problems(validator, path):
    with open(path, encoding="utf-8") as f:
        document = yaml.load(f, Loader=Yaml12Loader)
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        found.append(f"{where}: {error.message}")
    return found


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    expect_valid = True
    failed = 0
    for arg in argv[2:]:
        if arg in ("--valid", "--invalid"):
            expect_valid = arg == "--valid"
            continue
        found = problems(validator, arg)
        if expect_valid and found:
            failed += 1
            print(f"FAIL {arg}: does not match the schema")
            for p in found[:20]:
                print(f"  {p}")
        elif not expect_valid and not found:
            failed += 1
            print(f"FAIL {arg}: matches the schema, but holds a mistake it should catch")
        else:
            print(f"ok   {arg}" + ("" if expect_valid else f" (rejected: {found[0]})"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

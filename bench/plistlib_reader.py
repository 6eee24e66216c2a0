#!/usr/bin/env python3
"""What an administrator would write instead of nwaudit: read the same files with plistlib.

    bench/plistlib_reader.py LIST

Reads each file named in LIST (one path a line) as nwaudit does: property lists are parsed with
plistlib (XML and binary; keyed archives stay as plistlib gives them), captured command output
and pf files are read as text, Mach-O executables and net.api_stats as bytes. Prints how many
files it read and how many plist values it saw.
"""
import plistlib
import sys


def count_values(value):
    if isinstance(value, dict):
        return 1 + sum(count_values(item) for item in value.values())
    if isinstance(value, list):
        return 1 + sum(count_values(item) for item in value)
    return 1


def read(path):
    """The number of plist values in the file, 0 for one that is not a plist."""
    if path.endswith(".plist"):
        with open(path, "rb") as file:
            return count_values(plistlib.load(file))
    if path.endswith(".txt") or "/etc/" in path:
        with open(path, encoding="utf-8", errors="replace") as file:
            file.read().splitlines()
        return 0
    with open(path, "rb") as file:  # Mach-O executables, net.api_stats
        file.read()
    return 0


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: plistlib_reader.py LIST")
    with open(sys.argv[1], encoding="utf-8") as listing:
        paths = listing.read().splitlines()
    values = sum(read(path) for path in paths)
    print(f"{len(paths)} files, {values} plist values")


if __name__ == "__main__":
    main()

"""The file system calls of one traced nwaudit run, as bench/replay.c replays them.

    ops_from_trace(TEXT) -> the lines of an OPS file (replay.c says what they mean)

TEXT is what `strace -o FILE -e trace=<TRACED> nwaudit ...` wrote for a run on one thread. The
dynamic loader's calls (the libraries it opens) are left out, and so is any open for writing
(a replay only reads) or of a name with a newline (one a line). Names keep their bytes: write
the lines with errors="surrogateescape".
"""
import os
import re

TRACED = "openat,openat2,newfstatat,pread64,read,close,getdents64"

_STRING = r'"((?:[^"\\]|\\.)*)"'
_OPENAT = re.compile(r"openat\((\w+), " + _STRING + r", ([A-Z_|]+)(?:, \d+)?\) = (-?\d+)")
_OPENAT2 = re.compile(r"openat2\((\w+), " + _STRING + r", \{flags=([A-Z_|]+), [^}]*\}, \d+\) = (-?\d+)")
_STAT = re.compile(r"newfstatat\((\w+), " + _STRING + r", .*, ([A-Z_|0]+)\) = ")
_PREAD = re.compile(r"pread64\((\d+), .*, (\d+), (\d+)\) = ")
_READ = re.compile(r"read\((\d+), .*, (\d+)\) = ")
_BY_DESCRIPTOR = re.compile(r"(close|getdents64)\((\d+)[,)]")

_AT_FLAGS = {"AT_SYMLINK_NOFOLLOW": 0x100, "AT_NO_AUTOMOUNT": 0x800, "AT_EMPTY_PATH": 0x1000}
_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _open_flags(names):
    flags = 0
    for name in names.split("|"):
        flags |= 0o1000000 if name == "O_NOATIME" else getattr(os, name, 0)
    return flags


def _at_flags(names):
    return sum(_AT_FLAGS.get(name, 0) for name in names.split("|"))


def _descriptor(text):
    return -100 if text == "AT_FDCWD" else int(text)


def _unescape(name):
    return name.encode("latin-1").decode("unicode_escape").encode("latin-1").decode("utf-8", "surrogateescape")


def _loader_file(path):
    return path == "/etc/ld.so.cache" or ".so" in os.path.basename(path)


def ops_from_trace(text):
    ops = []
    skipped = set()  # descriptors of the loader's files, and of files opened for writing
    for line in text.splitlines():
        if match := _OPENAT.match(line) or _OPENAT2.match(line):
            directory, name, flags, result = match.groups()
            name = _unescape(name)
            if _loader_file(name) or _open_flags(flags) & _WRITING or "\n" in name:
                skipped.add(int(result))
                continue
            skipped.discard(int(result))
            kind = "2" if line.startswith("openat2") else "o"
            ops.append(f"{kind} {_descriptor(directory)} {_open_flags(flags)} {result} {name}")
        elif match := _STAT.match(line):
            directory, name, flags = match.groups()
            name = _unescape(name)
            if (directory.isdigit() and int(directory) in skipped) or "\n" in name:
                continue
            ops.append(f"s {_descriptor(directory)} {_at_flags(flags)} {name}")
        elif match := _PREAD.match(line):
            if int(match[1]) not in skipped:
                ops.append(f"p {match[1]} {match[2]} {match[3]}")
        elif match := _READ.match(line):
            if int(match[1]) not in skipped:
                ops.append(f"r {match[1]} {match[2]}")
        elif match := _BY_DESCRIPTOR.match(line):
            if int(match[2]) not in skipped:
                ops.append(f"{'c' if match[1] == 'close' else 'g'} {match[2]}")
    return ops

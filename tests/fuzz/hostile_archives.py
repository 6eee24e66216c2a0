#!/usr/bin/env python3
"""Writes small hostile archives into FOLDER, as seeds for the archive_source harness: links
out and in loops, devices, duplicate and climbing names, and a compression bomb.

usage: hostile_archives.py FOLDER
"""
import io
import os
import sys
import tarfile
import zipfile


def entry(archive, name, data=b"", kind=tarfile.REGTYPE, link=""):
    info = tarfile.TarInfo(name)
    info.type, info.size, info.linkname = kind, len(data), link
    archive.addfile(info, io.BytesIO(data))


def main():
    folder = sys.argv[1]
    with tarfile.open(os.path.join(folder, "links.tar"), "w", format=tarfile.PAX_FORMAT) as archive:
        entry(archive, "mac/etc/pf.conf", b"pass all\n")
        entry(archive, "mac/up", kind=tarfile.SYMTYPE, link="../../../etc/pf.conf")
        entry(archive, "mac/loop", kind=tarfile.SYMTYPE, link="loop")
        entry(archive, "mac/hard", kind=tarfile.LNKTYPE, link="mac/etc/pf.conf")
        entry(archive, "mac/out", kind=tarfile.LNKTYPE, link="../../etc/passwd")
    with tarfile.open(os.path.join(folder, "refused.tar"), "w", format=tarfile.GNU_FORMAT) as archive:
        entry(archive, "/etc/passwd", b"absolute")
        entry(archive, "mac/../../x", b"climbing")
        entry(archive, "mac/dev/tty", kind=tarfile.CHRTYPE)
        entry(archive, "mac/fifo", kind=tarfile.FIFOTYPE)
        entry(archive, "mac/a", b"first")
        entry(archive, "mac/a", b"second")
        entry(archive, "mac/a/b", b"inside a file")
    with tarfile.open(os.path.join(folder, "bomb.tar.gz"), "w:gz") as archive:
        entry(archive, "mac/zeros", bytes(2 << 20))
    with zipfile.ZipFile(os.path.join(folder, "refused.zip"), "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mac/a", b"first")
        archive.writestr("mac/../b", b"climbing")
        archive.writestr("/c", b"absolute")
        archive.writestr("mac/zeros", bytes(2 << 20))


main()

#!/usr/bin/env python3
"""Writes FOLDER as an archive with one top folder (FOLDER's name): a .tar.gz or a .zip,
by OUTPUT's name. Symbolic links are stored as links, folders as entries of their own.

usage: archive_of.py FOLDER OUTPUT
"""
import os
import stat
import sys
import tarfile
import zipfile


def write_zip(folder, output):
    top = os.path.basename(os.path.normpath(folder))
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for directory, folders, files in os.walk(folder):
            folders.sort()
            relative = os.path.relpath(directory, folder)
            prefix = top if relative == "." else top + "/" + relative
            info = zipfile.ZipInfo(prefix + "/")
            info.external_attr = (os.lstat(directory).st_mode & 0xFFFF) << 16 | 0x10
            archive.writestr(info, b"")
            for name in sorted(files + [f for f in folders if os.path.islink(os.path.join(directory, f))]):
                path = os.path.join(directory, name)
                mode = os.lstat(path).st_mode
                if stat.S_ISLNK(mode):
                    info = zipfile.ZipInfo(prefix + "/" + name)
                    info.create_system = 3
                    info.external_attr = (mode & 0xFFFF) << 16
                    archive.writestr(info, os.readlink(path))
                else:
                    archive.write(path, prefix + "/" + name)
            folders[:] = [f for f in folders if not os.path.islink(os.path.join(directory, f))]


def main():
    folder, output = sys.argv[1], sys.argv[2]
    if output.endswith(".zip"):
        write_zip(folder, output)
    else:
        with tarfile.open(output, "w:gz") as archive:
            archive.add(folder, arcname=os.path.basename(os.path.normpath(folder)))


main()

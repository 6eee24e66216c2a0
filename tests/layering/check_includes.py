#!/usr/bin/env python3
"""Every #include of the engine names a header of its own layer or of a layer below it.

usage: check_includes.py SOURCE_DIR LAYERS_TXT
LAYERS_TXT is written by CMake: one line per layer, "name: below;below;...".
The build already fails on a public header of a layer above (it is not on the path); this
also catches the ways around that: a relative path out of the layer's folder, or a
private header of another layer named through a path.
"""
import pathlib
import re
import sys

source_dir = pathlib.Path(sys.argv[1])
below = {}
for line in pathlib.Path(sys.argv[2]).read_text().splitlines():
    name, _, rest = line.partition(':')
    below[name.strip()] = {layer for layer in rest.strip().split(';') if layer}

include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
problems = []
for layer, allowed in below.items():
    folders = [source_dir / 'src' / layer, source_dir / 'include' / layer / 'nwaudit' / layer]
    for folder in folders:
        for path in sorted(folder.glob('*')):
            if path.suffix not in ('.h', '.cpp'):
                continue
            for target in include.findall(path.read_text()):
                where = f'{path.relative_to(source_dir)}: #include "{target}"'
                if '..' in target.split('/'):
                    problems.append(f'{where}: a relative path out of the folder')
                elif target.startswith('nwaudit/'):
                    parts = target.split('/')
                    named = parts[1] if len(parts) > 2 else None
                    if named and named != layer and named not in allowed:
                        problems.append(f'{where}: layer {layer} may not use layer {named}')
                elif '/' in target:
                    problems.append(f'{where}: another layer\'s private header')
                elif not (path.parent / target).exists():
                    problems.append(f'{where}: no such header beside it')
for problem in problems:
    print(problem)
print(f'{len(problems)} layering problems in {len(below)} layers')
sys.exit(1 if problems else 0)

#!/usr/bin/env python3
"""embed.py INPUT OUTPUT NAME: a file's bytes as a C array, for #include.

The stylesheet lives in src/style.css so it can be read and edited as CSS;
this makes it `static const char NAME[]`, '\\0'-ended, at build time.  An
array of bytes, not a string literal, because ISO C promises string
literals only 4,095 characters.  CSS comments (/* ... */) are left out:
they are for the people editing the file, not for every page it styles.
"""
import re
import sys

if len(sys.argv) != 4:
    sys.exit('usage: embed.py INPUT OUTPUT NAME')
with open(sys.argv[1], 'rb') as f:
    data = re.sub(rb'/\*.*?\*/\n?', b'', f.read(), flags=re.S)
with open(sys.argv[2], 'w') as f:
    f.write('/* Made by tools/embed.py from %s: edit that, not this. */\n'
            % sys.argv[1].split('/')[-1])
    f.write('static const char %s[] = {\n' % sys.argv[3])
    for i in range(0, len(data), 16):
        f.write('\t' + ' '.join('0x%02x,' % b for b in data[i:i + 16]) + '\n')
    f.write('\t0x00\n};\n')

"""pdf-text.py PDF: each page's text, one line per text run, pages apart.

Enough of PDF for what Chromium's --print-to-pdf writes (uncompressed
object tables, FlateDecode streams, fonts with a ToUnicode CMap), so that
tests/html-print.sh can see what went on which page with nothing installed
but python3.  Prints "=== page N" before each page's runs.
"""
import re
import sys
import zlib

data = open(sys.argv[1], "rb").read()
objs = {}
for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S):
    objs[int(m.group(1))] = m.group(2)


def stream(body):
    m = re.search(rb"stream\r?\n", body)
    if not m:
        return b""
    raw = body[m.end():body.rfind(b"endstream")]
    if b"FlateDecode" in body[:m.start()]:
        return zlib.decompressobj().decompress(raw)
    return raw


def ref(body, key):
    m = re.search(rb"/" + key + rb"\s+(\d+) 0 R", body)
    return int(m.group(1)) if m else None


def inline_dict(body, key):
    """The text of /key << ... >> (nested), or of the object it refers to."""
    i = body.find(b"/" + key)
    if i < 0:
        return b""
    rest = body[i + len(key) + 1:].lstrip()
    m = re.match(rb"(\d+) 0 R", rest)
    if m:
        return objs.get(int(m.group(1)), b"")
    if not rest.startswith(b"<<"):
        return b""
    depth, j = 0, 0
    while j < len(rest):
        if rest[j:j + 2] == b"<<":
            depth += 1
            j += 2
        elif rest[j:j + 2] == b">>":
            depth -= 1
            j += 2
            if depth == 0:
                return rest[:j]
        else:
            j += 1
    return rest


def cmap(font_obj):
    tu = ref(objs.get(font_obj, b""), b"ToUnicode")
    table = {}
    if tu is None:
        return table
    text = stream(objs[tu]).decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for a, b in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(a, 16)] = bytes.fromhex(b).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for a, b, c in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = int(c, 16)
            for k in range(int(a, 16), int(b, 16) + 1):
                table[k] = chr(base + k - int(a, 16))
    return table


def resources_of(body):
    return inline_dict(body, b"Resources")


def names(res, key):
    d = inline_dict(res, key)
    return {n.decode(): int(o) for n, o in re.findall(rb"/([^\s/<>\[\]()]+)\s+(\d+) 0 R", d)}


def run(content, res, out, depth=0):
    fonts = {n: cmap(o) for n, o in names(res, b"Font").items()}
    xobjs = names(res, b"XObject")
    font = {}
    line = []
    tokens = re.findall(rb"<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/<>\[\]()]+|\((?:\\.|[^\\)])*\)|[^\s<>\[\]/()]+",
                        content)
    stack = []
    for t in tokens:
        if t in (b"Tj", b"TJ"):
            for s in stack:
                if s.startswith(b"<"):
                    h = re.sub(rb"\s", b"", s[1:-1])
                    for k in range(0, len(h) - 3, 4):
                        line.append(font.get(int(h[k:k + 4], 16), "?"))
            stack = []
        elif t == b"Tf":
            font = fonts.get(stack[-2][1:].decode(), {}) if len(stack) >= 2 else {}
            stack = []
        elif t == b"ET":
            if line:
                out.append("".join(line))
            line = []
            stack = []
        elif t == b"Do" and stack and depth < 8:
            o = xobjs.get(stack[-1][1:].decode())
            if o is not None and b"/Form" in objs.get(o, b""):
                run(stream(objs[o]), resources_of(objs[o]) or res, out, depth + 1)
            stack = []
        elif t[:1] in (b"<", b"[", b"]", b"/", b"(") or re.match(rb"^-?[\d.]+$", t):
            stack.append(t)
        else:
            stack = []


def pages(node):
    body = objs[node]
    if re.search(rb"/Type\s*/Pages", body):
        kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S).group(1)
        for k in re.findall(rb"(\d+) 0 R", kids):
            yield from pages(int(k))
    else:
        yield node


root = ref(objs[ref(data[data.rfind(b"trailer"):], b"Root")], b"Pages")
for n, p in enumerate(pages(root), 1):
    body = objs[p]
    out = []
    m = re.search(rb"/Contents\s*(\[(.*?)\]|(\d+) 0 R)", body, re.S)
    refs = re.findall(rb"(\d+) 0 R", m.group(1)) if m else []
    content = b"\n".join(stream(objs[int(r)]) for r in refs)
    run(content, resources_of(body), out)
    print("=== page %d" % n)
    for line in out:
        print(line)

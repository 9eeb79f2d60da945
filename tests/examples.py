#!/usr/bin/env python3
"""examples.py: run every example in README.md and the man page, and compare.

    python3 tests/examples.py BIN ROOT DOC...

An example is a command line starting with "$ " in a code block: in
Markdown an indented block (4 spaces or more, after a blank line), in the
man page an .EX/.EE block.  A line ending in a backslash goes on to the
next.  The lines after a command, up to the next command or the end of the
block, are its output (standard error, then standard output: what a
terminal shows, since fosterbeds says what it found before it writes): each must match, in
order and exactly (spaces at line ends aside); a line "..." stands for any
number of lines.  An example shown with no output must at least exit with
its documented status.

The exit status is 0 unless the block says otherwise, just before it: in
Markdown "<!-- status: 1 -->" on the line before the block, in roff a
comment '.\\" status: 1' on the line before .EX.  One number is the status
of every command in the block; several give one per command, in order.

Commands run with bash, one after another, in a copy of the repository's
sample-data/ and tests/fixtures/ (so examples that write files write them
there, and a later example may read what an earlier one wrote), with the
built fosterbeds first on PATH, as the README's set-up leaves it.  A
reader types them one after another in one shell, so an example may not
change folder (cd).  Commands that set up or test the machine (bash
tools/..., sudo ..., man ...) are not run.

A line in a code block that starts "fosterbeds " is either an example
("$ fosterbeds ...") or a synopsis (with [options] or a | between
choices): an example that is not marked would never be checked.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

NOT_RUN = ("bash tools/", "sudo ", "man ")


def markdown_blocks(text):
    """(first line number, status marker or None, [lines]) per indented block."""
    lines = text.split("\n")
    blocks = []
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            i += 1
            continue
        starts = (not in_fence and line.startswith("    ") and line.strip()
                  and (i == 0 or not lines[i - 1].strip()))
        if not starts:
            i += 1
            continue
        # The block runs on over blank lines while indented lines follow.
        j = i
        body = []
        while j < len(lines):
            if lines[j].startswith("    ") and lines[j].strip():
                body.append(lines[j])
                j += 1
            elif not lines[j].strip():
                k = j
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k < len(lines) and lines[k].startswith("    "):
                    body.extend([""] * (k - j))
                    j = k
                else:
                    break
            else:
                break
        indent = min(len(l) - len(l.lstrip(" ")) for l in body if l)
        marker = None
        back = i - 1
        while back >= 0 and not lines[back].strip():
            back -= 1
        m = re.fullmatch(r"\s*<!--\s*status:\s*([0-9 ]+?)\s*-->\s*", lines[back]) if back >= 0 else None
        if m:
            marker = [int(x) for x in m.group(1).split()]
        blocks.append((i + 1, marker, [l[indent:] for l in body]))
        i = j
    return blocks


ROFF_ESCAPES = {r"\-": "-", r"\e": "\\", r"\&": "", r"\(aq": "'", r"\(dq": '"',
                r"\(ti": "~", r"\(ha": "^", r"\(lq": "\u201c", r"\(rq": "\u201d"}


def unroff(line, where):
    out = []
    i = 0
    while i < len(line):
        if line[i] == "\\":
            for esc, rep in ROFF_ESCAPES.items():
                if line.startswith(esc, i):
                    out.append(rep)
                    i += len(esc)
                    break
            else:
                raise SystemExit("%s: escape %r in an example: add it to ROFF_ESCAPES"
                                 % (where, line[i:i + 4]))
        else:
            out.append(line[i])
            i += 1
    return "".join(out)


def roff_blocks(text, name):
    lines = text.split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != ".EX":
            i += 1
            continue
        marker = None
        m = re.fullmatch(r'\.\\"\s*status:\s*([0-9 ]+?)\s*', lines[i - 1]) if i else None
        if m:
            marker = [int(x) for x in m.group(1).split()]
        j = i + 1
        body = []
        while j < len(lines) and lines[j].strip() != ".EE":
            l = lines[j]
            if l.startswith('.\\"'):
                j += 1
                continue
            if l.startswith("."):
                raise SystemExit("%s:%d: request %r inside .EX: examples are text"
                                 % (name, j + 1, l))
            body.append(unroff(l, "%s:%d" % (name, j + 1)))
            j += 1
        blocks.append((i + 1, marker, body))
        i = j + 1
    return blocks


def examples(blocks, name):
    """(line, command, [expected lines], status) per example."""
    found = []
    problems = []
    for first, marker, body in blocks:
        cmds = []
        k = 0
        while k < len(body):
            line = body[k]
            if line.startswith("$ "):
                cmd = line[2:]
                at = first + k
                while cmd.endswith("\\") and k + 1 < len(body):
                    k += 1
                    cmd += "\n" + body[k]   # bash joins the lines, as a terminal does
                cmds.append([at, cmd, []])
            elif cmds:
                cmds[-1][2].append(line)
            elif line.startswith("fosterbeds ") and "[" not in line and "|" not in line:
                problems.append("%s:%d: '%s' looks like an example: start it with '$ '"
                                % (name, first + k, line))
            k += 1
        if not cmds:
            continue
        if marker and len(marker) not in (1, len(cmds)):
            problems.append("%s:%d: status marker gives %d statuses for %d commands"
                            % (name, first, len(marker), len(cmds)))
            continue
        for n, (at, cmd, out) in enumerate(cmds):
            while out and not out[-1].strip():
                out.pop()
            status = 0 if not marker else marker[0] if len(marker) == 1 else marker[n]
            found.append((at, cmd, out, status))
    return found, problems


def matches(want, got):
    """Whether lines got match want, where a "..." line matches any lines."""
    memo = {}

    def m(i, j):
        if (i, j) in memo:
            return memo[i, j]
        if i == len(want):
            r = j == len(got)
        elif want[i].strip() == "...":
            r = any(m(i + 1, k) for k in range(j, len(got) + 1))
        else:
            r = j < len(got) and want[i].rstrip() == got[j].rstrip() and m(i + 1, j + 1)
        memo[i, j] = r
        return r

    return m(0, 0)


def main():
    fosterbeds, root, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
    tmp = tempfile.mkdtemp(prefix="fb-examples.")
    try:
        work = os.path.join(tmp, "fosterbeds")
        shutil.copytree(os.path.join(root, "sample-data"), os.path.join(work, "sample-data"))
        shutil.copytree(os.path.join(root, "tests", "fixtures"),
                        os.path.join(work, "tests", "fixtures"))
        bindir = os.path.join(tmp, "bin")
        os.mkdir(bindir)
        # FB_WRAPPER (valgrind) goes before the binary, as in tests/cli/run.sh.
        with open(os.path.join(bindir, "fosterbeds"), "w") as f:
            f.write('#!/bin/sh\nexec ${FB_WRAPPER:-} %s "$@"\n' % shlex_quote(fosterbeds))
        os.chmod(os.path.join(bindir, "fosterbeds"), 0o755)
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))

        passed = failed = 0
        for doc in docs:
            name = os.path.relpath(doc, root)
            text = open(doc, encoding="utf-8").read()
            blocks = roff_blocks(text, name) if doc.endswith(".1") else markdown_blocks(text)
            found, problems = examples(blocks, name)
            for p in problems:
                print("FAIL " + p)
                failed += 1
            if not found:
                print("FAIL %s: no examples found" % name)
                failed += 1
            for at, cmd, want, status in found:
                where = "%s:%d: $ %s" % (name, at, cmd.replace("\n", " "))
                if cmd.startswith(NOT_RUN):
                    print("skip " + where)
                    continue
                if re.search(r"(^|[;&|(]\s*)cd\s", cmd):
                    print("FAIL %s: changes folder; a reader typing the examples in turn "
                          "would be left there" % where)
                    failed += 1
                    continue
                r = subprocess.run(["bash", "-c", cmd], cwd=work, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=120)
                got = (r.stderr + r.stdout).decode("utf-8", "replace").split("\n")
                if got and got[-1] == "":
                    got.pop()
                ok = True
                if r.returncode != status:
                    print("FAIL %s: exit status %d, documented %d" % (where, r.returncode, status))
                    ok = False
                if want and not matches(want, got):
                    print("FAIL %s: output differs\n--- documented\n%s\n--- got\n%s\n---"
                          % (where, "\n".join(want), "\n".join(got)))
                    ok = False
                if ok:
                    passed += 1
                else:
                    failed += 1
                    if r.stderr and want == []:
                        print(r.stderr.decode("utf-8", "replace"))
        print("%d passed, %d failed" % (passed, failed))
        return 1 if failed or not passed else 0
    finally:
        shutil.rmtree(tmp)


def shlex_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


if __name__ == "__main__":
    sys.exit(main())

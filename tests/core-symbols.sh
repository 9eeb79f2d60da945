#!/bin/bash
# core-symbols.sh NM ARCHIVE: libfosterbeds-core depends on libcsv and the C
# library only, and library code neither opens files nor prints nor exits.
# Fails naming every symbol the archive needs that breaks that: one of
# libxlsxwriter, jansson, nettle or iconv; fopen and its kin; a printf-family
# call that can only write to a stream (stdout, stderr); exit; or an fb_
# symbol the archive does not define itself (the writers' or the host's).
# And the core keeps no mutable state between calls: no object in a
# writable section (.data, .bss) but the host's hooks, written once before
# the core is used (hooks.h); constant tables holding pointers sit in
# .data.rel.ro, which is read-only once the program is loaded.
set -u
nm=$1
archive=$2

undefined=$(LC_ALL=C "$nm" -u "$archive" | awk 'NF == 2 { print $2 }' | sort -u)
defined=$(LC_ALL=C "$nm" --defined-only "$archive" | awk 'NF == 3 && $2 ~ /[A-Z]/ { print $3 }' | sort -u)
[ -n "$defined" ] || { echo "core-symbols: $archive defines nothing" >&2; exit 1; }

bad=0
while read -r sym; do
	[ -n "$sym" ] || continue
	why=
	case $sym in
	workbook_* | worksheet_* | chart_* | format_* | lxw_*) why="libxlsxwriter" ;;
	json_* | jansson_*) why="jansson" ;;
	nettle_* | sha256_* | sha224_*) why="nettle" ;;
	iconv | iconv_* | libiconv*) why="iconv" ;;
	fopen | fopen64 | freopen | freopen64 | fdopen | popen | open | open64 | openat | fmemopen | tmpfile)
		why="opens a file: the host supplies a byte source (hooks.h)" ;;
	printf | fprintf | vprintf | vfprintf | puts | fputs | putchar | putc | fputc | fwrite | perror | \
	__printf_chk | __fprintf_chk | __vfprintf_chk | __vprintf_chk | stdout | stderr)
		why="prints: library code reports by status and findings" ;;
	exit | _exit | _Exit | quick_exit) why="exits: the host's out-of-memory hook ends the process" ;;
	fb_*)
		grep -qxF -- "$sym" <<<"$defined" || why="defined outside the core (writers or host)" ;;
	esac
	if [ -n "$why" ]; then
		echo "core-symbols: $archive needs $sym: $why"
		bad=1
	fi
done <<<"$undefined"
# nm -f sysv: name|value|class|type|size|line|section.  Names starting with
# "__" or "." are the compiler's own (sanitizers, coverage), not the code's.
while IFS='|' read -r name _ _ type _ _ section; do
	name=${name%% *}
	section=${section// /}
	case $type in *OBJECT*) ;; *) continue ;; esac
	case $section in .data | .data.* | .bss | .bss.*) ;; *) continue ;; esac
	case $section in .data.rel.ro | .data.rel.ro.*) continue ;; esac
	case $name in __* | .* | hooks) continue ;; esac
	echo "core-symbols: $archive has $name in $section: mutable state in the core"
	bad=1
done < <(LC_ALL=C "$nm" -f sysv --defined-only "$archive" 2>/dev/null)
exit $bad

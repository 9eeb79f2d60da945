#!/bin/bash
# man.sh: the manual page, docs/fosterbeds.1.
#  - mandoc -T lint (style level and above) says nothing; without mandoc,
#    groff -ww says nothing;
#  - its .TH names the version fosterbeds --version gives;
#  - every command of fosterbeds --help has its own subsection, which names
#    every option (long and short) of that command's --help, so an option
#    added to a command cannot go undocumented;
#  - meson install (into a scratch DESTDIR) puts the program in bin/, the
#    page in share/man/man1/ where man finds it, and README.md and spec/ in
#    share/doc/fosterbeds/.
# Its examples are run by examples.py.
set -u
bin=$1
root=$2
build=$3
page=$root/docs/fosterbeds.1
. "$(dirname "$0")/lib.sh"

# --- lint
if command -v mandoc >/dev/null; then
	mandoc -T lint -W style "$page" >"$tmp/lint" 2>&1
	status=$?
	[[ $status == 0 && ! -s $tmp/lint ]] && ok || bad "mandoc -T lint (exit $status):"$'\n'"$(cat "$tmp/lint")"
else
	echo "mandoc not installed: groff -ww instead"
	groff -ww -z -man "$page" >"$tmp/lint" 2>&1
	status=$?
	[[ $status == 0 && ! -s $tmp/lint ]] && ok || bad "groff -ww (exit $status):"$'\n'"$(cat "$tmp/lint")"
fi

# --- version
version=$("$bin" --version | awk '{ print $2 }')
grep -q "^\.TH FOSTERBEDS 1 [0-9-]* \"fosterbeds $version\"" "$page" &&
	ok || bad ".TH does not name fosterbeds $version: $(grep '^\.TH' "$page")"

# --- every command, and every option of its --help, in its own subsection
commands=$("$bin" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }')
[[ -n $commands ]] && ok || bad "no commands in fosterbeds --help"
for cmd in $commands; do
	# The subsection, with roff's \- read as -.
	awk -v c="$cmd" '/^\.S[SH] / { on = ($0 == ".SS " c) } on' "$page" | sed 's/\\-/-/g' >"$tmp/section"
	if [[ ! -s $tmp/section ]]; then
		bad "no '.SS $cmd' subsection"
		continue
	fi
	ok
	"$bin" "$cmd" --help >"$tmp/help"
	for opt in $(grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u) \
		   $(grep -oE '^ +-[a-z],' "$tmp/help" | tr -d ' ,' | sort -u); do
		grep -qE -- "(^|[^a-z-])$opt([^a-z-]|$)" "$tmp/section" &&
			ok || bad "$cmd: '$opt' (in its --help) is not in the manual page's '.SS $cmd'"
	done
done

# --- meson install puts each file where it belongs
meson install -C "$build" --no-rebuild --destdir "$tmp/dest" >"$tmp/install" 2>&1
status=$?
[[ $status == 0 ]] && ok || bad "meson install exited $status: $(cat "$tmp/install")"
installed=$(find "$tmp/dest" -path '*/bin/fosterbeds' -type f)
prefix=${installed%/bin/fosterbeds}
[[ -n $installed && -x $installed ]] && ok || bad "no bin/fosterbeds installed"
cmp -s "$page" "$prefix/share/man/man1/fosterbeds.1" && ok || bad "the page is not in share/man/man1"
if command -v man >/dev/null; then
	MANPATH=$prefix/share/man man -w fosterbeds >"$tmp/where" 2>&1
	[[ $(cat "$tmp/where") == "$prefix/share/man/man1/fosterbeds.1" ]] &&
		ok || bad "man does not find the installed page: $(cat "$tmp/where")"
fi
cmp -s "$root/README.md" "$prefix/share/doc/fosterbeds/README.md" && ok || bad "README.md not in share/doc/fosterbeds"
for spec in "$root"/spec/*.md; do
	cmp -s "$spec" "$prefix/share/doc/fosterbeds/spec/${spec##*/}" &&
		ok || bad "spec/${spec##*/} not in share/doc/fosterbeds/spec"
done

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]

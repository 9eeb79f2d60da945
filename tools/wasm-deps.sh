#!/bin/sh
# Builds the libraries the WebAssembly (wasm32-wasi) build of fosterbeds
# links, from Debian's source packages, as static libraries with headers and
# pkg-config files in build-wasm-deps/prefix.  Downloads are cached in
# build-wasm-deps/cache (gitignored), so a rebuild fetches nothing.
#
#	sh tools/wasm-deps.sh [BUILDDIR]	(default build-wasm-deps)
#
# Needs clang, lld, wasi-libc, libclang-rt-14-dev-wasm32 and dpkg-dev
# (dpkg-source); apt-get fetches the sources through a private source list,
# nothing under /etc/apt changes.  Each package's version is pinned: apt
# checks the tarballs against the signed index, this script checks that the
# version is the one named here.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/build-wasm-deps}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cache=$out/cache
src=$out/src
prefix=$out/prefix
mkdir -p "$cache" "$src" "$prefix/lib/pkgconfig" "$prefix/include"

# Built already by this very script (and for this folder): nothing to do.
stamp=$( (cat "$0"; echo "$top") | sha256sum | cut -d' ' -f1)
if [ -f "$out/paths.ini" ] && [ "$(cat "$prefix/.stamp" 2>/dev/null)" = "$stamp" ]; then
	echo "wasm-deps: $prefix (up to date)"
	exit 0
fi
rm -f "$prefix/.stamp"

# name version (source package, Debian version)
pins="libcsv 3.0.3+dfsg-6
jansson 2.14-2
zlib 1.2.13.dfsg-1
libxlsxwriter 1.1.4-2
nettle 3.8.1-2
libinih 59-1"

CC=${CC:-clang}
SYSROOT=${WASI_SYSROOT:-/usr}
CFLAGS="--target=wasm32-wasi --sysroot=$SYSROOT -O2 -DNDEBUG -ffile-prefix-map=$out=. -ffile-prefix-map=$top=."
AR=${AR:-llvm-ar}
command -v "$AR" >/dev/null 2>&1 || AR=$(ls /usr/bin/llvm-ar-* 2>/dev/null | head -1)
[ -n "$AR" ] || { echo "wasm-deps: no llvm-ar" >&2; exit 1; }

# --- fetch ------------------------------------------------------------------
fetch() {
	suite=$1; shift
	dir=$cache/apt-$suite
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
	echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" >"$dir/sources.list"
	O="-o Dir::Etc::SourceList=$dir/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$dir/lists -o Dir::Cache=$dir/cache -o Debug::NoLocking=1 -o APT::Sandbox::User=root"
	apt-get $O -qq update
	(cd "$cache" && apt-get $O -qq source --download-only "$@")
}

need_bookworm= need_trixie=
for p in "libcsv=3.0.3+dfsg-6" "jansson=2.14-2" "zlib=1:1.2.13.dfsg-1" \
    "libxlsxwriter=1.1.4-2" "nettle=3.8.1-2"; do
	n=${p%%=*} v=${p#*=}
	[ -f "$cache/${n}_${v#*:}.dsc" ] || need_bookworm="$need_bookworm $p"
done
[ -f "$cache/libinih_59-1.dsc" ] || need_trixie="libinih=59-1"
# bookworm's libinih (55) tarball is not on the mirror any more: trixie's 59.
[ -z "$need_bookworm" ] || fetch bookworm $need_bookworm
[ -z "$need_trixie" ] || fetch trixie $need_trixie

echo "$pins" | while read -r name ver; do
	[ -f "$cache/${name}_$ver.dsc" ] || { echo "wasm-deps: $name $ver not fetched" >&2; exit 1; }
done

# --- unpack -----------------------------------------------------------------
unpack() {
	name=$1 ver=$2
	d=$src/$name
	if [ ! -f "$d/.unpacked-$ver" ]; then
		rm -rf "$d"
		# Checks the tarballs against the .dsc's checksums (apt-get checked
		# the .dsc against Debian's signed index); the uploader's signature
		# cannot be checked without their key, which it only warns about.
		dpkg-source -x "$cache/${name}_$ver.dsc" "$d" >"$out/unpack.log" 2>&1 ||
			{ cat "$out/unpack.log" >&2; exit 1; }
		touch "$d/.unpacked-$ver"
	fi
}
echo "$pins" | while read -r name ver; do unpack "$name" "$ver"; done

# --- build ------------------------------------------------------------------
# cc_lib NAME OBJDIR CFLAGS... -- FILES...
cc_lib() {
	lib=$1; shift
	obj=$out/obj/$lib
	rm -rf "$obj"; mkdir -p "$obj"
	flags=
	while [ "$1" != -- ]; do flags="$flags $1"; shift; done
	shift
	for f in "$@"; do
		o=$obj/$(echo "$f" | sed 's|.*/src/[^/]*/||; s|/|_|g; s|\.c$|.o|')
		$CC $CFLAGS $flags -c "$f" -o "$o"
	done
	rm -f "$prefix/lib/lib$lib.a"
	# Sorted members, no timestamps (D: deterministic).
	$AR rcsD "$prefix/lib/lib$lib.a" $(ls "$obj"/*.o | LC_ALL=C sort)
}

pc() {
	name=$1 ver=$2 lib=$3 desc=$4
	cat >"$prefix/lib/pkgconfig/$name.pc" <<PC
prefix=\${pcfiledir}/../..
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: $name
Description: $desc (wasm32-wasi, static)
Version: $ver
Libs: -L\${libdir} -l$lib
Cflags: -I\${includedir}
PC
}

# libcsv: one file.
s=$src/libcsv
cc_lib csv -- "$s/libcsv.c"
cp "$s/csv.h" "$prefix/include/"
pc csv 3.0.3 csv "libcsv"

# zlib: the library's own files (no gz* file I/O is needed, but it builds).
s=$src/zlib
cc_lib z -DHAVE_UNISTD_H -DHAVE_STDARG_H -- \
	"$s/adler32.c" "$s/compress.c" "$s/crc32.c" "$s/deflate.c" "$s/gzclose.c" \
	"$s/gzlib.c" "$s/gzread.c" "$s/gzwrite.c" "$s/infback.c" "$s/inffast.c" \
	"$s/inflate.c" "$s/inftrees.c" "$s/trees.c" "$s/uncompr.c" "$s/zutil.c"
cp "$s/zlib.h" "$s/zconf.h" "$prefix/include/"
pc zlib 1.2.13 z "zlib"

# libxlsxwriter with its own third_party minizip, tmpfileplus and md5.
# USE_FMEMOPEN: the XML parts are written to memory (wasi-libc has
# fmemopen/open_memstream), not to tmpfile(), which wasi-libc lacks.  The
# workbook itself is still written to the file name fosterbeds gives it.
s=$src/libxlsxwriter
cc_lib xlsxwriter -I"$s/include" -I"$prefix/include" -DUSE_FMEMOPEN -D_WASI_EMULATED_PROCESS_CLOCKS -DP_tmpdir=\"/tmp\" -DNOCRYPT -DNOUNCRYPT \
	-Wno-deprecated-declarations -- \
	$(ls "$s"/src/*.c | LC_ALL=C sort) \
	"$s/third_party/minizip/ioapi.c" "$s/third_party/minizip/zip.c" \
	"$s/third_party/tmpfileplus/tmpfileplus.c" "$s/third_party/md5/md5.c"
rm -rf "$prefix/include/xlsxwriter" "$prefix/include/xlsxwriter.h"
cp -r "$s/include/xlsxwriter" "$s/include/xlsxwriter.h" "$prefix/include/"
pc xlsxwriter 1.1.4 xlsxwriter "libxlsxwriter"
sed -i 's|^Libs: .*|& -lz|' "$prefix/lib/pkgconfig/xlsxwriter.pc"

# jansson: a hand jansson_private_config.h and jansson_config.h.
s=$src/jansson
mkdir -p "$out/obj/jansson-config"
cat >"$out/obj/jansson-config/jansson_private_config.h" <<H
#define HAVE_STDINT_H 1
#define HAVE_UNISTD_H 1
#define HAVE_FCNTL_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_GETTIMEOFDAY 1
#define HAVE_STRTOLL 1
#define HAVE_LOCALE_H 1
#define HAVE_SETLOCALE 1
#define HAVE_ATOMIC_BUILTINS 1
#define HAVE_SYNC_BUILTINS 1
#define INITIAL_HASHTABLE_ORDER 3
#define USE_URANDOM 1
H
sed -e 's/@json_have_long_long@/1/' -e 's/@json_inline@/inline/' \
	-e 's/@json_have_localeconv@/1/' -e 's/@json_have_atomic_builtins@/1/' \
	-e 's/@json_have_sync_builtins@/1/' \
	"$s/src/jansson_config.h.in" >"$out/obj/jansson-config/jansson_config.h"
cc_lib jansson -DHAVE_CONFIG_H -I"$out/obj/jansson-config" -I"$s/src" -- \
	"$s/src/dump.c" "$s/src/error.c" "$s/src/hashtable.c" \
	"$s/src/hashtable_seed.c" "$s/src/load.c" "$s/src/memory.c" \
	"$s/src/pack_unpack.c" "$s/src/strbuffer.c" "$s/src/strconv.c" \
	"$s/src/utf.c" "$s/src/value.c" "$s/src/version.c"
cp "$s/src/jansson.h" "$out/obj/jansson-config/jansson_config.h" "$prefix/include/"
pc jansson 2.14 jansson "jansson"

# nettle: only what SHA-256 needs, with a minimal config.h (no assembler).
s=$src/nettle
mkdir -p "$out/obj/nettle-config/nettle"
cat >"$out/obj/nettle-config/config.h" <<H
#define HAVE_ALLOCA 1
#define HAVE_ALLOCA_H 1
#define SIZEOF_LONG 4
#define SIZEOF_SIZE_T 4
#define WORDS_BIGENDIAN_UNKNOWN 0
H
cc_lib nettle -I"$out/obj/nettle-config" -I"$s" -- \
	"$s/sha256.c" "$s/sha256-compress.c" "$s/write-be32.c"
mkdir -p "$prefix/include/nettle"
for h in sha2.h sha1.h nettle-types.h nettle-meta.h macros.h write-be32.h version.h; do
	[ -f "$s/$h" ] && cp "$s/$h" "$prefix/include/nettle/"
done
pc nettle 3.8.1 nettle "nettle (SHA-256 only)"

# libinih: ini.c.
s=$src/libinih
cc_lib inih -- "$s/ini.c"
cp "$s/ini.h" "$prefix/include/"
pc inih 59 inih "libinih"

# --- web/third-party --------------------------------------------------------
# What the page's sources must carry for the code compiled into the .wasm
# (web/third-party/README.md): every package's licence and Debian copyright
# file, and the source of the pieces under the LGPL (libcsv, nettle) and
# the MPL (libxlsxwriter's tmpfileplus).  Copied, not changed: a rerun
# leaves the committed files as they are.
tp=$top/web/third-party
ship() {	# ship DIR FILE... (from $s)
	mkdir -p "$tp/$1"
	d=$1; shift
	for f in "$@"; do cp "$s/$f" "$tp/$d/$(basename "$f")"; done
}
s=$src/libcsv;	ship libcsv libcsv.c csv.h COPYING COPYING.LESSER debian/copyright
s=$src/nettle;	ship nettle sha256.c sha256-compress.c write-be32.c sha2.h sha2-internal.h \
	nettle-types.h nettle-write.h macros.h COPYING.LESSERv3 COPYINGv2 COPYINGv3 debian/copyright
s=$src/libxlsxwriter
ship libxlsxwriter License.txt debian/copyright third_party/tmpfileplus/tmpfileplus.c \
	third_party/tmpfileplus/tmpfileplus.h
cp /usr/share/common-licenses/MPL-2.0 "$tp/libxlsxwriter/MPL-2.0"
s=$src/jansson;	ship jansson LICENSE debian/copyright
s=$src/zlib;	ship zlib LICENSE debian/copyright
s=$src/libinih;	ship libinih LICENSE.txt debian/copyright
mkdir -p "$tp/wasi-libc"
cp /usr/share/doc/wasi-libc/copyright "$tp/wasi-libc/copyright"

# The second cross file (tools/wasm32-wasi.ini says why).
cat >"$out/paths.ini" <<INI
# Written by tools/wasm-deps.sh: absolute paths for tools/wasm32-wasi.ini.
[binaries]
c = '$top/tools/wasm-clang'
exe_wrapper = ['node', '--no-warnings', '--no-turbo-fast-api-calls', '$top/tools/wasi-run.mjs']

[properties]
pkg_config_libdir = '$prefix/lib/pkgconfig'
INI

echo "$stamp" >"$prefix/.stamp"
echo "wasm-deps: $prefix"

/*
 * wasi-compat.h: what wasi-libc leaves out and the tool uses, for the
 * WebAssembly (wasm32-wasi) build only.  meson.build force-includes this
 * header (-include) in that build alone, so no other file needs an #ifdef.
 *
 * WASI has no temporary-file names and no absolute-path resolution, so
 * wasi-libc declares neither mkstemp nor realpath; src/wasi-compat.c
 * supplies them (what else WASI lacks, signals, umask, fchmod and fork,
 * meson.build finds missing and the code leaves out: HAVE_SIGACTION...):
 *  - mkstemp(): creates the file with open(O_CREAT | O_EXCL), the XXXXXX
 *    a counter tried from 0 up, so two runs never share a file;
 *  - realpath(): getcwd() and lexical normalisation ("." and ".." removed),
 *    the path must exist; symbolic links are not followed.
 * At start-up (a constructor), the working directory becomes $PWD when it
 * is set: WASI has none, wasi-libc emulates one from "/", and the runner
 * (tools/wasi-run.mjs) passes its own, so relative paths mean what they
 * mean natively.
 */
#ifndef FB_WASI_COMPAT_H
#define FB_WASI_COMPAT_H

#ifdef __wasi__
int	 mkstemp(char *);
char	*realpath(const char *restrict, char *restrict);
#endif

#endif

// wasi-run.mjs: run a wasm32-wasi program under node's WASI, as a native
// program runs: the arguments, standard input, output and error, the files
// (the whole file system is preopened as "/"), the working directory (passed
// as $PWD, which the program's start-up makes its own: src/wasi-compat.h)
// and the exit status.
//
//	node --no-warnings --no-turbo-fast-api-calls tools/wasi-run.mjs \
//		PROGRAM.wasm [ARG...]
//
// --no-warnings keeps node's "WASI is experimental" off standard error.
// --no-turbo-fast-api-calls is needed: node's WASI calls, made as V8 "fast
// calls", can start a garbage collection from inside the call when memory
// grows (nodejs/node#46777, open), and node then crashes (SIGSEGV, or a
// V8 fatal error) once a run has grown its memory enough: reading 600,000
// rows did, every time.  tools/test-wasm.sh's "large" test checks it.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { basename } from 'node:path';
import process from 'node:process';

const [wasmPath, ...args] = process.argv.slice(2);
if (!wasmPath) {
	process.stderr.write('usage: wasi-run.mjs PROGRAM.wasm [ARG...]\n');
	process.exit(2);
}

// The program sees the environment it would see natively, and its own
// name as argv[0] (what native usage messages print).
const env = { ...process.env, PWD: process.cwd() };
const wasi = new WASI({
	version: 'preview1',
	args: [basename(wasmPath, '.wasm'), ...args],
	env,
	preopens: { '/': '/' },
	returnOnExit: true,
});

const module = await WebAssembly.compile(readFileSync(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
let status;
try {
	status = wasi.start(instance);
} catch (err) {
	// A trap (out of bounds, unreachable): as a crash natively, not 0.
	process.stderr.write(`wasi-run: ${err && err.message ? err.message : err}\n`);
	status = 134;
}
process.exitCode = status;

// runner.js: one run of the fosterbeds CLI compiled to WebAssembly (wasm32-wasi),
// as `fosterbeds ARGS...` would run in a folder holding exactly the given files.
//
// Every run gets a fresh WebAssembly instance (a fresh memory, so nothing of one
// run can leak into the next) from one compiled WebAssembly.Module.  The files are
// given under their own names in a preopened directory "." that is the working
// directory, so the outputs name them as `fosterbeds report a.csv` does natively.
// stdout and stderr are collected as bytes, never decoded on the way, so what the
// page offers for download is byte for byte what the program wrote.
import {
	WASI, WASIProcExit, Fd, File, OpenFile, PreopenDirectory, wasi as defs,
} from "@bjorn3/browser_wasi_shim";

// A write-only stream that keeps what is written.  It says it is a regular file,
// not a character device, so the program sees a pipe or file as in `> out.csv`
// (not a terminal: the CLI refuses to write a workbook to a terminal).
class Sink extends Fd {
	constructor() {
		super();
		this.chunks = [];
		this.size = 0;
	}
	fd_fdstat_get() {
		const st = new defs.Fdstat(defs.FILETYPE_REGULAR_FILE, 0);
		st.fs_rights_base = BigInt(defs.RIGHTS_FD_WRITE);
		return { ret: 0, fdstat: st };
	}
	fd_filestat_get() {
		return { ret: 0, filestat: new defs.Filestat(this.ino, defs.FILETYPE_REGULAR_FILE, BigInt(this.size)) };
	}
	fd_write(data) {
		this.chunks.push(data.slice());
		this.size += data.byteLength;
		return { ret: 0, nwritten: data.byteLength };
	}
	bytes() {
		const out = new Uint8Array(this.size);
		let at = 0;
		for (const c of this.chunks) {
			out.set(c, at);
			at += c.byteLength;
		}
		return out;
	}
}

// Compile once: the bytes of the .wasm to a WebAssembly.Module.
export function compile(bytes) {
	return WebAssembly.compile(bytes);
}

// Run `fosterbeds ...args` on inputs, a list of [name, Uint8Array].  Resolves to
// { status, stdout, stderr, files }: the exit status, the two streams as
// Uint8Array, and every file in the directory afterwards (a Map of name to
// Uint8Array), so an output written with -o can be read back.  The inputs are
// read-only: a run cannot change the files the next run reads.
export async function run(module, args, inputs) {
	const dir = new Map();
	for (const [name, data] of inputs)
		dir.set(name, new File(data, { readonly: true }));
	const stdout = new Sink(), stderr = new Sink();
	// /tmp as on any Unix: the workbook writer keeps its parts there while it
	// builds the zip.  It is empty for every run and goes with the instance.
	const fds = [new OpenFile(new File(new Uint8Array(0), { readonly: true })), stdout, stderr,
		new PreopenDirectory(".", dir), new PreopenDirectory("/tmp", new Map())];
	const wasi = new WASI(["fosterbeds", ...args], [], fds, { debug: false });
	const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
	let status;
	try {
		status = wasi.start(instance);
	} catch (e) {
		// A trap (out of memory, a bug) is a crash: say so as the shell would.
		if (e instanceof WASIProcExit)
			status = e.code;
		else
			return { status: 134, stdout: stdout.bytes(), stderr: concat(stderr.bytes(),
				new TextEncoder().encode("fosterbeds stopped unexpectedly: " + e + "\n")), files: new Map() };
	}
	const files = new Map();
	for (const [name, inode] of dir)
		if (inode instanceof File)
			files.set(name, inode.data);
	return { status, stdout: stdout.bytes(), stderr: stderr.bytes(), files };
}

function concat(a, b) {
	const out = new Uint8Array(a.byteLength + b.byteLength);
	out.set(a, 0);
	out.set(b, a.byteLength);
	return out;
}

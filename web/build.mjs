// build.mjs: web/fosterbeds.html from web/src/ and a fosterbeds .wasm.
//
//   node web/build.mjs WASM OUT
//
// Bundles src/app.js (and @bjorn3/browser_wasi_shim) with esbuild into one
// script, and puts it, src/style.css and the .wasm (base64) into
// src/page.html.  The result is a function of those inputs alone: no date,
// no path outside web/, nothing unordered, so a rebuild from the same
// commit is byte-for-byte the committed file (tests/web-build.sh checks).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { COMMANDS } from "./src/commands.js";

const here = dirname(fileURLToPath(import.meta.url));
const [wasmPath, outPath] = process.argv.slice(2);
if (!wasmPath || !outPath) {
	console.error("usage: node web/build.mjs WASM OUT");
	process.exit(2);
}

// Only what the page needs; see the comment above the meta tag in page.html.
const CSP = [
	"default-src 'none'",
	"script-src 'unsafe-inline' 'wasm-unsafe-eval'",
	"style-src 'unsafe-inline'",
	"base-uri 'none'",
	"form-action 'none'",
].join("; ");

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const bundle = await esbuild.build({
	absWorkingDir: here,
	entryPoints: ["src/app.js"],
	bundle: true,
	format: "iife",
	target: "es2022",
	charset: "utf8",
	legalComments: "inline",
	write: false,
	logLevel: "warning",
});
const script = bundle.outputFiles[0].text.trimEnd();
// Inline, the script ends at the first "</script"; "<!--" would change how
// the rest is read.  esbuild escapes both inside strings, so this is a check.
if (/<\/script|<!--/i.test(script))
	throw new Error("the bundle holds </script or <!--: it cannot be inlined");

const style = readFileSync(join(here, "src/style.css"), "utf8").trimEnd();
if (/<\/style/i.test(style))
	throw new Error("style.css holds </style");

const wasm = readFileSync(wasmPath);
const b64 = wasm.toString("base64").replace(/.{1,120}/g, "$&\n");

const options = COMMANDS.map((c) => `<option value="${esc(c.value)}">${esc(c.label)}</option>`).join("\n");

const parts = { CSP: esc(CSP), STYLE: style, SCRIPT: script, WASM: "\n" + b64, COMMANDS: options };
let page = readFileSync(join(here, "src/page.html"), "utf8");
page = page.replace(/@(CSP|STYLE|SCRIPT|WASM|COMMANDS)@/g, (_, k) => parts[k]);
writeFileSync(outPath, page);
console.log(`${outPath}: ${Buffer.byteLength(page)} bytes (wasm ${wasm.length} bytes, script ${script.length})`);

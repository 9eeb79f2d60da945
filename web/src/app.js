// app.js: the page.  It keeps the chosen files in memory, turns the controls
// into a fosterbeds command line (commands.js) and runs it once per output
// format in a fresh WebAssembly instance (runner.js), then shows the result:
// the exit status, the findings, the HTML report in a sandboxed iframe, the
// figures as a table, and the outputs to download exactly as the program
// wrote them.  Nothing here makes a request: the program is the base64 text
// of the #wasm element, and results leave the page only as blob: downloads.
import { byValue, commandLine, withFormat, shellWords } from "./commands.js";
import { compile, run } from "./runner.js";
import { parseCsv, parseFinding } from "./text.js";

const $ = (id) => document.getElementById(id);
const files = new Map();	// name -> Uint8Array, as read from disk
let program = null;		// the compiled WebAssembly.Module
let urls = [];			// blob: URLs of the current downloads
let busy = false;

const FORMATS = {
	csv: { ext: "csv", type: "text/csv", what: "Figures for Excel (CSV)" },
	xlsx: { ext: "xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		what: "Excel workbook (XLSX)" },
	html: { ext: "html", type: "text/html", what: "Report as a web page (HTML)" },
	json: { ext: "json", type: "application/json", what: "Data for other programs (JSON)" },
};
const STEPS = { csv: "the figures", html: "the report page", json: "the JSON", xlsx: "the workbook" };

// The program, from the page itself.
function wasmBytes() {
	const text = $("wasm").textContent.replace(/\s+/g, "");
	if (Uint8Array.fromBase64)
		return Uint8Array.fromBase64(text);
	const bin = atob(text), out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++)
		out[i] = bin.charCodeAt(i);
	return out;
}

const utf8 = (bytes) => new TextDecoder("utf-8").decode(bytes);

async function start() {
	try {
		program = await compile(wasmBytes());
		const r = await run(program, ["--version"], []);
		$("version").textContent = utf8(r.stdout).trim() + ", running in this browser";
	} catch (e) {
		$("version").textContent = "This browser cannot run the program (" + e.message +
			"). Use a recent Edge, Chrome, Firefox or Safari.";
		$("version").classList.add("bad");
		return;
	}
	$("run").disabled = false;
	update();
}

// --- Files ------------------------------------------------------------

async function addFiles(list) {
	const replaced = [];
	const read = await Promise.all([...list].map(async (f) => [f.name, new Uint8Array(await f.arrayBuffer())]));
	for (const [name, data] of read) {
		if (files.has(name))
			replaced.push(name);
		files.set(name, data);
	}
	renderFiles(replaced);
	update();
}

function sortedNames() {
	// Code-point order, as a shell lists *.csv in the C locale.
	return [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function size(n) {
	if (n < 1024)
		return n + " bytes";
	if (n < 1024 * 1024)
		return (n / 1024).toFixed(1) + " KB";
	return (n / 1024 / 1024).toFixed(1) + " MB";
}

function renderFiles(replaced = []) {
	const ul = $("file-list");
	ul.replaceChildren();
	for (const name of sortedNames()) {
		const li = document.createElement("li");
		const span = document.createElement("span");
		span.className = "name";
		span.textContent = name;
		const sz = document.createElement("span");
		sz.className = "size";
		sz.textContent = size(files.get(name).byteLength) +
			(replaced.includes(name) ? " (replaced by the file just chosen)" : "");
		const rm = document.createElement("button");
		rm.type = "button";
		rm.className = "link";
		rm.textContent = "Remove";
		rm.setAttribute("aria-label", "Remove " + name);
		rm.addEventListener("click", () => {
			files.delete(name);
			renderFiles();
			update();
			$("files").focus();
		});
		li.append(span, " ", sz, " ", rm);
		ul.append(li);
	}
	$("files-none").hidden = files.size > 0;
	$("clear").hidden = files.size === 0;
}

// A select listing the files.  It keeps a choice the person made while that
// file is still there; otherwise it takes the first name that looks right
// (a return named like "ofsted-return.csv"), else none: a wrong guess that
// sticks would be worse than asking.
function fillSelect(sel, names, none, looksRight) {
	const keep = sel.value;
	sel.replaceChildren(new Option(none, ""));
	for (const n of names)
		sel.append(new Option(n, n));
	if (sel.dataset.chosen && names.includes(keep))
		sel.value = keep;
	else {
		delete sel.dataset.chosen;
		sel.value = names.find(looksRight) || "";
	}
}

// --- Choices ----------------------------------------------------------

function choices() {
	return {
		files: sortedNames(),
		ofstedFile: $("ofsted-file").value,
		profileFile: $("profile-file").value,
		manifestFile: $("manifest-file").value,
		periodFrom: $("period-from").value,
		periodTo: $("period-to").value,
		filter: document.querySelector("input[name=filter]:checked").value,
		region: $("region").value,
		la: $("la").value,
		regionName: $("region-name").value,
		breakdown: $("breakdown").checked,
		bridge: $("bridge").checked,
		recordsDate: $("records-date").value,
		year: $("year").value,
		beds: $("beds").checked,
		today: $("today").value,
	};
}

function update() {
	const cmd = byValue.get($("command").value);
	const names = sortedNames();
	$("command-about").textContent = cmd.about;
	// A profile is the first thing convert needs, and an extra for the rest.
	const prof = document.querySelector('[data-opt="profile-file"]');
	if (cmd.profile === "required")
		$("options").prepend(prof);
	else
		document.querySelector("#more .more-body").prepend(prof);
	for (const el of document.querySelectorAll("#options .opt"))
		el.hidden = !cmd.options.includes(el.dataset.opt);
	$("more").hidden = !document.querySelector("#more .opt:not([hidden])");
	for (const el of document.querySelectorAll("[data-not]"))
		el.hidden = el.dataset.not === cmd.filter;
	if (cmd.filter === "region-only" && $("filter-la").checked)
		$("filter-all").checked = true;
	$("region").closest("p").hidden = !$("filter-region").checked;
	$("la").closest("p").hidden = !$("filter-la").checked || cmd.filter === "region-only";
	$("period-hint").textContent = cmd.period === "required" ? "Both dates are needed." :
		"Optional: with episode files, also warn of gaps between a bed's episodes in this period.";

	fillSelect($("ofsted-file"), names, "(choose the return)", (n) => /ofsted|return/i.test(n));
	fillSelect($("profile-file"), names, cmd.profile === "required" ? "(choose the profile)" :
		"none (files in the standard form)", (n) => cmd.profile === "required" && /\.ini$/i.test(n));
	fillSelect($("manifest-file"), names, "(choose the manifest)", (n) => /manifest|\.json$/i.test(n));

	const line = commandLine(cmd, choices());
	const fmt = cmd.formats ? cmd.formats[0] : null;
	$("cmdline").textContent = shellWords(withFormat(line, fmt));
}

// --- Running ----------------------------------------------------------

// Yield to the browser so that what was just written is painted before the
// next run takes the thread.
const breathe = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function outName(taken, ext) {
	let name = "fosterbeds-output." + ext;
	for (let i = 2; taken.has(name); i++)
		name = "fosterbeds-output-" + i + "." + ext;
	return name;
}

function clearResults() {
	for (const u of urls)
		URL.revokeObjectURL(u);
	urls = [];
	$("status").textContent = "";
	$("csv").textContent = "";
	$("downloads").replaceChildren();
	$("findings").tBodies[0].replaceChildren();
	$("messages").replaceChildren();
	$("table").replaceChildren();
	$("report").srcdoc = "";
	for (const id of ["findings-box", "report-box", "table-box"])
		$(id).hidden = true;
}

function say(text, bad) {
	const p = $("progress");
	p.textContent = text;
	p.classList.toggle("bad", !!bad);
}

async function runAll(ev) {
	ev.preventDefault();
	if (busy || !program)
		return;
	const cmd = byValue.get($("command").value);
	const line = commandLine(cmd, choices());
	if (line.problems.length) {
		say(line.problems.join(" "), true);
		return;
	}
	busy = true;
	$("run").disabled = true;
	clearResults();
	const res = $("results");
	res.hidden = false;
	res.dataset.state = "running";
	const inputs = sortedNames().map((n) => [n, files.get(n)]);
	const t0 = performance.now();
	const formats = cmd.formats || [null];
	let first = null;
	const times = [];
	try {
		for (let i = 0; i < formats.length; i++) {
			const f = formats[i];
			say("Working: " + (f ? STEPS[f] : "the output") +
				(formats.length > 1 ? " (" + (i + 1) + " of " + formats.length + ")" : "") + "…");
			await breathe();
			const out = f === "xlsx" ? outName(files, "xlsx") : null;
			const t = performance.now();
			const r = await run(program, withFormat(line, f, out), inputs);
			times.push((f || "run") + " " + Math.round(performance.now() - t));
			const bytes = out ? r.files.get(out) : r.stdout;
			if (!first) {
				first = r;
				showFirst(cmd, r);
				// A usage error or a file that cannot be read: the other
				// formats would only say the same again.
				if (r.status > 1)
					break;
			} else if (r.status !== first.status) {
				note("Making " + STEPS[f] + " ended with exit status " + r.status +
					" (the first run: " + first.status + "): " + utf8(r.stderr).trim());
			}
			if (r.status <= 1 && bytes && bytes.byteLength)
				offer(cmd, f, bytes);
			if (f === "html" && r.status <= 1 && bytes) {
				const frame = $("report");
				const shown = new Promise((done) => {
					frame.addEventListener("load", done, { once: true });
					setTimeout(done, 3000);
				});
				// Shown before it loads: headless Chromium, with the frame
				// in a process of its own, left a frame that loaded while
				// hidden blank once shown.
				$("report-box").hidden = false;
				frame.srcdoc = utf8(bytes);
				// The report is on screen: what a person waits for.  The
				// other downloads follow while they read it.
				await shown;
				res.dataset.reportMs = Math.round(performance.now() - t0);
			}
		}
		const ms = performance.now() - t0;
		res.dataset.ms = Math.round(ms);
		// Each run's milliseconds, for whoever measures the page.
		res.dataset.runs = times.join(", ");
		say("Finished.");
	} catch (e) {
		say("Something went wrong inside the page: " + e.message, true);
		console.error(e);
	} finally {
		res.dataset.state = "done";
		busy = false;
		$("run").disabled = false;
	}
}

const OUTCOMES = {
	0: "Done: no errors.",
	1: "Done, but there are problems: the data has errors, or no row is of the LAs chosen. See below.",
	2: "The program could not use these choices. See the message below.",
	3: "A file could not be read, or an output could not be made. See the message below.",
};

function showFirst(cmd, r) {
	const status = r.status;
	$("status").textContent = String(status);
	$("outcome-text").textContent = OUTCOMES[status] || "The program stopped unexpectedly.";
	$("outcome").classList.toggle("bad", status !== 0);

	const out = utf8(r.stdout);
	if (status <= 1)
		$("csv").textContent = out;
	const rows = status <= 1 ? parseCsv(out) : [];
	if (cmd.value === "validate")
		findingsFromCsv(rows);
	else if (rows.length)
		figures(rows);
	findingsFromStderr(utf8(r.stderr));
	$("results").focus();
}

function cell(tr, text, tag = "td") {
	const c = document.createElement(tag);
	c.textContent = text;
	tr.append(c);
	return c;
}

function figures(rows) {
	const t = $("table");
	const head = t.createTHead().insertRow();
	for (const h of rows[0]) {
		const th = cell(head, h.replace(/_/g, " "), "th");
		th.scope = "col";
	}
	const body = t.createTBody();
	for (const row of rows.slice(1)) {
		const tr = body.insertRow();
		if (row[0] === "ALL")
			tr.className = "region";
		for (const v of row)
			cell(tr, v).className = /^[-+]?[0-9.]+$/.test(v) ? "num" : /^\d{4}-\d\d-\d\d$/.test(v) ? "date" : "";
	}
	$("table-box").hidden = false;
}

function finding(f) {
	const tr = $("findings").tBodies[0].insertRow();
	tr.className = f.severity;
	cell(tr, f.file);
	cell(tr, f.line);
	cell(tr, f.excel);
	cell(tr, f.severity);
	cell(tr, f.code);
	cell(tr, f.message);
	$("findings-box").hidden = false;
}

function note(text) {
	const li = document.createElement("li");
	li.textContent = text;
	$("messages").append(li);
	$("findings-box").hidden = false;
}

// validate's CSV: one row per finding, the columns named in its header.
function findingsFromCsv(rows) {
	if (rows.length < 2)
		return;
	const at = (name) => rows[0].indexOf(name);
	const [file, line, row, sev, code, col, msg] =
		["file", "line", "excel_row", "severity", "code", "excel_column", "message"].map(at);
	for (const r of rows.slice(1))
		finding({ file: r[file], line: r[line], excel: "row " + r[row] + (r[col] ? ", column " + r[col] : ""),
			severity: r[sev], code: r[code], message: r[msg] });
}

// Every other command's findings and messages come on standard error.
function findingsFromStderr(text) {
	for (const l of text.split("\n")) {
		if (!l.trim())
			continue;
		const f = parseFinding(l);
		if (f)
			finding(f);
		else
			note(l);
	}
}

function offer(cmd, f, bytes) {
	const fmt = f ? FORMATS[f] : cmd.output;
	const name = f ? "fosterbeds-" + cmd.value + "." + fmt.ext : cmd.output.name;
	const url = URL.createObjectURL(new Blob([bytes], { type: fmt.type }));
	urls.push(url);
	const li = document.createElement("li");
	const a = document.createElement("a");
	a.href = url;
	a.download = name;
	a.textContent = fmt.what;
	a.dataset.format = f || "stdout";
	li.append(a, " ", Object.assign(document.createElement("span"),
		{ className: "size", textContent: name + ", " + size(bytes.byteLength) }));
	$("downloads").append(li);
}

// --- Wiring -----------------------------------------------------------

function wire() {
	$("files").addEventListener("change", async (e) => {
		await addFiles(e.target.files);
		e.target.value = "";
	});
	$("clear").addEventListener("click", () => {
		files.clear();
		renderFiles();
		update();
		$("files").focus();
	});
	const drop = $("drop");
	for (const t of ["dragenter", "dragover"])
		document.addEventListener(t, (e) => {
			e.preventDefault();
			drop.classList.add("over");
		});
	document.addEventListener("dragleave", (e) => {
		if (!e.relatedTarget)
			drop.classList.remove("over");
	});
	document.addEventListener("drop", async (e) => {
		e.preventDefault();
		drop.classList.remove("over");
		if (e.dataTransfer && e.dataTransfer.files.length)
			await addFiles(e.dataTransfer.files);
	});
	for (const id of ["ofsted-file", "profile-file", "manifest-file"])
		$(id).addEventListener("change", (e) => {
			e.target.dataset.chosen = "1";
		});
	$("form").addEventListener("input", update);
	$("form").addEventListener("change", update);
	$("form").addEventListener("submit", runAll);
	renderFiles();
	update();
}

wire();
start();

// web.mjs: web/fosterbeds.html in headless Chromium, against the native CLI.
//
//   node tests/web.mjs PAGE BIN ROOT [--only NAME] [--shots DIR]
//
// Opens PAGE from file:// (playwright-core driving Debian's Chromium, no
// browser downloaded), and for each case below chooses the files and
// options as a person would, runs, and compares with BIN (the native
// fosterbeds) run in a folder holding the same files under the same names,
// with the same arguments: the #csv text and #status byte for byte, the HTML
// download byte for byte, the JSON download with only the manifest's
// "directory" and "created" set aside, and the XLSX download unzipped, part by
// part, with only docProps/core.xml's dates set aside.  Fails on any request
// that is not file:, data: or blob:, any console error or page error (a CSP
// violation is both a console error and an event the page reports), or a
// report that takes a second or more.  Prints "N passed, N failed".
import { createRequire } from "node:module";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

const [pagePath, bin, root] = process.argv.slice(2, 5).map((p) => resolve(p));
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const shots = process.argv.includes("--shots") ? resolve(process.argv[process.argv.indexOf("--shots") + 1]) : null;
if (shots)
	mkdirSync(shots, { recursive: true });
// playwright-core is one of web/'s npm packages (npm ci in web/).
const { chromium } = createRequire(join(root, "web/package.json"))("playwright-core");
const tmp = mkdtempSync(join(tmpdir(), "fb-web-"));
let passed = 0, failed = 0;

function check(ok, what, detail) {
	if (ok)
		passed++;
	else {
		failed++;
		console.log("FAIL: " + what + (detail ? "\n" + detail : ""));
	}
}

const glob = (dir, re = /\.csv$/) => {
	const out = execFileSync("ls", [join(root, dir)], { encoding: "utf8" }).split("\n").filter((n) => re.test(n));
	return out.map((n) => join(root, dir, n));
};
const records = glob("sample-data/records");
const sd = (p) => join(root, "sample-data", p);

// Opens "More options", as a person would to reach the options folded there.
async function more(p) {
	if ((await p.getAttribute("#more", "open")) === null)
		await p.click("#more > summary");
}

// Each case: the files chosen, the choices made in the page, and the native
// arguments those choices must give (before --format and the files).
const CASES = [
	{ name: "report", files: records, command: "report", args: ["report"], timed: true },
	{ name: "report-breakdown-region", files: records, command: "report",
		set: async (p) => { await p.check("#breakdown"); await p.check("#filter-region"); await p.selectOption("#region", "South East"); },
		args: ["report", "--breakdown", "reasons", "--region", "South East"] },
	{ name: "report-la", files: records, command: "report",
		set: async (p) => { await p.check("#filter-la"); await p.fill("#la", "851, 867"); await more(p); await p.fill("#region-name", "Two LAs"); },
		args: ["report", "--la", "851,867", "--region-name", "Two LAs"] },
	{ name: "validate-broken", files: glob("sample-data/broken"), command: "validate",
		set: async (p) => { await more(p); await p.fill("#today", "2026-11-23"); },
		args: ["validate", "--today", "2026-11-23"] },
	{ name: "report-unreadable", files: [sd("broken/FB014-utf16.csv"), sd("broken/FB004-unknown-code.csv")],
		command: "report", args: ["report"], findings: ["FB014", "FB004"] },
	{ name: "report-period", files: glob("sample-data/episodes"), command: "report-period",
		set: async (p) => { await p.fill("#period-from", "2026-07-01"); await p.fill("#period-to", "2026-09-30"); },
		args: ["report", "--period", "2026-07-01..2026-09-30"] },
	{ name: "trend", files: records.concat(glob("sample-data/quarters")), command: "trend", args: ["trend"] },
	{ name: "reconcile", files: records.concat([sd("ofsted-return-2026-09-30.csv")]), command: "reconcile",
		args: ["reconcile", "--ofsted", "ofsted-return-2026-09-30.csv"] },
	{ name: "reconcile-bridge", files: records.concat([sd("ofsted-return-2026-09-30.csv")]), command: "reconcile",
		set: async (p) => { await p.check("#bridge"); },
		args: ["reconcile", "--ofsted", "ofsted-return-2026-09-30.csv", "--bridge"] },
	{ name: "ofsted", files: [join(root, "tests/fixtures/ofsted/ofsted_fostering_in_england_2018-19_la_level.csv")],
		command: "ofsted",
		set: async (p) => { await p.check("#filter-region"); await p.selectOption("#region", "South East"); },
		args: ["ofsted", "--region", "South East"] },
	{ name: "costs", files: [sd("costs/costs.csv")], command: "costs", args: ["costs"] },
	{ name: "costs-beds", files: [sd("costs/costs.csv")].concat(records), command: "costs",
		set: async (p) => { await p.check("#beds"); },
		args: ["costs", "--beds"] },
	{ name: "convert", files: [sd("exports/per-bed/export.csv"), sd("exports/per-bed/profile.ini")],
		command: "convert", args: ["convert", "--profile", "profile.ini"], formats: null },
	{ name: "spec", files: [], command: "spec", args: ["spec"] },
];

// The native run, in a folder of its own holding the case's files.
function native(dir, args) {
	const r = spawnSync(bin, args, { cwd: dir, maxBuffer: 1 << 28 });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function unzip(book) {
	try {
		return unzipParts(book);
	} catch (e) {
		return new Map([["(not a zip file)", Buffer.from(String(e.message))]]);
	}
}

function unzipParts(book) {
	const names = execFileSync("unzip", ["-Z1", book], { encoding: "utf8" }).split("\n").filter(Boolean).sort();
	const parts = new Map(), into = book + ".d";
	execFileSync("unzip", ["-q", "-o", book, "-d", into]);
	for (const n of names) {
		let data = readFileSync(join(into, n));
		if (n === "docProps/core.xml")
			data = Buffer.from(data.toString("utf8").replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "TIME"));
		parts.set(n, data);
	}
	return parts;
}

function sameJson(a, b) {
	// The folder the run was made in and the moment it ran differ, by nature.
	const norm = (t) => t.replace(/^  "directory": .*$/m, "").replace(/^  "created": .*$/m, "");
	return norm(a) === norm(b);
}

function firstDiff(a, b) {
	const x = a.split("\n"), y = b.split("\n");
	for (let i = 0; i < Math.max(x.length, y.length); i++)
		if (x[i] !== y[i])
			return "line " + (i + 1) + ":\n  page:   " + JSON.stringify(x[i]) + "\n  native: " + JSON.stringify(y[i]);
	return "";
}

async function download(page, format, to) {
	const link = page.locator(`#downloads a[data-format=${format}]`);
	if (!(await link.count()))
		return null;
	const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
	await dl.saveAs(to);
	return readFileSync(to);
}

// The file itself: the policy, and nothing in it that could reach a network
// even if the policy were lifted.
const text = readFileSync(pagePath, "utf8");
const CSP = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; " +
	"base-uri 'none'; form-action 'none'";
check(text.includes(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`) &&
	text.indexOf("Content-Security-Policy") < text.indexOf("<script"), "the page's policy comes before any script");
const script = text.slice(text.indexOf("<script>"));
for (const word of ["fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon", "EventSource", "new Worker", "import(", "http://", "https://"])
	check(!script.includes(word), "the page's script has no " + word);

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run",
		// The report's sandboxed frame in the page's own process: headless
		// Chromium does not lay out an out-of-process frame that loaded out
		// of view, so its layout could not be checked.
		"--disable-features=IsolateSandboxedIframes"],
});
const context = await browser.newContext({ acceptDownloads: true });
const problems = [];
context.on("request", (r) => {
	if (!/^(file|data|blob):/.test(r.url()))
		problems.push("a request for " + r.url());
});
await context.addInitScript(() => {
	document.addEventListener("securitypolicyviolation", (e) =>
		console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI));
});
const page = await context.newPage();
page.on("console", (m) => {
	if (m.type() === "error")
		problems.push("console error: " + m.text());
});
page.on("pageerror", (e) => problems.push("page error: " + e.message));
await page.goto("file://" + pagePath);
await page.waitForFunction(() => !document.getElementById("run").disabled, null, { timeout: 60000 });
check(/^fosterbeds \d/.test(await page.textContent("#version")), "the page runs the program (--version)",
	await page.textContent("#version"));

// Every control has a name a screen reader reads out (a label, or the text
// of the button), and none is out of reach of the keyboard.
const unnamed = await page.evaluate(() => [...document.querySelectorAll("input, select, button, textarea")]
	.filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label") && !el.textContent.trim())
	.concat([...document.querySelectorAll("[tabindex]")].filter((el) => Number(el.getAttribute("tabindex")) > 0))
	.map((el) => el.outerHTML.slice(0, 80)));
check(unnamed.length === 0, "every control is labelled, and the tab order is the page's", unnamed.join("\n"));

// By keyboard alone: Tab reaches the file chooser, the task and Run, in
// that order, and Enter on Run runs (spec needs no file).
{
	await page.selectOption("#command", "spec");
	await page.evaluate(() => document.activeElement && document.activeElement.blur());
	const seen = [];
	for (let i = 0; i < 60 && !seen.includes("run"); i++) {
		await page.keyboard.press("Tab");
		const id = await page.evaluate(() => document.activeElement && document.activeElement.id);
		if (["files", "command", "run"].includes(id) && !seen.includes(id))
			seen.push(id);
	}
	check(seen.join() === "files,command,run", "Tab reaches the files, the task and Run in order", seen.join());
	await page.keyboard.press("Enter");
	await page.waitForSelector("#results[data-state=done]", { timeout: 60000 }).catch(() => {});
	check((await page.textContent("#status")) === "0", "Enter on Run runs the task");
}

for (const c of CASES) {
	if (only && c.name !== only)
		continue;
	const dir = join(tmp, c.name);
	mkdirSync(dir);
	for (const f of c.files)
		copyFileSync(f, join(dir, basename(f)));
	const names = c.files.map((f) => basename(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const roles = c.args.filter((a, i) => c.args[i - 1] === "--ofsted" || c.args[i - 1] === "--profile");
	const inputs = names.filter((n) => !roles.includes(n));

	// A fresh page state for each case.
	await page.reload();
	await page.waitForFunction(() => !document.getElementById("run").disabled, null, { timeout: 60000 });
	if (c.files.length) {
		await page.setInputFiles("#files", c.files);
		await page.waitForFunction((n) => document.querySelectorAll("#file-list li").length === n,
			c.files.length);
	}
	await page.selectOption("#command", c.command);
	if (c.set)
		await c.set(page);
	await page.click("#run");
	await page.waitForSelector("#results[data-state=done]", { timeout: 600000 });
	if (c.timed) {
		// On screen in under a second, on this machine when it is not busy:
		// with more runnable jobs than cores the figure says nothing.
		const ms = Number(await page.getAttribute("#results", "data-report-ms"));
		const all = Number(await page.getAttribute("#results", "data-ms"));
		const load = loadavg()[0], cores = cpus().length;
		console.log(`${c.name}: the report on screen ${ms} ms after Run, every download ready at ${all} ms ` +
			`(${c.files.length} files; each run, ms: ${await page.getAttribute("#results", "data-runs")}; ` +
			`load ${load.toFixed(1)} on ${cores} cores)`);
		if (load < cores)
			check(ms < 1000, c.name + ": the report is on screen in under a second", ms + " ms");
		else
			console.log(`SKIP: ${c.name}: not timed, the machine is busy (load ${load.toFixed(1)})`);
	}

	const status = Number(await page.textContent("#status"));
	const csv = await page.textContent("#csv");
	const formats = c.formats === undefined ? ["csv"] : [null];
	const withFmt = (f, extra = []) => c.args.concat(f ? ["--format", f] : [], extra, inputs);
	const n = native(dir, withFmt(formats[0]));
	check(status === n.status, c.name + ": exit status " + status + ", native " + n.status);
	check(csv === n.stdout.toString("utf8"), c.name + ": #csv is the native CSV", firstDiff(csv, n.stdout.toString("utf8")));
	if (c.findings)
		for (const code of c.findings)
			check((await page.textContent("#findings")).includes(code), c.name + ": the findings show " + code);
	if (c.formats === null) {
		const got = await download(page, "stdout", join(tmp, c.name + ".out"));
		check(got && got.equals(n.stdout), c.name + ": the download is the native output");
		if (shots)
			await page.screenshot({ path: join(shots, c.name + ".png"), fullPage: true });
		continue;
	}
	if (n.status > 1)
		continue;

	const html = await download(page, "html", join(tmp, c.name + ".html"));
	const nh = native(dir, withFmt("html"));
	check(html && html.equals(nh.stdout), c.name + ": the HTML download is the native page",
		html ? firstDiff(html.toString(), nh.stdout.toString()) : "no download");
	let frame = null;
	for (let i = 0; i < 100 && !frame; i++) {
		frame = page.frames().find((f) => f.url() === "about:srcdoc");
		if (!frame)
			await page.waitForTimeout(100);
	}
	check(frame && (await frame.content()).length > 1000, c.name + ": the report is in the page's frame",
		frame ? (await frame.content()).slice(0, 300) : page.frames().map((f) => f.url()).join());
	// ... and laid out (a frame that loads while hidden stays blank).
	// Scrolled into view first: Chromium lays out no frame of another origin
	// while it is out of view.
	await page.locator("#report").scrollIntoViewIfNeeded();
	let tall = 0;
	for (let i = 0; i < 50 && frame && tall <= 100; i++) {
		tall = await frame.evaluate(() => document.body.getBoundingClientRect().height);
		if (tall <= 100)
			await page.waitForTimeout(100);
	}
	check(tall > 100, c.name + ": the report in the frame is laid out", "body height " + tall);

	const json = await download(page, "json", join(tmp, c.name + ".json"));
	const nj = native(dir, withFmt("json"));
	check(json && sameJson(json.toString(), nj.stdout.toString()), c.name + ": the JSON download is the native JSON",
		json ? firstDiff(json.toString(), nj.stdout.toString()) : "no download");

	const book = join(tmp, c.name + ".xlsx");
	const xlsx = await download(page, "xlsx", book);
	const nbook = join(dir, "native-output.xlsx");
	native(dir, withFmt("xlsx", ["-o", nbook]));
	if (!xlsx)
		check(false, c.name + ": an XLSX download");
	else {
		const a = unzip(book), b = unzip(nbook);
		check([...a.keys()].join() === [...b.keys()].join(), c.name + ": the workbook has the native parts",
			[...a.keys()].join() + "\n" + [...b.keys()].join());
		for (const [k, v] of b)
			check(a.has(k) && a.get(k).equals(v), c.name + ": workbook part " + k + " is the native one");
	}
	if (shots)
		await page.screenshot({ path: join(shots, c.name + ".png"), fullPage: true });
}

check(problems.length === 0, "no request, console error, page error or CSP violation", problems.join("\n"));
await browser.close();
rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

// web-screenshot.mjs: docs/web.png, the README's picture of the browser page,
// and the same page at 200% zoom (a 1280-pixel window at 200% lays the page
// out 640 CSS pixels wide, each drawn twice as large), to look at.
//
//   node tools/web-screenshot.mjs [OUT_DIR]     (default docs/)
//
// It runs the report on sample-data/records/ in web/fosterbeds.html, in
// headless Chromium (playwright-core from web/'s lockfile).
import { createRequire } from "node:module";
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = resolve(process.argv[2] && process.argv[2] !== "--zoom" ? process.argv[2] : join(root, "docs"));
const { chromium } = createRequire(join(root, "web/package.json"))("playwright-core");
const records = readdirSync(join(root, "sample-data/records")).filter((n) => n.endsWith(".csv"))
	.map((n) => join(root, "sample-data/records", n));

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--hide-scrollbars",
		// Headless Chromium draws a sandboxed frame that runs in a process
		// of its own only if it was in view when it loaded: in one process,
		// the report's frame shows in the picture as a browser shows it.
		"--disable-features=IsolateSandboxedIframes"],
});
// docs/web.png: the page at 100% once a report has run, from the task to the
// top of the report.  With --zoom: the whole page at 200% as viewport-high
// pictures web-200-N.png in OUT_DIR, to look at (not committed).
const zoom = process.argv.includes("--zoom");
const page = await browser.newPage(zoom ? { viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 } :
	{ viewport: { width: 1100, height: 1500 } });
await page.goto("file://" + join(root, "web/fosterbeds.html"));
await page.waitForFunction(() => !document.getElementById("run").disabled);
await page.setInputFiles("#files", records);
await page.waitForFunction((n) => document.querySelectorAll("#file-list li").length === n, records.length);
await page.selectOption("#command", "report");
await page.click("#run");
await page.waitForSelector("#results[data-state=done]");
await page.waitForTimeout(500);
if (zoom) {
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	for (let y = 0, i = 1; y < height; y += 800, i++) {
		await page.evaluate((y) => window.scrollTo(0, y), y);
		await page.screenshot({ path: join(out, `web-200-${i}.png`) });
		console.log(join(out, `web-200-${i}.png`));
	}
} else {
	const top = await page.evaluate(() => document.getElementById("step2").getBoundingClientRect().top + scrollY);
	await page.evaluate((y) => window.scrollTo(0, y), top - 10);
	await page.waitForTimeout(500);
	await page.screenshot({ path: join(out, "web.png") });
	console.log(join(out, "web.png"));
}
await browser.close();

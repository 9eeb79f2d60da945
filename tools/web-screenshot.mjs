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
const out = resolve(process.argv[2] || join(root, "docs"));
const { chromium } = createRequire(join(root, "web/package.json"))("playwright-core");
const records = readdirSync(join(root, "sample-data/records")).filter((n) => n.endsWith(".csv"))
	.map((n) => join(root, "sample-data/records", n));

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--hide-scrollbars"],
});
for (const [name, width, scale, full] of [["web.png", 1100, 1, false], ["web-200.png", 640, 2, true]]) {
	const page = await browser.newPage({ viewport: { width, height: 1400 }, deviceScaleFactor: scale });
	await page.goto("file://" + join(root, "web/fosterbeds.html"));
	await page.waitForFunction(() => !document.getElementById("run").disabled);
	await page.setInputFiles("#files", records);
	await page.selectOption("#command", "report");
	await page.click("#run");
	await page.waitForSelector("#results[data-state=done]");
	if (full)
		await page.screenshot({ path: join(out, name), fullPage: true });
	else {
		// The part that shows the idea: the files, the task, and the result.
		await page.evaluate(() => document.getElementById("step2").scrollIntoView());
		await page.screenshot({ path: join(out, name) });
	}
	console.log(join(out, name));
	await page.close();
}
await browser.close();

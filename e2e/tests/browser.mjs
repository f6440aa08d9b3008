// Debian's Chromium, headless, with no background traffic (this machine has no internet).
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const screenshots = join(import.meta.dirname, "..", "screenshots");
mkdirSync(screenshots, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** A phone-sized context. axe is injected through DevTools, so the page's strict CSP stays on. */
export async function phone(browser, locale = "en-US") {
  return browser.newContext({ viewport: { width: 360, height: 740 }, locale, serviceWorkers: "allow" });
}

/** Runs every axe rule on the page; returns the violations (rule id, impact, first target). */
export async function axeViolations(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Runtime.evaluate", { expression: axeSource });
  const { result } = await cdp.send("Runtime.evaluate", {
    expression: "axe.run(document).then(r => JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, target: v.nodes[0] && v.nodes[0].target }))))",
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return JSON.parse(result.value);
}

export async function shot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

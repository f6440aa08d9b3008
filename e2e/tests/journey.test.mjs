// The newcomer's journey in a phone-sized Chromium, with axe on every page and a screenshot of
// each: register → code from the outbox → verify → sign in → Spanish → Haitian Creole → Entry
// Requirements → offline → sign out.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { axeViolations, launch, phone, shot } from "./browser.mjs";
import { startPuerta, totp } from "./server.mjs";

let puerta;
let browser;

before(async () => {
  puerta = await startPuerta();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await puerta?.stop();
});

/** Visits nothing: checks the page in front of us, and keeps its picture. */
async function check(page, name) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe on ${name}: ${JSON.stringify(violations, null, 1)}`);
  await shot(page, name);
}

test("a newcomer registers, verifies, signs in, changes language, reads offline and signs out", async () => {
  const context = await phone(browser, "en-US");
  const page = await context.newPage();
  const email = `ana${Date.now()}@example.org`;
  const password = "a long river of stars";

  await page.goto(`${puerta.url}/`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await check(page, "home");

  await page.click("text=Create an account");
  await check(page, "register");
  await page.fill("#full_name", "Ana Pérez");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.selectOption("#language", "en");
  await page.click("button[type=submit] >> text=Create account");
  await page.waitForURL(/\/verify\?email=/);
  await check(page, "verify");

  await page.fill("#code", puerta.codeFor(email));
  await page.click("button[type=submit] >> text=Confirm email address");
  await page.waitForURL(/\/sign-in\?notice=verify-done/);
  await check(page, "sign-in");

  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("main button[type=submit]");
  await page.waitForURL(/\/dashboard$/);
  await check(page, "dashboard");

  await page.click("header button[value=es]");
  await page.waitForLoadState();
  assert.equal(await page.getAttribute("html", "lang"), "es");
  assert.match(await page.textContent("main"), /Requisitos de entrada/);
  await check(page, "dashboard-es");

  await page.click("header button[value=ht]");
  await page.waitForLoadState();
  assert.equal(await page.getAttribute("html", "lang"), "ht");
  await check(page, "dashboard-ht");

  await page.goto(`${puerta.url}/account`);
  assert.equal(await page.getAttribute("html", "lang"), "ht", "the account remembers the language");
  await check(page, "account-ht");

  // Entry Requirements, then again once the service worker controls the page.
  await page.goto(`${puerta.url}/entry-requirements`);
  await check(page, "entry-requirements-ht");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.click("a[href='/entry-requirements/documents-to-bring']");
  await page.waitForURL(/documents-to-bring/);
  await check(page, "entry-requirement-item-ht");
  await page.goto(`${puerta.url}/entry-requirements/port-sys`);
  await check(page, "entry-requirement-port-ht");
  await page.goto(`${puerta.url}/entry-requirements`);

  await context.setOffline(true);
  await page.goto(`${puerta.url}/entry-requirements/documents-to-bring`);
  assert.match(await page.textContent("h1"), /\S/, "the page is read from the cache");
  await page.goto(`${puerta.url}/entry-requirements`);
  assert.ok((await page.locator(".items li").count()) >= 6, "the list is read from the cache");
  await page.goto(`${puerta.url}/account`);
  assert.equal(await page.getAttribute("html", "lang") !== null, true);
  assert.match(await page.url(), /\/account$/);
  assert.doesNotMatch(await page.content(), new RegExp(email), "a personal page is never cached");
  await check(page, "offline");
  await context.setOffline(false);

  await page.goto(`${puerta.url}/dashboard`);
  await page.click("header nav form button[type=submit]");
  await page.waitForURL(/\/sign-in\?notice=signed-out/);
  await page.goto(`${puerta.url}/account`);
  await page.waitForURL(/\/sign-in/);
  await context.close();
});

test("the public pages pass axe in every language (en, es, ht, pt, fr)", async () => {
  for (const locale of ["en-US", "es-MX", "ht-HT", "pt-BR", "fr-FR"]) {
    const context = await phone(browser, locale);
    const page = await context.newPage();
    for (const path of ["/", "/register", "/sign-in", "/forgot-password", "/reset-password", "/entry-requirements", "/entry-requirements/on-the-day", "/offline", "/no-such-page"]) {
      await page.goto(`${puerta.url}${path}`);
      const name = `${locale}${path.replaceAll("/", "-") || "-home"}`;
      await check(page, name);
    }
    await context.close();
  }
});

test("errors are shown beside their fields and summarised", async () => {
  const context = await phone(browser, "es-MX");
  const page = await context.newPage();
  await page.goto(`${puerta.url}/register`);
  await page.fill("#email", "nope");
  await page.fill("#password", "short");
  await page.click("main button[type=submit]");
  await page.waitForSelector(".error-summary");
  assert.match(await page.textContent(".error-summary"), /12 caracteres/);
  assert.equal(await page.getAttribute("#password", "aria-invalid"), "true");
  await check(page, "register-errors-es");
  await context.close();
});

test("the axe check itself catches a real violation", async () => {
  const context = await phone(browser);
  const page = await context.newPage();
  await page.goto(`${puerta.url}/sign-in`);
  // Break the page on purpose (through DevTools; the page's CSP forbids inline script).
  const cdp = await context.newCDPSession(page);
  await cdp.send("Runtime.evaluate", { expression: "document.querySelector('label[for=email]').remove()" });
  const violations = await axeViolations(page);
  assert.ok(violations.some((v) => v.id === "label"), JSON.stringify(violations));
  await context.close();
});

// Words of our English interface; none may appear on a page shown in another language.
const ENGLISH_UI = /\b(Sign in|Sign out|Create an account|Password|Email address|Full name|Your dashboard|Entry requirements|There is a problem|Confirm email address|Send a new code|Language)\b/;

test("a Haitian Creole speaker reaches the dashboard without meeting an English word", async () => {
  const context = await phone(browser, "ht-HT");
  const page = await context.newPage();
  const email = `jean${Date.now()}@example.org`;
  const visible = async () => (await page.innerText("body")).replace(/English/g, "");
  await page.goto(`${puerta.url}/`);
  assert.doesNotMatch(await visible(), ENGLISH_UI);
  await page.goto(`${puerta.url}/register`);
  assert.doesNotMatch(await visible(), ENGLISH_UI);
  await page.fill("#full_name", "Jean Baptiste");
  await page.fill("#email", email);
  await page.fill("#password", "yon chemen long nan mòn yo");
  await page.click("main button[type=submit]");
  await page.waitForURL(/\/verify/);
  assert.doesNotMatch(await visible(), ENGLISH_UI);
  await page.fill("#code", puerta.codeFor(email));
  await page.click("main form:not(.secondary) button[type=submit]");
  await page.waitForURL(/\/sign-in/);
  assert.doesNotMatch(await visible(), ENGLISH_UI);
  await page.fill("#email", email);
  await page.fill("#password", "yon chemen long nan mòn yo");
  await page.click("main button[type=submit]");
  await page.waitForURL(/\/dashboard$/);
  assert.equal(await page.getAttribute("html", "lang"), "ht");
  assert.doesNotMatch(await visible(), ENGLISH_UI);
  await check(page, "creole-dashboard");
  await context.close();
});

test("pages fit a 320 px screen and 200% zoom without sideways scrolling", async () => {
  // 320 CSS px: the narrowest phones. 640 CSS px: a 1280 px window zoomed to 200%.
  for (const width of [320, 640]) {
    const context = await browser.newContext({ viewport: { width, height: 640 }, locale: "es-MX" });
    const page = await context.newPage();
    for (const path of ["/", "/register", "/sign-in", "/entry-requirements", "/entry-requirements/port-elp"]) {
      await page.goto(`${puerta.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} at ${width}px scrolls sideways by ${overflow}px`);
    }
    await context.close();
  }
});

test("an administrator sets up two-step verification and every staff page passes axe", async () => {
  const email = `admin${Date.now()}@example.org`;
  const password = "the quiet harbour at dawn";
  puerta.createUser(email, "admin", password);
  const context = await phone(browser, "es-MX");
  const page = await context.newPage();
  await page.goto(`${puerta.url}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("main button[type=submit]");
  // Staff start at the staff home, which first sends them to set up a second factor.
  await page.waitForURL(/\/account\/two-step\?notice=staff-mfa-needed/);
  await check(page, "staff-two-step-es");
  const secret = (await page.textContent(".secret")).trim();
  await page.fill("#code", totp(secret));
  await page.click("form[action='/account/two-step'] button[type=submit]");
  await page.waitForSelector(".codes");
  assert.equal(await page.locator(".codes li").count(), 10);
  await check(page, "staff-recovery-codes-es");
  for (const [path, name] of [["/staff", "staff-home"], ["/admin/users", "admin-users"], ["/admin/audit", "admin-audit"], ["/admin/entry-requirements/on-the-day?lang=es", "admin-editor"], ["/account", "staff-account"]]) {
    await page.goto(`${puerta.url}${path}`);
    assert.equal(new URL(page.url()).pathname, path.split("?")[0], `${path} is reachable`);
    await check(page, `${name}-es`);
  }
  // Preview, then save a new version, as an editor would.
  await page.goto(`${puerta.url}/admin/entry-requirements/on-the-day?lang=es`);
  await page.fill("#title", "El día de su cita");
  await page.click("button[value=preview]");
  await page.waitForSelector(".preview");
  await check(page, "admin-editor-preview-es");
  await page.click("button[value=save]");
  await page.waitForURL(/\/entry-requirements\/on-the-day/);
  const saved = await (await page.request.get(`${puerta.url}/api/v1/entry-requirements/on-the-day?lang=es`)).json();
  assert.equal(saved.title, "El día de su cita");
  assert.equal(saved.version, 2);
  await context.close();
});

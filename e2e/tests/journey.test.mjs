// The newcomer's journey in a phone-sized Chromium, with axe on every page and a screenshot of
// each: register → code from the outbox → verify → sign in → Spanish → Haitian Creole → Entry
// Requirements → offline → sign out.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { axeViolations, launch, phone, shot } from "./browser.mjs";
import { startPuerta, totp } from "./server.mjs";
import { entryCount, entryTitle, langOf, t } from "./strings.mjs";

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

/** Goes to `path`. The answer (after any redirect) must have `status`: an error page is not a page. */
async function visit(page, path, status = 200) {
  const response = await page.goto(`${puerta.url}${path}`);
  assert.equal(response?.status(), status, `HTTP status of ${path}`);
  return response;
}

/**
 * The page in front of us is exactly `path` (with exactly this query), in `lang`, under its own
 * <h1> and <title>, with `notice` in its banner if one is given. Each is compared whole, so a
 * redirect elsewhere, an error page or a page in another language fails here.
 */
async function expectPage(page, { path, lang, h1, title = h1, notice }) {
  const url = new URL(page.url());
  assert.equal(`${url.pathname}${url.search}`, path, "the address");
  assert.equal(await page.getAttribute("html", "lang"), lang, `<html lang> on ${path}`);
  assert.equal((await page.textContent("h1"))?.trim(), h1, `<h1> on ${path}`);
  assert.equal(await page.title(), `${title} · ${t(lang, "site-name")}`, `<title> on ${path}`);
  if (notice !== undefined) assert.equal((await page.textContent(".banner[role=status]"))?.trim(), notice, `notice on ${path}`);
}

/** Waits for the navigation a click starts to land exactly on `path` (full URL, query and all). */
async function landOn(page, path) {
  await page.waitForURL(`${puerta.url}${path}`);
}

/** Opens the header's language page and presses a language; it answers with a redirect back to this page. */
async function switchLanguage(page, code) {
  await page.click("header a.lang-link");
  await page.waitForURL((url) => url.pathname === "/language");
  const loaded = page.waitForEvent("load");
  await page.click(`main button[value=${code}]`);
  await loaded;
}

/** The <h1> and <title> each public page has in `lang`. */
function publicPage(lang, path) {
  const slug = path.match(/^\/entry-requirements\/(.+)$/)?.[1];
  if (slug) return { h1: entryTitle(lang, slug) };
  const keys = {
    "/": ["home-title", "site-tagline"],
    "/register": ["register-title"],
    "/sign-in": ["sign-in-title"],
    "/forgot-password": ["forgot-title"],
    "/reset-password": ["reset-title"],
    "/entry-requirements": ["er-title"],
    "/offline": ["offline-title"],
  }[path];
  if (!keys) throw new Error(`no expected heading for ${path}`);
  const [h1, title = h1] = keys;
  return { h1: t(lang, h1), title: t(lang, title) };
}

/** Where registering as `email` leads: the page that asks for the code sent there. */
const verifyPath = (email) => `/verify?${new URLSearchParams({ email })}`;

test("a newcomer registers, verifies, signs in, changes language, reads offline and signs out", async () => {
  const context = await phone(browser, "en-US");
  const page = await context.newPage();
  const email = `ana${Date.now()}@example.org`;
  const password = "a long river of stars";
  const name = "Ana Pérez";

  await visit(page, "/");
  await expectPage(page, { path: "/", lang: "en", ...publicPage("en", "/") });
  await check(page, "home");

  await page.click("text=Create an account");
  await landOn(page, "/register");
  await expectPage(page, { path: "/register", lang: "en", ...publicPage("en", "/register") });
  await check(page, "register");
  await page.fill("#full_name", name);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.selectOption("#language", "en");
  await page.click("button[type=submit] >> text=Create account");
  await landOn(page, verifyPath(email));
  await expectPage(page, { path: verifyPath(email), lang: "en", h1: t("en", "verify-title") });
  await check(page, "verify");

  await page.fill("#code", await puerta.codeFor(email));
  await page.click("button[type=submit] >> text=Confirm email address");
  await landOn(page, "/sign-in?notice=verify-done");
  await expectPage(page, { path: "/sign-in?notice=verify-done", lang: "en", h1: t("en", "sign-in-title"), notice: t("en", "verify-done") });
  await check(page, "sign-in");

  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("main button[type=submit]");
  await landOn(page, "/dashboard");
  await expectPage(page, { path: "/dashboard", lang: "en", h1: t("en", "dashboard-title", { name }) });
  await check(page, "dashboard");

  // The switcher sends us back to the page we were on, now in the chosen language.
  await switchLanguage(page, "es");
  await expectPage(page, { path: "/dashboard", lang: "es", h1: t("es", "dashboard-title", { name }) });
  assert.match(await page.textContent("main"), /Requisitos de entrada/);
  await check(page, "dashboard-es");

  await switchLanguage(page, "ht");
  await expectPage(page, { path: "/dashboard", lang: "ht", h1: t("ht", "dashboard-title", { name }) });
  await check(page, "dashboard-ht");

  await visit(page, "/account");
  await expectPage(page, { path: "/account", lang: "ht", h1: t("ht", "account-title") }); // the account remembers the language
  assert.match(await page.textContent("main dl"), new RegExp(email.replaceAll(".", "\\.")), "the account page is this person's");
  await check(page, "account-ht");

  // Entry Requirements, then again once the service worker controls the page.
  await visit(page, "/entry-requirements");
  await expectPage(page, { path: "/entry-requirements", lang: "ht", ...publicPage("ht", "/entry-requirements") });
  assert.equal(await page.locator(".items li").count(), entryCount("ht"), "every bundled page is listed");
  await check(page, "entry-requirements-ht");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.click("a[href='/entry-requirements/documents-to-bring']");
  await landOn(page, "/entry-requirements/documents-to-bring");
  await expectPage(page, { path: "/entry-requirements/documents-to-bring", lang: "ht", h1: entryTitle("ht", "documents-to-bring") });
  await check(page, "entry-requirement-item-ht");
  await visit(page, "/entry-requirements/port-sys");
  await expectPage(page, { path: "/entry-requirements/port-sys", lang: "ht", h1: entryTitle("ht", "port-sys") });
  await check(page, "entry-requirement-port-ht");
  await visit(page, "/entry-requirements");

  await context.setOffline(true);
  // The very pages read before, from the cache: not the offline page in their place.
  await visit(page, "/entry-requirements/documents-to-bring");
  await expectPage(page, { path: "/entry-requirements/documents-to-bring", lang: "ht", h1: entryTitle("ht", "documents-to-bring") });
  await visit(page, "/entry-requirements");
  await expectPage(page, { path: "/entry-requirements", lang: "ht", ...publicPage("ht", "/entry-requirements") });
  assert.equal(await page.locator(".items li").count(), entryCount("ht"), "the whole list is read from the cache");
  // A personal page is answered by the offline page, at its own address. The worker stores the
  // offline page once, when it installs: here on the first visit, the English home page, before
  // any language was chosen; so it is in English even though this reader now reads Creole.
  await visit(page, "/account");
  await expectPage(page, { path: "/account", lang: "en", ...publicPage("en", "/offline") });
  assert.doesNotMatch(await page.content(), new RegExp(email), "a personal page is never cached");
  await check(page, "offline");
  await context.setOffline(false);

  await visit(page, "/dashboard");
  await page.click("header form[action='/sign-out'] button[type=submit]");
  await landOn(page, "/sign-in?notice=signed-out");
  await expectPage(page, { path: "/sign-in?notice=signed-out", lang: "ht", h1: t("ht", "sign-in-title"), notice: t("ht", "signed-out") });
  // Signed out, a personal page sends us to the plain sign-in page (no session, so no "expired").
  await visit(page, "/account");
  await expectPage(page, { path: "/sign-in", lang: "ht", h1: t("ht", "sign-in-title") });
  await context.close();
});

test("the public pages pass axe in every language (en, es, ht, pt, fr)", async () => {
  for (const locale of ["en-US", "es-MX", "ht-HT", "pt-BR", "fr-FR"]) {
    const lang = langOf(locale);
    const context = await phone(browser, locale);
    const page = await context.newPage();
    for (const path of ["/", "/register", "/sign-in", "/forgot-password", "/reset-password", "/entry-requirements", "/entry-requirements/on-the-day", "/offline"]) {
      await visit(page, path);
      // axe on the page itself, in the browser's language: not on an error page standing in for it.
      await expectPage(page, { path, lang, ...publicPage(lang, path) });
      await check(page, `${locale}${path.replaceAll("/", "-") || "-home"}`);
    }
    // The not-found page is a page too: a real 404, in the reader's language, saying what happened.
    await visit(page, "/no-such-page", 404);
    await expectPage(page, { path: "/no-such-page", lang, h1: t(lang, "error-summary-title") });
    assert.equal((await page.textContent("main h1 + p"))?.trim(), t(lang, "problem-not_found"));
    await check(page, `${locale}-no-such-page`);
    await context.close();
  }
});

test("errors are shown beside their fields and summarised", async () => {
  const context = await phone(browser, "es-MX");
  const page = await context.newPage();
  await visit(page, "/register");
  await page.fill("#email", "nope");
  await page.fill("#password", "short");
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/register"),
    page.click("main button[type=submit]"),
  ]);
  assert.equal(answer.status(), 422, "a form with errors is answered 422, not accepted");
  await page.waitForSelector(".error-summary");
  await expectPage(page, { path: "/register", lang: "es", h1: t("es", "register-title") });
  // Each field with a problem: its message in the summary, linking to the field, and beside it.
  const expected = { full_name: "error-full-name-required", email: "error-email-invalid", password: "error-password-too-short" };
  const summary = await page.locator(".error-summary li a").evaluateAll((links) => links.map((a) => [a.getAttribute("href"), a.textContent.trim()]));
  assert.deepEqual(summary.sort(), Object.entries(expected).map(([field, id]) => [`#${field}`, t("es", id)]).sort());
  assert.match(await page.textContent(".error-summary"), /12 caracteres/);
  for (const [field, id] of Object.entries(expected)) {
    assert.equal((await page.textContent(`#${field}-error`))?.trim(), t("es", id), `the message beside #${field}`);
    assert.equal(await page.getAttribute(`#${field}`, "aria-invalid"), "true", `#${field} is marked invalid`);
    assert.match(await page.getAttribute(`#${field}`, "aria-describedby"), new RegExp(`(^| )${field}-error( |$)`), `#${field} is described by its message`);
  }
  await check(page, "register-errors-es");
  await context.close();
});

test("the axe check itself catches a real violation", async () => {
  const context = await phone(browser);
  const page = await context.newPage();
  await visit(page, "/sign-in");
  // Break the page on purpose (through DevTools; the page's CSP forbids inline script).
  const cdp = await context.newCDPSession(page);
  await cdp.send("Runtime.evaluate", { expression: "document.querySelector('label[for=email]').remove()" });
  const violations = await axeViolations(page);
  const label = violations.find((v) => v.id === "label");
  assert.deepEqual(label?.target, ["#email"], `the unlabelled #email is found: ${JSON.stringify(violations)}`);
  await context.close();
});

// Words of our English interface; none may appear on a page shown in another language.
const ENGLISH_UI = /\b(Sign in|Sign out|Create an account|Password|Email address|Full name|Your dashboard|Entry requirements|There is a problem|Confirm email address|Send a new code|Language)\b/;

test("a Haitian Creole speaker reaches the dashboard without meeting an English word", async () => {
  const context = await phone(browser, "ht-HT");
  const page = await context.newPage();
  const email = `jean${Date.now()}@example.org`;
  const name = "Jean Baptiste";
  const visible = async () => (await page.innerText("body")).replace(/English/g, "");
  // Each step is checked to be the right page in Creole first: an empty or error page has no
  // English words either.
  await visit(page, "/");
  await expectPage(page, { path: "/", lang: "ht", ...publicPage("ht", "/") });
  assert.doesNotMatch(await visible(), ENGLISH_UI);
  await visit(page, "/register");
  await expectPage(page, { path: "/register", lang: "ht", ...publicPage("ht", "/register") });
  assert.doesNotMatch(await visible(), ENGLISH_UI);
  await page.fill("#full_name", name);
  await page.fill("#email", email);
  await page.fill("#password", "yon chemen long nan mòn yo");
  await page.click("main button[type=submit]");
  await landOn(page, verifyPath(email));
  await expectPage(page, { path: verifyPath(email), lang: "ht", h1: t("ht", "verify-title") });
  assert.doesNotMatch(await visible(), ENGLISH_UI);
  await page.fill("#code", await puerta.codeFor(email));
  await page.click("main form:not(.secondary) button[type=submit]");
  await landOn(page, "/sign-in?notice=verify-done");
  await expectPage(page, { path: "/sign-in?notice=verify-done", lang: "ht", h1: t("ht", "sign-in-title"), notice: t("ht", "verify-done") });
  assert.doesNotMatch(await visible(), ENGLISH_UI);
  await page.fill("#email", email);
  await page.fill("#password", "yon chemen long nan mòn yo");
  await page.click("main button[type=submit]");
  await landOn(page, "/dashboard");
  await expectPage(page, { path: "/dashboard", lang: "ht", h1: t("ht", "dashboard-title", { name }) });
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
      // The real page, not a short error page that would fit anywhere.
      await visit(page, path);
      await expectPage(page, { path, lang: "es", ...publicPage("es", path) });
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
  await visit(page, "/sign-in");
  await expectPage(page, { path: "/sign-in", lang: "es", h1: t("es", "sign-in-title") });
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("main button[type=submit]");
  // Signed in, a person's own language wins over the browser's, and `puerta user create` gives
  // the account English: so the staff pages below are in English in this Spanish browser.
  const lang = "en";
  // Staff start at the staff home, which first sends them to set up a second factor.
  await landOn(page, "/account/two-step?notice=staff-mfa-needed");
  await expectPage(page, { path: "/account/two-step?notice=staff-mfa-needed", lang, h1: t(lang, "totp-title"), notice: t(lang, "staff-mfa-needed") });
  await check(page, "staff-two-step-es");
  const secret = (await page.textContent(".secret")).trim();
  await page.fill("#password", password);
  await page.fill("#code", totp(secret));
  await page.click("form[action='/account/two-step'] button[type=submit]");
  await page.waitForSelector(".codes");
  await expectPage(page, { path: "/account/two-step", lang, h1: t(lang, "totp-recovery-title"), notice: t(lang, "totp-enabled") });
  assert.equal(await page.locator(".codes li").count(), 10);
  await check(page, "staff-recovery-codes-es");
  // Reachable means the page itself: HTTP 200 under its own heading, not a 403 page at that address.
  for (const [path, name, h1] of [["/staff", "staff-home", "staff-title"], ["/admin/users", "admin-users", "admin-users-title"], ["/admin/audit", "admin-audit", "admin-audit-title"], ["/admin/deliveries", "admin-deliveries", "admin-deliveries-title"], ["/admin/entry-requirements/on-the-day?lang=es", "admin-editor", "admin-content-title"], ["/account", "staff-account", "account-title"]]) {
    await visit(page, path);
    await expectPage(page, { path, lang, h1: t(lang, h1) });
    await check(page, `${name}-es`);
  }
  // Preview, then save a new version, as an editor would. The new title differs from the bundled
  // one, so reading it back proves the save.
  const title = "El día de su cita, paso a paso";
  assert.notEqual(entryTitle("es", "on-the-day"), title);
  await visit(page, "/admin/entry-requirements/on-the-day?lang=es");
  await page.fill("#title", title);
  await page.click("button[value=preview]");
  await page.waitForSelector(".preview");
  assert.equal((await page.textContent(".preview h1"))?.trim(), title, "the preview shows the draft");
  await check(page, "admin-editor-preview-es");
  await page.click("button[value=save]");
  await landOn(page, "/entry-requirements/on-the-day?notice=admin-content-saved");
  // Back on the article, in the administrator's own language, whose version did not change.
  await expectPage(page, { path: "/entry-requirements/on-the-day?notice=admin-content-saved", lang, h1: entryTitle(lang, "on-the-day"), notice: t(lang, "admin-content-saved") });
  const answer = await page.request.get(`${puerta.url}/api/v1/entry-requirements/on-the-day?lang=es`);
  assert.equal(answer.status(), 200);
  const saved = await answer.json();
  assert.equal(saved.title, title);
  assert.equal(saved.version, 2);
  await context.close();
  // Published: a Spanish-speaking visitor reads the new version.
  const reader = await phone(browser, "es-MX");
  const readerPage = await reader.newPage();
  await visit(readerPage, "/entry-requirements/on-the-day");
  await expectPage(readerPage, { path: "/entry-requirements/on-the-day", lang: "es", h1: title });
  await reader.close();
});

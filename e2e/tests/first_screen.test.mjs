// The first screen of every traveler page fits a phone, in every language: at 360 × 740 the
// page's own <h1> and its first action are in view before any scrolling, the header is one line
// (site name, language, sign in or out), and its language link leads to every language, each
// named in itself — with JavaScript and without it. axe checks every page on the way.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { axeViolations, launch, phone, shot } from "./browser.mjs";
import { startPuerta } from "./server.mjs";
import { entryTitle, t } from "./strings.mjs";

const SCREEN = { width: 360, height: 740 };
const LOCALES = { en: "en-US", es: "es-MX", ht: "ht-HT", pt: "pt-BR", fr: "fr-FR" };
const NATIVE = { en: "English", es: "Español", ht: "Kreyòl ayisyen", pt: "Português", fr: "Français" };

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

/** Goes to `path`; the answer (after any redirect) must be a 200 page, not an error page. */
async function visit(page, path) {
  const response = await page.goto(`${puerta.url}${path}`);
  assert.equal(response?.status(), 200, `HTTP status of ${path}`);
}

/** Where the page in front of us is: path and query, as the header's way back must keep them. */
function here(page) {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/**
 * What the first screen shows, measured in the page: the boxes of main's <h1>, of its first
 * action (the first visible button, primary link or form field in <main>; on a page without one,
 * its first link), of the header and of each thing on the header's line, and the header's links.
 */
function measure(page) {
  return page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    };
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const main = document.querySelector("main");
    const h1 = main.querySelector("h1");
    const first = (selector) => [...main.querySelectorAll(selector)].find(shown);
    const action = first("button, a.button, input:not([type=hidden]), select, textarea") ?? first("a[href]");
    const language = document.querySelector("header a.lang-link");
    return {
      scrollY: window.scrollY,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      h1: h1 && box(h1),
      action: action && { ...box(action), what: `<${action.localName}> ${action.textContent.trim() || action.id}` },
      header: box(document.querySelector("header")),
      line: [...document.querySelectorAll("header .bar > *")].map(box),
      language: language && { ...box(language), name: language.textContent.trim(), href: language.getAttribute("href") },
    };
  });
}

const inFirstScreen = (b) => b.top >= 0 && b.left >= 0 && b.bottom <= SCREEN.height && b.right <= SCREEN.width;

/**
 * The page in front of us is the right page (address, language, heading), its first screen holds
 * its heading, its first action and a one-line header with the language link, and axe finds
 * nothing. `signedIn` says which of "sign in" and "sign out" the header must offer.
 */
async function checkFirstScreen(page, { lang, h1, signedIn, name, back, axe = true }) {
  const path = here(page);
  assert.equal(await page.getAttribute("html", "lang"), lang, `<html lang> on ${path}`);
  assert.equal((await page.textContent("main h1"))?.trim(), h1, `<h1> on ${path}`);
  const m = await measure(page);
  const where = `${path} in ${lang}`;
  assert.deepEqual(m.viewport, SCREEN, "a 360 × 740 screen");
  assert.equal(m.scrollY, 0, `${where} opens at its top`);
  assert.ok(inFirstScreen(m.h1), `${where}: the <h1> is out of the first screen: ${JSON.stringify(m.h1)}`);
  assert.ok(m.action, `${where} has a first action`);
  assert.ok(inFirstScreen(m.action), `${where}: the first action ${m.action.what} is out of the first screen: ${JSON.stringify(m.action)}`);
  // The header: one line (everything on it starts at the same height), and small.
  assert.equal(m.line.length, 3, `${where}: site name, language, sign in or out`);
  assert.ok(m.line.every((b) => Math.abs(b.top - m.line[0].top) < 1), `${where}: the header is one line: ${JSON.stringify(m.line)}`);
  assert.ok(m.header.height <= 60, `${where}: the header is ${m.header.height}px tall`);
  // The language link: in view, in the page's language, and its way back is this very page.
  assert.ok(m.language && inFirstScreen(m.language), `${where}: the language link is in view`);
  assert.equal(m.language.name, t(lang, "language-switcher-label"), `${where}: the language link's name`);
  const link = new URL(m.language.href, puerta.url);
  assert.equal(link.pathname, "/language", `${where}: the language link leads to the language page`);
  assert.equal(link.searchParams.get("next"), back ?? path, `${where}: the language page comes back here`);
  const session = signedIn ? "header form[action='/sign-out'] button" : "header a[href='/sign-in']";
  assert.equal((await page.textContent(session))?.trim(), t(lang, signedIn ? "nav-sign-out" : "nav-sign-in"), `${where}: sign in or out`);
  if (axe) {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `axe on ${where}: ${JSON.stringify(violations, null, 1)}`);
  }
  if (name) await shot(page, name);
}

/**
 * The language page in front of us lists the five languages, each in itself, `lang` current,
 * and keeps the way back to `from` (also in its own header link).
 */
async function checkLanguagePage(page, lang, signedIn, from, axe = true) {
  const url = new URL(page.url());
  assert.equal(url.pathname, "/language");
  assert.equal(url.searchParams.get("next"), from, "the language page knows the way back");
  await checkFirstScreen(page, { lang, h1: t(lang, "language-title"), signedIn, back: from, axe, name: `first-screen-${lang}-language${signedIn ? "-signed-in" : ""}${axe ? "" : "-no-js"}` });
  assert.equal(await page.inputValue("main form[action='/language'] input[name=next]"), from, "choosing comes back there");
  assert.equal(await page.getAttribute("main a[href]:not(.button)", "href"), from, "so does going back without choosing");
  const choices = await page.locator("main form[action='/language'] button[name=lang]").evaluateAll((buttons) =>
    buttons.map((b) => [b.value, b.textContent.trim(), b.getAttribute("lang"), b.getAttribute("aria-current")]));
  assert.deepEqual(choices, Object.entries(NATIVE).map(([code, name]) => [code, name, code, code === lang ? "true" : null]),
    "each language named in itself, with its own lang attribute, the current one marked");
  assert.equal(await page.getAttribute("header a.lang-link", "aria-current"), "page", "the header says where we are");
}

/**
 * Taps the header's language link (the language page is checked, in the current `lang`), then
 * `code`: the answer is the page we were on.
 */
async function chooseLanguage(page, lang, code, axe) {
  const from = here(page);
  await page.click("header a.lang-link");
  await page.waitForURL((url) => url.pathname === "/language");
  await checkLanguagePage(page, lang, false, from, axe);
  await page.click(`main button[name=lang][value=${code}]`);
  await page.waitForURL(`${puerta.url}${from}`);
}

/** The public traveler pages and the heading each has in `lang`. */
function publicPages(lang) {
  return [
    ["/", t(lang, "home-title")],
    ["/entry-requirements", t(lang, "er-title")],
    ["/entry-requirements/documents-to-bring", entryTitle(lang, "documents-to-bring")],
    ["/entry-requirements/port-sys", entryTitle(lang, "port-sys")],
    ["/register", t(lang, "register-title")],
    ["/sign-in", t(lang, "sign-in-title")],
    ["/forgot-password", t(lang, "forgot-title")],
    ["/reset-password", t(lang, "reset-title")],
    ["/offline", t(lang, "offline-title")],
  ];
}

test("every traveler page's heading and first action fit the first screen of a phone, in every language", async () => {
  for (const [lang, locale] of Object.entries(LOCALES)) {
    const context = await phone(browser, locale);
    const page = await context.newPage();
    await page.setViewportSize(SCREEN);
    for (const [path, h1] of publicPages(lang)) {
      await visit(page, path);
      // A picture of the header signed out (home, sign-in) and signed in (dashboard, account).
      const pictured = { "/": "home", "/sign-in": "sign-in" }[path];
      await checkFirstScreen(page, { lang, h1, signedIn: false, name: pictured && `first-screen-${lang}-${pictured}` });
    }
    await visit(page, "/entry-requirements/port-sys");
    await page.click("header a.lang-link");
    await page.waitForURL((url) => url.pathname === "/language");
    await checkLanguagePage(page, lang, false, "/entry-requirements/port-sys");

    // A traveler registers in this language, confirms the code from the outbox and signs in.
    const email = `first-screen-${lang}-${Date.now()}@example.org`;
    const password = "a long river of stars";
    const fullName = "Ana Pérez";
    await visit(page, "/register");
    await page.fill("#full_name", fullName);
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.selectOption("#language", lang);
    await page.click("main button[type=submit]");
    await page.waitForURL(`${puerta.url}/verify?${new URLSearchParams({ email })}`);
    await checkFirstScreen(page, { lang, h1: t(lang, "verify-title"), signedIn: false });
    await page.fill("#code", await puerta.codeFor(email));
    await page.click("main form:not(.secondary) button[type=submit]");
    await page.waitForURL(`${puerta.url}/sign-in?notice=verify-done`);
    // With the notice banner above the heading, the form still starts in view.
    await checkFirstScreen(page, { lang, h1: t(lang, "sign-in-title"), signedIn: false });
    await page.fill("#email", email);
    await page.fill("#password", password);
    await page.click("main button[type=submit]");
    await page.waitForURL(`${puerta.url}/dashboard`);
    await checkFirstScreen(page, { lang, h1: t(lang, "dashboard-title", { name: fullName }), signedIn: true, name: `first-screen-${lang}-dashboard` });
    await visit(page, "/account");
    await checkFirstScreen(page, { lang, h1: t(lang, "account-title"), signedIn: true, name: `first-screen-${lang}-account` });
    await page.click("header a.lang-link");
    await page.waitForURL((url) => url.pathname === "/language");
    await checkLanguagePage(page, lang, true, "/account");
    await context.close();
  }
});

for (const [javaScriptEnabled, start] of [[true, "en"], [false, "ht"]]) {
  test(`the header's language link leads to every language ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
    const context = await browser.newContext({ viewport: SCREEN, locale: LOCALES[start], javaScriptEnabled, serviceWorkers: "block" });
    const page = await context.newPage();
    let lang = start;
    const pages = publicPages(lang).map(([path]) => path);
    for (const [i, code] of [...Object.keys(LOCALES).filter((c) => c !== start), start].entries()) {
      // A different page each time: the switch comes back to wherever the reader was.
      const path = pages[i % pages.length];
      await visit(page, path);
      // axe needs the page's timers, which do not run without JavaScript; the same pages are
      // checked by axe with JavaScript on (above and in the first test).
      await chooseLanguage(page, lang, code, javaScriptEnabled);
      lang = code;
      const h1 = Object.fromEntries(publicPages(lang))[path];
      await checkFirstScreen(page, { lang, h1, signedIn: false, axe: javaScriptEnabled });
      const cookie = (await context.cookies()).find((c) => c.name === "lang");
      assert.equal(cookie?.value, code, "the choice is kept in the lang cookie");
    }
    await context.close();
  });
}

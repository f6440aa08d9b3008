// Secure messaging and notifications, live, in a phone-sized Chromium. A traveler whose account
// reads Haitian Creole (ht) has sent their advance information; on /messages they write, in
// Creole, a question about their case. An officer, in another browser, finds it in the shared
// inbox, takes it and answers with a ready answer. The traveler's conversation, open all along,
// shows the answer without a reload; their dashboard, open too, counts it; the email about it
// is in Creole. Then an administrator publishes a policy notice and the traveler's open
// Notifications page shows it, again without a reload. A message holding `<script>` reads as
// text everywhere and runs nowhere. axe runs on the messaging and notification pages.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { axeViolations, launch, phone, shot } from "./browser.mjs";
import { startPuerta, totp } from "./server.mjs";
import { t } from "./strings.mjs";

/** Live updates travel over a long-lived stream: each wait on one is generous. */
const LIVE_MS = 30_000;

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

/** axe on the page in front of us (nothing serious or critical may be found), and its picture. */
async function check(page, name) {
  const violations = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(violations, [], `axe on ${name}: ${JSON.stringify(violations, null, 1)}`);
  await shot(page, name);
}

/** Goes to `path`; the answer must be a 200 page, not an error page at that address. */
async function visit(page, path) {
  const response = await page.goto(`${puerta.url}${path}`);
  assert.equal(response?.status(), 200, `HTTP status of ${path}`);
}

/**
 * The page in front of us is exactly `path` (query and all), in `lang`, under its own <h1> and
 * <title>, with `notice` in its banner when one is given. Each is compared whole.
 */
async function expectPage(page, { path, lang, h1, title = h1, notice }) {
  const url = new URL(page.url());
  if (path instanceof RegExp) assert.match(`${url.pathname}${url.search}`, path, "the address");
  else assert.equal(`${url.pathname}${url.search}`, path, "the address");
  assert.equal(await page.getAttribute("html", "lang"), lang, `<html lang> on ${url.pathname}`);
  assert.equal((await page.textContent("h1"))?.trim(), h1, `<h1> on ${url.pathname}`);
  assert.equal(await page.title(), `${title} · ${t(lang, "site-name")}`, `<title> on ${url.pathname}`);
  if (notice !== undefined) assert.equal((await page.textContent(".banner[role=status]"))?.trim(), notice, `notice on ${url.pathname}`);
}

/** Clicks `target` (a selector or a locator) and waits for the navigation it starts to land on `path`. */
async function clickTo(page, target, path) {
  const url = path instanceof RegExp
    ? (u) => path.test(`${u.pathname}${u.search}`)
    : `${puerta.url}${path}`;
  await Promise.all([page.waitForURL(url), typeof target === "string" ? page.click(target) : target.click()]);
}

/** The page's one button named `name` (its whole accessible name). */
const button = (page, name) => page.getByRole("button", { name, exact: true });

/**
 * Runs `navigate` and waits until the page it lands on (at `path`, a RegExp when not known
 * yet) has its live stream open:
 * the server answers the stream only once it listens for what happens next, so nothing that
 * happens from here on can be missed. (Any stream of the page left behind was answered already.)
 */
async function withLiveStream(page, path, navigate) {
  const isOurs = (response) => {
    if (new URL(response.url()).pathname !== "/api/v1/notifications/stream") return false;
    const referer = response.request().headers().referer;
    if (!referer) return true;
    const from = new URL(referer).pathname;
    return path instanceof RegExp ? path.test(from) : from === path;
  };
  const [stream] = await Promise.all([page.waitForResponse(isOurs, { timeout: LIVE_MS }), navigate()]);
  assert.equal(stream.status(), 200, "the live stream opens");
  assert.match(stream.headers()["content-type"] ?? "", /^text\/event-stream/);
}

/** Marks the document in front of us: a reload or a navigation would lose the mark. */
async function mark(page) {
  await page.evaluate(() => { window.__stillTheSamePage = true; });
}
async function assertNotReloaded(page, path) {
  assert.equal(await page.evaluate(() => window.__stillTheSamePage), true, `${path} was not loaded again`);
  assert.equal(new URL(page.url()).pathname, path, "the address did not change");
}

/** No script written in a message ran (each such message sets this flag if it runs). */
async function assertNoScriptRan(page) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, "no script from a message ran");
}

/**
 * A Fluent message whose words depend on `$count` (`{ $count -> [one] … *[other] … }`), as the
 * server says it: the CLDR plural category of the count, else the default variant.
 */
function tCount(lang, id, count) {
  const dir = join(import.meta.dirname, "..", "..", "locales", lang);
  for (const file of readdirSync(dir).filter((n) => n.endsWith(".ftl"))) {
    const text = readFileSync(join(dir, file), "utf8");
    const start = text.indexOf(`\n${id} = { $count ->\n`);
    if (start < 0) continue;
    const block = text.slice(start).split("\n").slice(2);
    const variants = new Map();
    let fallback;
    for (const line of block) {
      const match = line.match(/^\s*(\*?)\[(\w+)\] (.*)$/);
      if (!match) break;
      variants.set(match[2], match[3]);
      if (match[1]) fallback = match[3];
    }
    const words = variants.get(String(count)) ?? variants.get(new Intl.PluralRules(lang).select(count)) ?? fallback;
    return words.replace(/\{ \$count \}/g, String(count));
  }
  throw new Error(`no plural message ${id} in locales/${lang}`);
}

/**
 * The page's badges (`[data-unread=…]`) show `counts` (e.g. `{ messages: 1 }`), in words, all at
 * the same moment: waited for, as the live script updates them. The script sets every badge
 * from one answer of the server, so badges checked together were counted together.
 */
async function badgesShow(page, lang, counts) {
  const wanted = Object.entries(counts).map(([which, n]) => [which, String(n), tCount(lang, "dashboard-unread", n)]);
  try {
    await page.waitForFunction(
      (all) => all.every(([which, n, words]) => {
        const badge = document.querySelector(`[data-unread=${which}]`);
        return badge?.getAttribute("data-count") === n && badge.textContent.trim() === words;
      }),
      wanted, { timeout: LIVE_MS });
  } catch (e) {
    const now = await page.locator("[data-unread]").evaluateAll((badges) => badges.map((b) => `${b.getAttribute("data-unread")}: ${b.getAttribute("data-count")} "${b.textContent.trim()}"`));
    throw new Error(`badges on ${new URL(page.url()).pathname}: wanted ${JSON.stringify(wanted)}, show ${JSON.stringify(now)}`, { cause: e });
  }
}

/** The count a badge shows now. */
async function badgeCount(page, which) {
  return Number(await page.getAttribute(`[data-unread=${which}]`, "data-count"));
}

/** A JSON API call (bearer token when given, no CSRF token for bearer writes): the body. */
async function api(method, path, { token, body, status }) {
  const response = await fetch(`${puerta.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, status, `${method} ${path}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * A staff member created by `puerta user create` signs in and sets up two-step verification,
 * which staff must have before any staff page. Their account is in English.
 */
async function staffSignIn(role, label) {
  const email = `${label}${Date.now()}@example.org`;
  const password = `the ${label} reads every message with care`;
  puerta.createUser(email, role, password);
  const context = await phone(browser, "en-US");
  const page = await context.newPage();
  await visit(page, "/sign-in");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await clickTo(page, "main button[type=submit]", "/account/two-step?notice=staff-mfa-needed");
  const secret = (await page.textContent(".secret")).trim();
  await page.fill("#password", password);
  await page.fill("#code", totp(secret));
  await page.click("form[action='/account/two-step'] button[type=submit]");
  await page.waitForSelector(".codes");
  await expectPage(page, { path: "/account/two-step", lang: "en", h1: t("en", "totp-recovery-title"), notice: t("en", "totp-enabled") });
  return { context, page };
}

/** An administrator for the API: a bearer token of an account with its second factor set up. */
async function adminToken() {
  const email = `admin${Date.now()}@example.org`;
  const password = "the administrator keeps the notices short";
  puerta.createUser(email, "admin", password);
  const { token } = await api("POST", "/api/v1/sessions", { body: { email, password }, status: 201 });
  const { secret } = await api("POST", "/api/v1/me/totp", { token, status: 200 });
  await api("POST", "/api/v1/me/totp/confirm", { token, body: { password, code: totp(secret) }, status: 200 });
  return token;
}

test("a question in Haitian Creole answered by an officer, and a policy notice, shown live", async () => {
  const lang = "ht";
  const email = `marie${Date.now()}@example.org`;
  const password = "yon gwo rivyè plen zetwal";
  const account = "Marie Jean-Baptiste";
  const traveler = { given: "Marie", family: "Jean-Baptiste" };

  // 1. The account (in Creole) and the advance information through the JSON API: one case.
  await api("POST", "/api/v1/accounts", { body: { email, password, full_name: account, language: lang }, status: 202 });
  await api("POST", "/api/v1/accounts/verify", { body: { email, code: await puerta.codeFor(email) }, status: 200 });
  const { token } = await api("POST", "/api/v1/sessions", { body: { email, password }, status: 201 });
  const person = await api("POST", "/api/v1/travelers", {
    token, status: 201,
    body: {
      given_name: traveler.given, family_name: traveler.family, date_of_birth: "1988-06-12", nationality: "HT",
      country_of_birth: "HT", city_of_birth: "Jacmel", country_of_residence: "MX", language: lang,
    },
  });
  const receipt = await api("POST", "/api/v1/applications", {
    token, status: 201,
    body: { traveler_ids: [person.id], us_destination: { line1: "1200 E Elizabeth St", city: "Brownsville", state: "TX", postal_code: "78520" }, port: "BRO" },
  });
  assert.equal(receipt.cases.length, 1);
  const reference = receipt.cases[0].reference_number;
  const grouped = `${reference.slice(0, 3)} ${reference.slice(3, 7)} ${reference.slice(7, 11)} ${reference.slice(11)}`;

  // 2. The traveler signs in on the pages: everything reads Creole.
  const travelerContext = await phone(browser, "fr-HT");
  const messages = await travelerContext.newPage();
  await visit(messages, "/sign-in");
  await messages.fill("#email", email);
  await messages.fill("#password", password);
  await clickTo(messages, "main button[type=submit]", "/dashboard");
  await expectPage(messages, { path: "/dashboard", lang, h1: t(lang, "dashboard-title", { name: account }) });

  // 3. Messages: no conversation yet; the form to write to an officer, with the case to choose.
  await withLiveStream(messages, "/messages", () => visit(messages, "/messages"));
  await expectPage(messages, { path: "/messages", lang, h1: t(lang, "dashboard-messages-title") });
  assert.equal((await messages.textContent("#threads"))?.trim(), t(lang, "msgpage-threads-empty"));
  assert.equal((await messages.textContent("main .banner.warning[role=note]"))?.trim(), t(lang, "msgpage-scam-warning"));
  assert.deepEqual(
    await messages.locator("#case_reference option").evaluateAll((options) => options.map((o) => [o.value, o.textContent.trim()])),
    [["", t(lang, "msgpage-case-none")], [reference, t(lang, "msgpage-case-option", { reference: grouped, name: `${traveler.given} ${traveler.family}` })]],
    "the traveler's one case to choose");
  await check(messages, "messaging-journey-messages-ht");

  // The question, in Creole, about the case. It quotes a text message holding a script: it must
  // read as text on every page, and never run.
  const subject = "Kesyon sou dosye mwen";
  const question = [
    "Bonjou. Mwen voye enfòmasyon davans yo pou tèt mwen. Kilè yon ofisye ap egzamine dosye mwen an?",
    "Mwen resevwa yon mesaj tèks ki di: <script>window.__xss = \"traveler\"</script>",
    "Èske se nou menm ki voye l? Mèsi anpil.",
  ].join("\n");
  await messages.fill("#subject", subject);
  await messages.selectOption("#case_reference", reference);
  await messages.fill("#body", question);
  await withLiveStream(messages, /^\/messages\/[A-Za-z0-9_-]+$/, () => clickTo(messages, button(messages, t(lang, "msgpage-send")), /^\/messages\/[A-Za-z0-9_-]+\?notice=msgpage-notice-sent$/));
  const threadId = new URL(messages.url()).pathname.split("/")[2];
  const threadPath = `/messages/${threadId}`;
  const conversation = messages;
  await expectPage(conversation, { path: `${threadPath}?notice=msgpage-notice-sent`, lang, h1: subject, notice: t(lang, "msgpage-notice-sent") });
  assert.equal((await conversation.textContent("main h1 + p a"))?.trim(), t(lang, "msgpage-about-case", { reference: grouped }));
  const sent = conversation.locator("#messages > li");
  assert.equal(await sent.count(), 1);
  assert.equal(await sent.first().getAttribute("class"), "from-you");
  assert.equal((await sent.first().locator(".message-meta strong").textContent())?.trim(), t(lang, "msgpage-author-you"));
  assert.equal(await sent.first().locator(".message-body").textContent(), question, "the message exactly as written");
  assert.equal(await conversation.locator("#messages script").count(), 0, "a <script> in a message is text, not an element");
  assert.equal(await conversation.getByText('<script>window.__xss = "traveler"</script>').isVisible(), true, "the <script> reads as text");
  await assertNoScriptRan(conversation);
  await check(conversation, "messaging-journey-conversation-ht");
  await mark(conversation);

  // 4. The dashboard, in a second page of the same browser, open before any answer.
  const dashboard = await travelerContext.newPage();
  await withLiveStream(dashboard, "/dashboard", () => visit(dashboard, "/dashboard"));
  await expectPage(dashboard, { path: "/dashboard", lang, h1: t(lang, "dashboard-title", { name: account }) });
  await badgesShow(dashboard, lang, { messages: 0 });
  const unreadBefore = await badgeCount(dashboard, "notifications");
  await mark(dashboard);

  // 5. An officer, in another browser, finds the question in the shared inbox.
  const { context: officerContext, page: officer } = await staffSignIn("officer", "officer");
  await visit(officer, "/staff/messages");
  await expectPage(officer, { path: "/staff/messages", lang: "en", h1: t("en", "staffmsg-inbox-title") });
  assert.equal((await officer.textContent("main h2"))?.trim(), t("en", "staffmsg-tab-unassigned"), "the unassigned ones first");
  const staffThread = `/staff/messages/${threadId}`;
  const row = officer.locator("table.stack tbody tr", { has: officer.locator(`a[href='${staffThread}']`) });
  assert.equal(await row.count(), 1, "the question is in the inbox");
  const cells = (await row.locator("td").allTextContents()).map((s) => s.trim());
  assert.equal(cells[0], subject);
  assert.equal(cells[1], grouped);
  assert.equal(cells[3], t("en", "staffmsg-state-waiting"));
  assert.equal(cells[4], t("en", "bo-holder-nobody"));
  await check(officer, "messaging-journey-staff-inbox");

  await clickTo(officer, row.locator(`a[href='${staffThread}']`), staffThread);
  await expectPage(officer, { path: staffThread, lang: "en", h1: subject });
  const facts = (await officer.locator("dl.summary dd").allTextContents()).map((s) => s.trim());
  assert.deepEqual(facts, [grouped, t("en", "staffmsg-language-ht")]);
  const asked = officer.locator("ol.messages > li .message-body");
  assert.equal(await asked.count(), 1);
  assert.equal(await asked.first().textContent(), question, "the officer reads the question exactly as written");
  assert.equal(await asked.first().getAttribute("lang"), lang, "marked as Creole for screen readers");
  assert.equal(await officer.locator("ol.messages script").count(), 0);
  await assertNoScriptRan(officer);
  assert.equal((await officer.textContent("#holder-title + p"))?.trim(), t("en", "staffmsg-holder-is", { name: t("en", "bo-holder-nobody") }));
  await check(officer, "messaging-journey-staff-thread");

  // Takes it, then answers with the ready answer, written in the traveler's language.
  await clickTo(officer, button(officer, t("en", "staffmsg-take")), `${staffThread}?notice=staffmsg-notice-taken`);
  await expectPage(officer, { path: `${staffThread}?notice=staffmsg-notice-taken`, lang: "en", h1: subject, notice: t("en", "staffmsg-notice-taken") });
  assert.equal((await officer.textContent("#holder-title + p"))?.trim(), t("en", "staffmsg-holder-is", { name: t("en", "bo-holder-you") }));
  await clickTo(officer, officer.getByRole("link", { name: t("en", "reply-template-received-label"), exact: true }), `${staffThread}?template=received#reply-body`);
  const ready = t(lang, "reply-template-received-body");
  assert.equal(await officer.inputValue("#reply-body"), ready, "the ready answer, in Creole, in the answer box");
  const answer = `${ready}\nNou pa janm voye mesaj sa a: <script>window.__xss = "officer"</script>\nPa reponn li.`;
  await officer.fill("#reply-body", answer);
  await clickTo(officer, button(officer, t("en", "staffmsg-reply-submit")), `${staffThread}?notice=staffmsg-notice-sent`);
  await expectPage(officer, { path: `${staffThread}?notice=staffmsg-notice-sent`, lang: "en", h1: subject, notice: t("en", "staffmsg-notice-sent") });

  // 6. The traveler's conversation, open all along, shows the answer: no reload.
  const answered = conversation.locator("#messages > li.from-officer .message-body");
  await answered.waitFor({ state: "attached", timeout: LIVE_MS });
  await assertNotReloaded(conversation, threadPath);
  assert.deepEqual(
    await conversation.locator("#messages > li").evaluateAll((items) => items.map((li) => [li.className, li.querySelector(".message-meta strong").textContent.trim(), li.querySelector(".message-body").textContent])),
    [["from-you", t(lang, "msgpage-author-you"), question], ["from-officer", t(lang, "msgpage-author-officer"), answer]],
    "the question, then the officer's answer, exactly as written");
  assert.equal(await conversation.getByText('<script>window.__xss = "officer"</script>', { exact: false }).isVisible(), true);
  assert.equal(await conversation.locator("#messages script").count(), 0);
  await assertNoScriptRan(conversation);
  // Said to screen readers through the live region.
  await conversation.waitForFunction(
    (words) => document.getElementById("live-status")?.textContent === words,
    t(lang, "msgpage-live-new-message"), { timeout: LIVE_MS });
  await check(conversation, "messaging-journey-conversation-answered-ht");

  // The open dashboard counts the new notification: no reload. (Its message count is not
  // asserted here: the open conversation has just shown the answer, which makes it read.)
  await badgesShow(dashboard, lang, { notifications: unreadBefore + 1 });
  await assertNotReloaded(dashboard, "/dashboard");

  // The email about it is in Creole (the outbox writes UTF-8 bodies as 8bit).
  const mail = await puerta.mailTo(email, `Subject: ${t(lang, "notification-new-message-title")}`);
  assert.ok(mail.includes(t(lang, "notification-new-message-body", { subject })), `the email says, in Creole, which conversation:\n${mail}`);
  assert.ok(mail.includes("Louvri paj Mesaj la pou ou li l."), "an ASCII fragment of the Creole text");
  assert.ok(mail.includes(t(lang, "email-sign-in-to-read")), "and not the message itself");
  assert.ok(!mail.includes("__xss"), "the message's words stay on the site");

  // 7. The conversation is closed; the Notifications page opens. A second answer: the open
  // dashboard now counts a conversation with an answer not yet read, and the inbox lists it.
  await conversation.close();
  const notifications = await travelerContext.newPage();
  await withLiveStream(notifications, "/notifications", () => visit(notifications, "/notifications"));
  await expectPage(notifications, { path: "/notifications", lang, h1: t(lang, "dashboard-notifications-title") });
  await badgesShow(notifications, lang, { notifications: unreadBefore + 1 });
  const newest = notifications.locator("#inbox > li").first();
  assert.equal((await newest.locator(".item-title").textContent())?.trim(), t(lang, "notification-new-message-title"));
  assert.equal((await newest.locator(".message-body").textContent())?.trim(), t(lang, "notification-new-message-body", { subject }));
  await check(notifications, "messaging-journey-notifications-ht");
  const items = notifications.locator("#inbox > li");
  const listed = await items.count();
  await mark(notifications);

  const second = t(lang, "reply-template-status-unchanged-body");
  await visit(officer, staffThread);
  await officer.fill("#reply-body", second);
  await clickTo(officer, button(officer, t("en", "staffmsg-reply-submit")), `${staffThread}?notice=staffmsg-notice-sent`);
  // (Both from one count, taken after this answer: the message count is not one left from before.)
  await badgesShow(dashboard, lang, { messages: 1, notifications: unreadBefore + 2 });
  await assertNotReloaded(dashboard, "/dashboard");
  await badgesShow(notifications, lang, { notifications: unreadBefore + 2 });
  await notifications.waitForFunction((n) => document.querySelectorAll("#inbox > li").length === n, listed + 1, { timeout: LIVE_MS });
  assert.equal((await items.first().locator(".item-title").textContent())?.trim(), t(lang, "notification-new-message-title"));
  await assertNotReloaded(notifications, "/notifications");

  // 8. An administrator publishes a policy notice: the open Notifications page shows it, in
  // Creole, with "Dismiss"; the dashboard counts it. Neither is loaded again.
  const notice = {
    title: { en: "Brownsville closed on Friday", es: "Brownsville cerrado el viernes", ht: "Pò Brownsville fèmen vandredi" },
    body: {
      en: "The port of entry at Brownsville is closed on Friday. Choose another port for your appointment.",
      es: "El puerto de entrada de Brownsville cierra el viernes. Elija otro puerto para su cita.",
      ht: "Pò antre Brownsville la fèmen vandredi. Chwazi yon lòt pò pou randevou ou.",
    },
  };
  const admin = await adminToken();
  await api("POST", "/api/v1/admin/notices", { token: admin, body: { ...notice, audience: { kind: "all" } }, status: 201 });
  const published = items.filter({ has: notifications.getByRole("heading", { name: notice.title.ht, exact: true }) });
  await published.waitFor({ state: "attached", timeout: LIVE_MS });
  await assertNotReloaded(notifications, "/notifications");
  assert.equal(await items.first().evaluate((li, title) => li.querySelector(".item-title").textContent === title, notice.title.ht), true, "newest first");
  assert.equal((await published.locator(".message-body").textContent())?.trim(), notice.body.ht);
  assert.deepEqual((await published.locator(".tag").allTextContents()).map((s) => s.trim()), [t(lang, "notifpage-tag-unread"), t(lang, "notifpage-tag-notice")]);
  assert.equal(await button(published, t(lang, "notifpage-dismiss")).count(), 1);
  await badgesShow(notifications, lang, { notifications: unreadBefore + 3 });
  await badgesShow(dashboard, lang, { messages: 1, notifications: unreadBefore + 3 });
  await assertNotReloaded(dashboard, "/dashboard");
  await check(notifications, "messaging-journey-notifications-notice-ht");

  // Marked read from the entry the live script added (its form works like the others).
  await clickTo(notifications, button(published, t(lang, "notifpage-mark-read")), "/notifications?notice=notifpage-notice-read");
  await expectPage(notifications, { path: "/notifications?notice=notifpage-notice-read", lang, h1: t(lang, "dashboard-notifications-title"), notice: t(lang, "notifpage-notice-read") });
  await badgesShow(notifications, lang, { notifications: unreadBefore + 2 });

  // The dashboard, loaded again, stands the notice until it is dismissed.
  await visit(dashboard, "/dashboard");
  const standing = dashboard.locator("section.notices");
  assert.equal((await standing.locator("h2").textContent())?.trim(), t(lang, "notifpage-standing-title"));
  assert.equal((await standing.locator(".notice h3").textContent())?.trim(), notice.title.ht);
  assert.equal((await standing.locator(".notice .message-body").textContent())?.trim(), notice.body.ht);
  await clickTo(dashboard, button(standing, t(lang, "notifpage-dismiss")), "/dashboard?notice=notifpage-notice-dismissed");
  await expectPage(dashboard, { path: "/dashboard?notice=notifpage-notice-dismissed", lang, h1: t(lang, "dashboard-title", { name: account }), notice: t(lang, "notifpage-notice-dismissed") });
  assert.equal(await dashboard.locator("section.notices").count(), 0, "dismissed");

  await officerContext.close();
  await travelerContext.close();
});

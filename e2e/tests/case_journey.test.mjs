// One traveler's case from start to end, on the pages, in a phone-sized Chromium whose browser
// speaks Spanish (es-MX): register → the application, one question a page → receipt with the
// reference number and its QR code → an officer claims it and asks for a document → the traveler
// uploads a PDF and says they sent everything → the officer denies it → the traveler reads why,
// in Spanish, and appeals → a supervisor grants the appeal → the traveler reads that.
// axe runs on the key pages, and each of them is kept as a screenshot.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { axeViolations, launch, phone, shot } from "./browser.mjs";
import { startPuerta, totp } from "./server.mjs";
import { t } from "./strings.mjs";

const DAY_MS = 24 * 60 * 60 * 1000;

let puerta;
let browser;
let files;

before(async () => {
  puerta = await startPuerta();
  browser = await launch();
  files = mkdtempSync(join(tmpdir(), "puerta-e2e-files-"));
});

after(async () => {
  await browser?.close();
  await puerta?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

/** axe on the page in front of us (it must find nothing), and its picture. */
async function check(page, name) {
  const violations = await axeViolations(page);
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
 * A time as the traveler's pages show it (`format_in_zone` in Spanish, in the account's zone,
 * which is America/Mexico_City unless they change it): `martes 3 de marzo de 2026, 11:30, hora…`.
 */
function whenEs(ms) {
  const format = new Intl.DateTimeFormat("es-MX", {
    timeZone: "America/Mexico_City", weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return `${p.weekday} ${p.day} de ${p.month} de ${p.year}, ${p.hour.padStart(2, "0")}:${p.minute.padStart(2, "0")}, ${t("es", "zone-america-mexico-city")}`;
}

/** A date in UTC as the staff pages show it in English (`format_date`): `March 3, 2026`. */
function dateEn(ms) {
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(new Date(ms));
}

/** The smallest PDF the server's checks accept (as `pdf()` in crates/puerta/tests/api/documents.rs). */
function pdf() {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
  ];
  let text = "%PDF-1.7\n";
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, "0")} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, "latin1");
}

/**
 * A staff member created by `puerta user create` signs in and sets up two-step verification,
 * which staff must have before any staff page. Their account is in English.
 */
async function staffSignIn(role, label) {
  const email = `${label}${Date.now()}@example.org`;
  const password = `the ${label} reads every case with care`;
  puerta.createUser(email, role, password);
  const context = await phone(browser, "es-MX");
  const page = await context.newPage();
  await visit(page, "/sign-in");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await clickTo(page, "main button[type=submit]", "/account/two-step?notice=staff-mfa-needed");
  await expectPage(page, { path: "/account/two-step?notice=staff-mfa-needed", lang: "en", h1: t("en", "totp-title"), notice: t("en", "staff-mfa-needed") });
  const secret = (await page.textContent(".secret")).trim();
  await page.fill("#password", password);
  await page.fill("#code", totp(secret));
  await page.click("form[action='/account/two-step'] button[type=submit]");
  await page.waitForSelector(".codes");
  await expectPage(page, { path: "/account/two-step", lang: "en", h1: t("en", "totp-recovery-title"), notice: t("en", "totp-enabled") });
  return { context, page };
}

/** The traveler's case page, as it must read after a step (its notice, when one is given). */
async function expectCasePage(page, reference, name, notice) {
  const path = notice ? `/cases/${reference}?notice=${notice}` : `/cases/${reference}`;
  await expectPage(page, { path, lang: "es", h1: t("es", "casepage-title", { name }), notice: notice && t("es", notice) });
}

/** The status tag a case page shows (words, not a colour). */
async function tagText(page) {
  return (await page.textContent("main dl.summary .tag"))?.trim();
}

test("a traveler's case, from their profile to a decision and an appeal, all in Spanish", async () => {
  const lang = "es";
  const email = `lucia${Date.now()}@example.org`;
  const password = "un río largo de estrellas";
  const account = "Lucía Hernández";
  const [given, family] = ["Lucía", "Hernández Díaz"];
  const name = `${given} ${family}`;

  // 1. Register in Spanish, verify with the emailed code, sign in.
  const travelerContext = await phone(browser, "es-MX");
  const traveler = await travelerContext.newPage();
  await visit(traveler, "/register");
  await expectPage(traveler, { path: "/register", lang, h1: t(lang, "register-title") });
  await traveler.fill("#full_name", account);
  await traveler.fill("#email", email);
  await traveler.fill("#password", password);
  await traveler.selectOption("#language", "es");
  await clickTo(traveler, "main button[type=submit]", `/verify?${new URLSearchParams({ email })}`);
  await traveler.fill("#code", await puerta.codeFor(email));
  await clickTo(traveler, "main form:not(.secondary) button[type=submit]", "/sign-in?notice=verify-done");
  await traveler.fill("#email", email);
  await traveler.fill("#password", password);
  await clickTo(traveler, "main button[type=submit]", "/dashboard");
  await expectPage(traveler, { path: "/dashboard", lang, h1: t(lang, "dashboard-title", { name: account }) });

  // 2. The application: the task list, a person one question a page, the group's pages.
  await clickTo(traveler, traveler.getByRole("link", { name: t(lang, "apply-dashboard-link"), exact: true }), "/apply");
  await expectPage(traveler, { path: "/apply", lang, h1: t(lang, "apply-title") });
  assert.equal((await traveler.textContent("h2#people + p"))?.trim(), t(lang, "apply-people-empty"));
  await check(traveler, "case-journey-task-list-es");

  await clickTo(traveler, button(traveler, t(lang, "apply-add-person")), /^\/apply\/drafts\/[^/]+\/name$/);
  const draft = new URL(traveler.url()).pathname.split("/")[3];
  const question = async (slug, key) => {
    await expectPage(traveler, { path: `/apply/drafts/${draft}/${slug}`, lang, h1: t(lang, key) });
  };
  const saveAndGoOn = async (next) => {
    await clickTo(traveler, button(traveler, t(lang, "apply-save-continue")), `/apply/drafts/${draft}${next ? `/${next}` : ""}`);
  };

  await question("name", "apply-name-title");
  assert.equal((await traveler.textContent("main .caption"))?.trim(), t(lang, "apply-new-person"));
  await check(traveler, "case-journey-question-name-es");
  await traveler.fill("#given_name", given);
  await traveler.fill("#family_name", family);
  await saveAndGoOn("date-of-birth");

  await question("date-of-birth", "apply-dob-title");
  assert.equal((await traveler.textContent("main .caption"))?.trim(), name, "the caption names the person now");
  await traveler.fill("#birth_day", "14");
  await traveler.fill("#birth_month", "2");
  await traveler.fill("#birth_year", "1991");
  await saveAndGoOn("birth");

  await question("birth", "apply-birth-title");
  await traveler.selectOption("#nationality", "HN");
  await traveler.selectOption("#country_of_birth", "HN");
  await traveler.fill("#city_of_birth", "San Pedro Sula");
  await saveAndGoOn("residence");

  await question("residence", "apply-residence-title");
  await traveler.selectOption("#country_of_residence", "MX");
  await saveAndGoOn("gender");

  await question("gender", "apply-gender-title");
  await traveler.check("input[name=gender][value=female]");
  await saveAndGoOn("language");

  await question("language", "apply-language-title");
  await traveler.check("input[name=language][value=es]");
  await saveAndGoOn("contact");

  // Phone and email are optional: left blank.
  await question("contact", "apply-contact-title");
  await saveAndGoOn("document");

  // An identity document is optional: "no document" is the page's first choice.
  await question("document", "apply-document-title");
  assert.equal(await traveler.inputValue("#document_type"), "");
  await saveAndGoOn(null);

  // The person's answers read back, then saved as a person of the group.
  await expectPage(traveler, { path: `/apply/drafts/${draft}`, lang, h1: t(lang, "apply-person-title") });
  const readBack = Object.fromEntries(await traveler.locator("dl.summary > div").evaluateAll((rows) => rows.map((r) => [r.querySelector("dt").textContent.trim(), r.querySelector("dd").textContent.trim()])));
  assert.equal(readBack[t(lang, "apply-field-given-name")], given);
  assert.equal(readBack[t(lang, "apply-field-family-name")], family);
  assert.equal(readBack[t(lang, "apply-field-dob")], "14 / 2 / 1991");
  assert.equal(readBack[t(lang, "apply-field-city-of-birth")], "San Pedro Sula");
  assert.equal(readBack[t(lang, "apply-field-gender")], t(lang, "gender-female"));
  assert.equal(readBack[t(lang, "apply-field-language")], "Español");
  assert.equal(readBack[t(lang, "apply-field-document")], t(lang, "apply-document-none"));
  await clickTo(traveler, button(traveler, t(lang, "apply-person-save")), "/apply");
  await expectPage(traveler, { path: "/apply", lang, h1: t(lang, "apply-title") });
  assert.equal((await traveler.textContent("ul.task-list li a"))?.trim(), name);
  assert.equal((await traveler.textContent("ul.task-list li .tag"))?.trim(), t(lang, "apply-status-completed"));

  // The one US address of the group.
  await clickTo(traveler, "a[href='/apply/address']", "/apply/address");
  await expectPage(traveler, { path: "/apply/address", lang, h1: t(lang, "apply-address-title") });
  await traveler.fill("#line1", "1200 E Elizabeth St");
  await traveler.fill("#city", "Brownsville");
  await traveler.selectOption("#state", "TX");
  await traveler.fill("#postal_code", "78520");
  await clickTo(traveler, button(traveler, t(lang, "apply-save-continue")), "/apply");

  // The port they plan to use.
  await clickTo(traveler, "a[href='/apply/port']", "/apply/port");
  await expectPage(traveler, { path: "/apply/port", lang, h1: t(lang, "apply-port-title") });
  await traveler.check("input[name=port][value=BRO]");
  await clickTo(traveler, button(traveler, t(lang, "apply-save-continue")), "/apply");
  const groupTasks = await traveler.locator("ul.task-list").nth(1).locator("li .tag").allTextContents();
  assert.deepEqual(groupTasks.map((s) => s.trim()), [t(lang, "apply-status-completed"), t(lang, "apply-status-completed")]);

  // Check the answers, then send.
  await clickTo(traveler, traveler.getByRole("link", { name: t(lang, "apply-check-link"), exact: true }), "/apply/check");
  await expectPage(traveler, { path: "/apply/check", lang, h1: t(lang, "apply-check-title") });
  assert.equal((await traveler.textContent("#people h2"))?.trim(), name);
  assert.equal((await traveler.textContent("h2#address + dl.summary dd"))?.trim(), "1200 E Elizabeth StBrownsville, TX 78520");
  await check(traveler, "case-journey-check-answers-es");
  await clickTo(traveler, button(traveler, t(lang, "apply-submit")), /^\/applications\/[^/]+\/receipt$/);

  // The receipt: the reference number, grouped for reading aloud, and its QR code as SVG.
  await expectPage(traveler, { path: /^\/applications\/[^/]+\/receipt$/, lang, h1: t(lang, "apply-receipt-title") });
  const reference = await traveler.getAttribute(".receipt-line .reference-number", "aria-label");
  assert.match(reference, /^[A-Z0-9]{13}$/, "a reference number");
  const grouped = `${reference.slice(0, 3)} ${reference.slice(3, 7)} ${reference.slice(7, 11)} ${reference.slice(11)}`;
  assert.equal((await traveler.textContent(".receipt-line .reference-number"))?.trim(), grouped);
  assert.equal((await traveler.textContent(".receipt-line h2"))?.trim(), name);
  assert.equal(await traveler.getAttribute(".receipt-line .qr", "aria-label"), t(lang, "apply-receipt-qr", { reference: grouped }));
  assert.equal(await traveler.locator(".receipt-line .qr svg").count(), 1, "the QR code is drawn as SVG");
  await check(traveler, "case-journey-receipt-es");

  // 3. An officer finds the case in the queue, claims it, reviews it and asks for a document.
  const { context: officerContext, page: officer } = await staffSignIn("officer", "officer");
  await visit(officer, "/staff/cases");
  await expectPage(officer, { path: "/staff/cases", lang: "en", h1: t("en", "bo-queue-title") });
  const row = officer.locator("table.stack tbody tr", { has: officer.locator(`a[href='/staff/cases/${reference}']`) });
  assert.equal((await row.locator(".hint").textContent())?.trim(), grouped);
  assert.equal((await row.locator(".tag").textContent())?.trim(), t("en", "casepage-tag-received"));
  await check(officer, "case-journey-staff-queue");
  const staffCase = `/staff/cases/${reference}`;
  const staffTitle = t("en", "bo-case-title", { name });
  await clickTo(officer, row.locator("a"), staffCase);
  await expectPage(officer, { path: staffCase, lang: "en", h1: staffTitle });
  await check(officer, "case-journey-staff-case");

  await clickTo(officer, button(officer, t("en", "bo-claim")), `${staffCase}?notice=bo-notice-claimed`);
  await expectPage(officer, { path: `${staffCase}?notice=bo-notice-claimed`, lang: "en", h1: staffTitle, notice: t("en", "bo-notice-claimed") });
  assert.equal((await officer.textContent("#case-message + p"))?.trim(), t("en", "bo-holder-is", { name: t("en", "bo-holder-you") }));
  await clickTo(officer, button(officer, t("en", "bo-start-review")), `${staffCase}?notice=bo-notice-moved`);
  assert.equal(await tagText(officer), t("en", "casepage-tag-in_review"));

  // Ten days ahead. The officer's due date is a calendar date in UTC; the case is due at its end.
  const dueDay = new Date(Date.now() + 10 * DAY_MS);
  const dueAt = Date.UTC(dueDay.getUTCFullYear(), dueDay.getUTCMonth(), dueDay.getUTCDate()) + DAY_MS;
  const item = "Carta de su empleador en Brownsville";
  await officer.fill("#evidence-items", item);
  await officer.fill("#due-day", String(dueDay.getUTCDate()));
  await officer.fill("#due-month", String(dueDay.getUTCMonth() + 1));
  await officer.fill("#due-year", String(dueDay.getUTCFullYear()));
  await clickTo(officer, button(officer, t("en", "bo-request-submit")), `${staffCase}?notice=bo-notice-evidence-requested`);
  await expectPage(officer, { path: `${staffCase}?notice=bo-notice-evidence-requested`, lang: "en", h1: staffTitle, notice: t("en", "bo-notice-evidence-requested") });
  assert.equal(await tagText(officer), t("en", "casepage-tag-evidence_requested"));
  assert.equal((await officer.textContent("#requests-title + ul.items li ul"))?.trim(), item);
  assert.equal((await officer.textContent("#requests-title + ul.items li > p"))?.trim(), t("en", "bo-request-due", { date: dateEn(dueAt - 1) }));

  // 4. The traveler reads the request, uploads a PDF and says they sent everything.
  const casePath = `/cases/${reference}`;
  await visit(traveler, casePath);
  await expectCasePage(traveler, reference, name);
  assert.equal(await tagText(traveler), t(lang, "casepage-tag-evidence_requested"));
  assert.equal((await traveler.textContent("#evidence-title"))?.trim(), t(lang, "casepage-evidence-title"));
  assert.deepEqual((await traveler.locator("#evidence-title ~ ul li").allTextContents()).map((s) => s.trim()), [item]);
  assert.equal((await traveler.textContent("#evidence-title ~ p strong"))?.trim(), t(lang, "casepage-evidence-due", { time: whenEs(dueAt) }));
  assert.equal((await traveler.textContent("#documents-title + p"))?.trim(), t(lang, "casepage-documents-empty"));
  await check(traveler, "case-journey-case-evidence-es");

  const letter = join(files, "carta.pdf");
  writeFileSync(letter, pdf());
  assert.equal(await traveler.inputValue("#kind"), "evidence", "the kind asked for is chosen already");
  await traveler.setInputFiles("#file", letter);
  await clickTo(traveler, button(traveler, t(lang, "casepage-upload-submit")), `${casePath}?notice=casepage-notice-uploaded`);
  await expectCasePage(traveler, reference, name, "casepage-notice-uploaded");
  const documents = traveler.locator("#documents-title + ul.items li");
  assert.equal(await documents.count(), 1);
  assert.equal((await documents.locator("a").textContent())?.trim(), t(lang, "casepage-kind-evidence"));
  assert.match((await documents.locator(".hint").first().textContent())?.trim(), /^PDF · /);

  await clickTo(traveler, button(traveler, t(lang, "casepage-answer-submit")), `${casePath}?notice=casepage-notice-evidence-sent`);
  await expectCasePage(traveler, reference, name, "casepage-notice-evidence-sent");
  assert.equal(await tagText(traveler), t(lang, "casepage-tag-evidence_received"));
  assert.equal(await traveler.locator("#evidence-title").count(), 0, "the request is answered");

  // 5. The officer resumes the review and denies the case, citing one reason.
  await visit(officer, staffCase);
  assert.equal(await tagText(officer), t("en", "casepage-tag-evidence_received"));
  assert.equal((await officer.locator("#documents-title + ul.items li a").textContent())?.trim(), t("en", "casepage-kind-evidence"));
  await clickTo(officer, button(officer, t("en", "bo-start-review")), `${staffCase}?notice=bo-notice-moved`);
  assert.equal(await tagText(officer), t("en", "casepage-tag-in_review"));
  const narrative = "La carta no dice desde cuándo trabaja usted allí ni cuánto gana.";
  await officer.check("#decide-denied");
  await officer.check("#reason-insufficient_evidence");
  await officer.fill("#decide-narrative", narrative);
  const decidedFrom = Date.now();
  await clickTo(officer, button(officer, t("en", "bo-decide-submit")), `${staffCase}?notice=bo-notice-decided`);
  const decidedBy = Date.now();
  await expectPage(officer, { path: `${staffCase}?notice=bo-notice-decided`, lang: "en", h1: staffTitle, notice: t("en", "bo-notice-decided") });
  assert.equal(await tagText(officer), t("en", "casepage-tag-denied"));

  // 6. The traveler reads the decision in Spanish: the reason, how to appeal and by when.
  await visit(traveler, casePath);
  await expectCasePage(traveler, reference, name);
  assert.equal(await tagText(traveler), t(lang, "casepage-tag-denied"));
  assert.equal((await traveler.textContent("#decision-title"))?.trim(), t(lang, "casepage-decision-denied-title"));
  const decision = traveler.locator("section[aria-labelledby=decision-title]");
  assert.deepEqual((await decision.locator("ul li").allTextContents()).map((s) => s.trim()), [t(lang, "reason-insufficient_evidence")]);
  assert.equal((await decision.locator("h3").nth(1).textContent())?.trim(), t(lang, "casepage-decision-narrative"));
  assert.equal((await decision.locator("h3").nth(1).locator("+ p").textContent())?.trim(), narrative);
  assert.equal((await decision.locator("h3").nth(2).textContent())?.trim(), t(lang, "casepage-appeal-how-title"));
  assert.equal((await decision.locator("h3").nth(2).locator("+ p").textContent())?.trim(), t(lang, "casepage-appeal-how"));
  // The decision's minute is one of those the click spanned; the deadline is 30 days after it.
  const decided = (await decision.locator("p.hint").textContent())?.trim();
  const decidedAt = [decidedFrom, decidedBy].find((ms) => decided === t(lang, "casepage-decision-date", { time: whenEs(ms) }));
  assert.ok(decidedAt !== undefined, `the decision's time (${decided}) is when it was made`);
  assert.equal((await decision.locator("p strong").textContent())?.trim(), t(lang, "casepage-appeal-deadline", { time: whenEs(decidedAt + 30 * DAY_MS) }));
  await check(traveler, "case-journey-case-denied-es");

  const statement = "Trabajo allí desde 2019. Subí mis recibos de pago de los últimos seis meses.";
  await traveler.fill("#statement", statement);
  await clickTo(traveler, button(traveler, t(lang, "casepage-appeal-submit")), `${casePath}?notice=casepage-notice-appealed`);
  await expectCasePage(traveler, reference, name, "casepage-notice-appealed");
  assert.equal(await tagText(traveler), t(lang, "casepage-tag-appeal_received"));
  assert.equal((await traveler.textContent("#your-appeal-title"))?.trim(), t(lang, "casepage-your-appeal-title"));
  assert.equal(await traveler.locator("#statement").count(), 0, "one appeal only");

  // 7. A supervisor, who did not decide the case, grants the appeal.
  const { context: supervisorContext, page: supervisor } = await staffSignIn("supervisor", "supervisor");
  await visit(supervisor, staffCase);
  await expectPage(supervisor, { path: staffCase, lang: "en", h1: staffTitle });
  assert.equal(await tagText(supervisor), t("en", "casepage-tag-appeal_received"));
  assert.equal((await supervisor.locator("#appeal-title ~ h3 + p").first().textContent())?.trim(), statement);
  const because = "Los recibos muestran el empleo. Se anula la negativa.";
  await supervisor.check("#appeal-granted");
  await supervisor.fill("#appeal-narrative", because);
  await clickTo(supervisor, button(supervisor, t("en", "bo-appeal-decide-submit")), `${staffCase}?notice=bo-notice-appeal-decided`);
  await expectPage(supervisor, { path: `${staffCase}?notice=bo-notice-appeal-decided`, lang: "en", h1: staffTitle, notice: t("en", "bo-notice-appeal-decided") });
  assert.equal(await tagText(supervisor), t("en", "casepage-tag-appeal_granted"));

  // 8. The traveler reads that the appeal was granted.
  await visit(traveler, casePath);
  await expectCasePage(traveler, reference, name);
  assert.equal(await tagText(traveler), t(lang, "casepage-tag-appeal_granted"));
  assert.equal((await traveler.textContent("#case-status"))?.trim(), t(lang, "case-status-appeal_granted"));
  const appeal = traveler.locator("section[aria-labelledby=your-appeal-title]");
  assert.equal((await appeal.locator("h3").textContent())?.trim(), t(lang, "casepage-appeal-outcome-title"));
  const paragraphs = (await appeal.locator("p:not(.hint)").allTextContents()).map((s) => s.trim());
  assert.deepEqual(paragraphs, [statement, t(lang, "case-status-appeal_granted"), because]);
  await check(traveler, "case-journey-case-appeal-granted-es");

  await supervisorContext.close();
  await officerContext.close();
  await travelerContext.close();
});

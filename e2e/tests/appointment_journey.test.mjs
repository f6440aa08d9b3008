// An appointment from request to confirmation, on the pages, in a phone-sized Chromium whose
// browser speaks Spanish (es-MX) and whose position is emulated: a group of two set up through
// the API → from Tapachula the request is refused beside the location, the choices kept →
// from Tijuana the request is taken → the operator runs the
// draw with `puerta draw run` and checks it with `puerta draw verify` → the offer, a photo of
// each traveler from the camera input, the confirmation with the location read again → the
// confirmed appointment with its number large and as a QR code → an officer finds the group by
// number and date of birth and records the arrival.
// axe runs on the key pages, and each of them is kept as a screenshot.
import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";
import { after, before, test } from "node:test";

import { axeViolations, launch, phone, shot } from "./browser.mjs";
import { startPuerta, totp } from "./server.mjs";
import { t } from "./strings.mjs";

const TIJUANA = { latitude: 32.5149, longitude: -117.0382, accuracy: 25 };
const TAPACHULA = { latitude: 14.9031, longitude: -92.2575, accuracy: 25 };
/** A confirmation number as shown: 10 Crockford symbols and a check symbol, grouped 4-4-3. */
const NUMBER = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]{3}$/;

let puerta;
let browser;

before(async () => {
  puerta = await startPuerta({
    // Requests are taken all day, and no background draw runs: the test runs the draw itself.
    PUERTA_SCHEDULING__WINDOW_OPENS: "00:00",
    PUERTA_SCHEDULING__WINDOW_CLOSES: "23:59",
    PUERTA_SCHEDULING__SCHEDULER: "false",
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await puerta?.stop();
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

/** Waits until the page's script says it has the position (`.geo-status`), as a person reads it. */
async function located(page) {
  await page.waitForFunction(
    (done) => document.querySelector("form[data-geolocate] .geo-status")?.textContent === done,
    t("es", "appt-location-done"), { timeout: 30_000 });
}

/** The position the page's script put in the form's hidden fields. */
async function sentPosition(page) {
  const value = (name) => page.inputValue(`form[data-geolocate] input[name=${name}]`);
  return { latitude: Number(await value("latitude")), longitude: Number(await value("longitude")), accuracy: Number(await value("accuracy_m")) };
}

/** A JSON API call with the traveler's bearer token (no CSRF token for bearer writes): the body. */
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

/** A small real PNG (RGB, 8 bits, a gradient) as a phone's camera input might send. */
function png(width = 24, height = 32) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, not interlaced
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3); // each row starts with filter type 0
    for (let x = 0; x < width; x++) rows.set([x * 9, y * 7, 90], row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A phone in Mexico whose browser gives this page its (emulated) position. */
async function phoneAt(place) {
  const context = await phone(browser, "es-MX");
  await context.grantPermissions(["geolocation"], { origin: puerta.url });
  await context.setGeolocation(place);
  return context;
}

/** The traveler signs in through the pages; their account reads Spanish. */
async function travelerSignIn(context, email, password) {
  const page = await context.newPage();
  await visit(page, "/sign-in");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await clickTo(page, "main button[type=submit]", "/dashboard");
  return page;
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
  const secret = (await page.textContent(".secret")).trim();
  await page.fill("#password", password);
  await page.fill("#code", totp(secret));
  await page.click("form[action='/account/two-step'] button[type=submit]");
  await page.waitForSelector(".codes");
  await expectPage(page, { path: "/account/two-step", lang: "en", h1: t("en", "totp-recovery-title"), notice: t("en", "totp-enabled") });
  return { context, page };
}

/** A row of a `dl.summary` by its label: the value's text. */
async function summary(page, label) {
  return (await page.locator("dl.summary > div", { has: page.getByText(label, { exact: true }) }).locator("dd").textContent())?.trim();
}

test("an appointment, from the request to the confirmation and the arrival, in Spanish", async () => {
  const lang = "es";
  const email = `rose${Date.now()}@example.org`;
  const password = "a long river of stars";
  const people = [
    { given: "Rose", family: "Joseph", born: "1990-03-01" },
    { given: "Jean", family: "Joseph", born: "1991-03-02" },
  ];

  // 1. The account and the group through the JSON API (the application pages have their own test).
  await api("POST", "/api/v1/accounts", { body: { email, password, full_name: "Rose Joseph", language: "es" }, status: 202 });
  await api("POST", "/api/v1/accounts/verify", { body: { email, code: await puerta.codeFor(email) }, status: 200 });
  const { token } = await api("POST", "/api/v1/sessions", { body: { email, password }, status: 201 });
  const travelerIds = [];
  for (const p of people) {
    const made = await api("POST", "/api/v1/travelers", {
      token, status: 201,
      body: {
        given_name: p.given, family_name: p.family, date_of_birth: p.born, nationality: "HT",
        country_of_birth: "HT", city_of_birth: "Jacmel", country_of_residence: "MX", language: "ht",
      },
    });
    travelerIds.push(made.id);
  }
  await api("POST", "/api/v1/applications", {
    token, status: 201,
    body: { traveler_ids: travelerIds, us_destination: { line1: "1 Main St", city: "San Diego", state: "CA", postal_code: "92101" } },
  });
  const names = people.map((p) => `${p.given} ${p.family}`);

  // 2. From Tapachula, south of the area served: refused beside the location, nothing kept.
  const far = await phoneAt(TAPACHULA);
  const refused = await travelerSignIn(far, email, password);
  await visit(refused, "/appointments");
  await located(refused);
  assert.deepEqual(await sentPosition(refused), TAPACHULA, "the page's script sends the browser's position");
  await refused.selectOption("#port_code", "SYS");
  const [answer] = await Promise.all([refused.waitForNavigation(), button(refused, t(lang, "appt-request-submit")).click()]);
  assert.equal(answer?.status(), 422, "the refusal is the page again, as 422");
  await expectPage(refused, { path: "/appointments", lang, h1: t(lang, "appt-title") });
  const outside = t(lang, "geofence-outside-north-of-19");
  assert.equal((await refused.textContent("#location .error-message"))?.trim(), outside, "the message beside the location");
  assert.deepEqual(
    await refused.locator(".error-summary li a").evaluateAll((links) => links.map((a) => [a.getAttribute("href"), a.textContent.trim()])),
    [["#location", outside]], "the summary leads to the location");
  assert.equal(await refused.inputValue("#port_code"), "SYS", "the chosen port is kept");
  assert.deepEqual(await refused.locator("input[name=traveler]:checked").evaluateAll((boxes) => boxes.map((b) => b.value)), travelerIds);
  assert.equal(await refused.locator("#requests-title").count(), 0, "no request was kept");
  await check(refused, "appointment-journey-refused-es");
  // The refusing page does not read the position again by itself: it offers "Check my location
  // again". The person moves (to Tijuana) and presses it: a fresh reading, not the one refused.
  assert.equal(await button(refused, t(lang, "geofence-retry")).isVisible(), true, "the retry button is shown");
  await far.setGeolocation({ latitude: TIJUANA.latitude, longitude: TIJUANA.longitude, accuracy: TIJUANA.accuracy });
  await button(refused, t(lang, "geofence-retry")).click();
  await located(refused);
  assert.deepEqual(await sentPosition(refused), TIJUANA, "the retry reads where the person is now");
  await far.close();

  // 3. From Tijuana: the request page, then the request for both travelers at San Ysidro.
  const context = await phoneAt(TIJUANA);
  const page = await travelerSignIn(context, email, password);
  await clickTo(page, `main a[href='/appointments']`, "/appointments");
  await expectPage(page, { path: "/appointments", lang, h1: t(lang, "appt-title") });
  assert.equal((await page.textContent("main h1 + p"))?.trim(), t(lang, "appt-free"), "the scam warning under the title");
  assert.deepEqual(
    (await page.locator("#traveler_ids label").allTextContents()).map((s) => s.trim()), names, "both travelers to choose");
  await located(page);
  assert.deepEqual(await sentPosition(page), TIJUANA);
  await check(page, "appointment-journey-request-es");
  await page.selectOption("#port_code", "SYS");
  assert.equal(await page.locator("input[name=traveler]:checked").count(), 2, "both travelers are chosen unless unchecked");
  await clickTo(page, button(page, t(lang, "appt-request-submit")), "/appointments?notice=appt-notice-requested");
  await expectPage(page, { path: "/appointments?notice=appt-notice-requested", lang, h1: t(lang, "appt-title"), notice: t(lang, "appt-notice-requested") });
  const { items } = await api("GET", "/api/v1/appointment-requests", { token, status: 200 });
  assert.equal(items.length, 1, "one request for the group");
  const drawDate = items[0].draw_date;
  assert.match(drawDate, /^\d{4}-\d{2}-\d{2}$/);
  const request = page.locator("section[aria-labelledby=requests-title] ul.items li");
  assert.equal(await request.count(), 1);
  assert.equal((await request.locator(".tag").textContent())?.trim(), t(lang, "appt-request-requested"));
  assert.equal((await request.locator("code.entry").textContent())?.trim(), items[0].entry_id, "the number to find in the published list");

  // 4. The operator runs the draw, and anyone can check it recomputes from its publication.
  const ran = puerta.cli(["draw", "run", "--date", drawDate]);
  assert.match(ran, new RegExp(`the draw of ${drawDate} ran: 1 request\\(s\\), 1 group\\(s\\) placed, 2 place\\(s\\) offered`), ran);
  const verified = puerta.cli(["draw", "verify", "--date", drawDate]);
  assert.match(verified, new RegExp(`the draw of ${drawDate} matches`), verified);

  // 5. The offer: a photo of each traveler, then the confirmation with the position read again.
  await visit(page, "/appointments");
  const offers = page.locator("section[aria-labelledby=offers-title] ul.items li");
  assert.equal(await offers.count(), 1, "the group's one offer");
  assert.equal((await offers.locator(".tag").textContent())?.trim(), t(lang, "appt-tag-offered"));
  assert.equal((await request.locator(".tag").textContent())?.trim(), t(lang, "appt-request-selected"));
  const href = await offers.locator("a").getAttribute("href");
  assert.match(href, /^\/appointments\/[A-Za-z0-9_-]+$/);
  await clickTo(page, offers.locator("a"), href);
  await expectPage(page, { path: href, lang, h1: t(lang, "appt-one-title") });
  assert.equal(await summary(page, t(lang, "appt-status-label")), t(lang, "appt-tag-offered"));
  assert.equal((await page.textContent(".banner.warning p + p"))?.trim(), t(lang, "appt-confirm-intro"));
  await check(page, "appointment-journey-offer-es");

  const picture = png();
  for (const [i, name] of names.entries()) {
    const item = page.locator("#photo ul.items > li", { has: page.getByText(name, { exact: true }) });
    assert.equal((await item.locator(".tag").textContent())?.trim(), t(lang, "appt-photo-missing"), `${name} has no photo yet`);
    const input = item.locator("input[type=file][name=file]");
    assert.equal(await input.getAttribute("capture"), "user", "the phone opens its front camera");
    assert.equal((await item.locator(`label[for='file-${travelerIds[i]}']`).textContent())?.trim(), t(lang, "appt-photo-label", { name }));
    await input.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: picture });
    await clickTo(page, item.locator("button[type=submit]"), `${href}?notice=appt-notice-photo`);
    await expectPage(page, { path: `${href}?notice=appt-notice-photo`, lang, h1: t(lang, "appt-one-title"), notice: t(lang, "appt-notice-photo") });
    const done = page.locator("#photo ul.items > li", { has: page.getByText(name, { exact: true }) });
    assert.equal((await done.locator(".tag").textContent())?.trim(), t(lang, "appt-photo-done"), `${name}'s photo is taken`);
  }
  assert.equal(await page.getByText(t(lang, "appt-confirm-needs-photos"), { exact: true }).count(), 0, "nothing is missing");
  await located(page);
  assert.deepEqual(await sentPosition(page), TIJUANA);
  await clickTo(page, button(page, t(lang, "appt-confirm-submit")), `${href}?notice=appt-notice-confirmed`);

  // The confirmed appointment: the number large and as a QR code, the port's address, the group.
  await expectPage(page, {
    path: `${href}?notice=appt-notice-confirmed`, lang, h1: t(lang, "appt-confirmed-title"),
    notice: t(lang, "appt-notice-confirmed"),
  });
  const number = (await page.textContent(".panel-confirmation .reference-number"))?.trim();
  assert.match(number, NUMBER, "a confirmation number, grouped 4-4-3");
  assert.equal(await page.getAttribute(".qr", "role"), "img");
  assert.equal(await page.getAttribute(".qr", "aria-label"), t(lang, "appt-qr-label"));
  assert.equal(await page.locator(".qr > svg").count(), 1, "the QR code is drawn as inline SVG");
  assert.match(await summary(page, t(lang, "appt-port-label")), /San Ysidro/);
  assert.deepEqual(
    (await page.locator("dl.summary > div", { has: page.getByText(t(lang, "appt-travelers-label"), { exact: true }) }).locator("dd li").allTextContents()).map((s) => s.trim()).sort(),
    [...names].sort(), "both travelers in the appointment");
  assert.equal(await page.locator("form[data-geolocate]").count(), 0, "nothing left to confirm");
  assert.deepEqual(page.viewportSize(), { width: 360, height: 740 });
  await check(page, "appointment-journey-confirmed-es");
  // The list of appointments says it too, with the number.
  await visit(page, "/appointments");
  assert.equal((await offers.locator(".tag").textContent())?.trim(), t(lang, "appt-tag-confirmed"));
  assert.equal((await offers.locator(".reference-number").textContent())?.trim(), number);

  // 6. At the port, an officer finds the group by its number and one date of birth, and records
  // that both arrived.
  const { context: officerContext, page: officer } = await staffSignIn("officer", "officer");
  await visit(officer, "/staff/port-day");
  await expectPage(officer, { path: "/staff/port-day", lang: "en", h1: t("en", "appt-portday-title") });
  await officer.fill("#number", number);
  await officer.fill("#date_of_birth", people[0].born);
  await clickTo(officer, button(officer, t("en", "appt-checkin-find")), /^\/staff\/check-in\?/);
  const query = (p) => Object.fromEntries(new URL(p.url()).searchParams);
  assert.deepEqual(query(officer), { number, birth: people[0].born });
  await expectPage(officer, { path: /^\/staff\/check-in\?/, lang: "en", h1: t("en", "appt-portday-title") });
  assert.equal((await officer.textContent("#arrived_traveler_ids legend .tag"))?.trim(), t("en", "appt-tag-confirmed"));
  const arrivals = officer.locator("#arrived_traveler_ids input[name=arrived]");
  assert.deepEqual((await arrivals.evaluateAll((boxes) => boxes.map((b) => b.value))).sort(), [...travelerIds].sort());
  await check(officer, "appointment-journey-check-in");
  for (const id of travelerIds) await officer.check(`#arrived-${id}`);
  await clickTo(officer, button(officer, t("en", "appt-checkin-submit")), /^\/staff\/check-in\?/);
  // The page after the arrival shows the same group: its number whole (without the dashes, check
  // symbol and all).
  assert.deepEqual(query(officer), { number: number.replaceAll("-", ""), birth: people[0].born, notice: "appt-notice-checked-in" },
    `the address after the check-in keeps the number ${number} (a check symbol * ~ $ = must not be dropped)`);
  await expectPage(officer, { path: /^\/staff\/check-in\?/, lang: "en", h1: t("en", "appt-portday-title"), notice: t("en", "appt-notice-checked-in") });
  assert.equal((await officer.textContent("#arrived_traveler_ids legend .tag"))?.trim(), t("en", "appt-tag-checked_in"));
  assert.deepEqual(
    (await officer.locator("#arrived_traveler_ids label").allTextContents()).map((s) => s.trim().split(" — ").slice(0, 2).join(" — ")).sort(),
    people.map((p) => `${p.given} ${p.family} (${p.born}) — ${t("en", "appt-arrival-arrived")}`).sort());
  await check(officer, "appointment-journey-checked-in");

  // The traveler reads that they arrived.
  await visit(page, "/appointments");
  assert.equal((await offers.locator(".tag").textContent())?.trim(), t(lang, "appt-tag-checked_in"));

  await officerContext.close();
  await context.close();
});

// A shelter's busy network: past the soft limit a form asks for a small proof of work, the
// page's script solves it in Debian's Chromium, and the person sends the form again.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { axeViolations, launch, phone, shot } from "./browser.mjs";
import { startPuerta } from "./server.mjs";
import { t } from "./strings.mjs";

let puerta;
let browser;

before(async () => {
  // Two code requests an hour from one address before the check, so the test stays short.
  puerta = await startPuerta({ PUERTA_PROOF_OF_WORK_AFTER_PER_IP_PER_HOUR: "2", PUERTA_PROOF_OF_WORK_BASE: "20000" });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await puerta?.stop();
});

test("a busy network's form does the check in the browser and then goes through", async () => {
  const context = await phone(browser, "es-MX");
  const page = await context.newPage();
  const ask = async (email) => {
    await page.goto(`${puerta.url}/forgot-password`);
    await page.fill("#email", email);
    const [response] = await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
    return response;
  };
  for (const email of ["uno@example.org", "dos@example.org"]) {
    await ask(email);
    assert.equal(new URL(page.url()).pathname, "/reset-password");
  }
  const busy = await ask("tres@example.org");
  assert.equal(busy.status(), 428);
  assert.ok((await page.textContent(".error-summary")).includes(t("es", "error-proof-required")));
  // The script solves the challenge, fills the hidden field and enables the button.
  await page.waitForFunction((done) => document.querySelector(".proof-status")?.textContent === done,
    t("es", "proof-done"), { timeout: 60_000 });
  assert.ok((await page.inputValue("input[name=altcha]")).length > 20);
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, "busy-network-es");
  const [response] = await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
  assert.equal(response.status(), 200);
  assert.equal(new URL(page.url()).pathname, "/reset-password", "sent with the check done");
  await context.close();
});

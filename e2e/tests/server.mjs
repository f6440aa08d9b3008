// Starts the real `puerta serve` on a free port with a fresh data folder, and reads its outbox.
import { execFileSync, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) from a base32 secret, as an authenticator app does. */
export function totp(secretBase32, now = Date.now()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secretBase32.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, "0");
}

/** `settings`: extra `PUERTA_*` environment variables for this server only. */
export async function startPuerta(settings = {}) {
  const bin = process.env.E2E_PUERTA_BIN ?? resolve(import.meta.dirname, "../../target/debug/puerta");
  const dataDir = mkdtempSync(join(tmpdir(), "puerta-e2e-"));
  // The embedded SQLite default, whatever the surrounding environment says.
  const env = { ...process.env, ...settings, PUERTA_ADDR: "127.0.0.1:0", PUERTA_DATA_DIR: dataDir, PUERTA_LOG_FORMAT: "text" };
  delete env.PUERTA_DATABASE_URL;
  const child = spawn(bin, ["serve"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("puerta did not start within 60 s")), 60_000);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const match = line.match(/listening on (http:\/\/\S+)/);
      if (match) { clearTimeout(timer); ok(match[1]); }
    });
    child.on("exit", (code) => { clearTimeout(timer); fail(new Error(`puerta exited with ${code}`)); });
  });
  return {
    url,
    /** Creates a staff account the way an operator does: `puerta user create … --password-stdin`. */
    createUser(email, role, password) {
      execFileSync(bin, ["user", "create", "--email", email, "--role", role, "--password-stdin"], { env, input: `${password}\n` });
    },
    /** Runs `puerta <args…>` on this server's data, as an operator does (e.g. `draw run`); its stdout. */
    cli(args) {
      return execFileSync(bin, args, { env, encoding: "utf8" });
    },
    /**
     * The 6-digit code in the newest email to `to`. Emails leave through the outbox worker after
     * the request has been answered, so this polls the folder (generous deadline, no fixed wait).
     */
    async codeFor(to) {
      const outbox = join(dataDir, "outbox");
      const read = () => readdirSync(outbox).filter((n) => n.endsWith(".eml")).sort().reverse()
        .map((n) => readFileSync(join(outbox, n), "utf8")).filter((m) => m.includes(`To: ${to}`));
      const deadline = Date.now() + 30_000;
      let mails = read();
      while (mails.length === 0 && Date.now() < deadline) {
        await new Promise((ok) => setTimeout(ok, 50));
        mails = read();
      }
      if (mails.length === 0) throw new Error(`no email to ${to} within 30 s`);
      const body = mails[0].split("\r\n\r\n").slice(1).join("\r\n\r\n");
      const code = body.match(/(?<!\d)\d{6}(?!\d)/);
      if (!code) throw new Error(`no code in ${mails[0]}`);
      return code[0];
    },
    /**
     * The newest email to `to` that holds every one of `texts` (headers and body, read as the
     * UTF-8 the outbox writes: bodies are 8bit, never quoted-printable), polled for like
     * `codeFor`: the whole message as written.
     */
    async mailTo(to, ...texts) {
      const outbox = join(dataDir, "outbox");
      const find = () => readdirSync(outbox).filter((n) => n.endsWith(".eml")).sort().reverse()
        .map((n) => readFileSync(join(outbox, n), "utf8"))
        .find((m) => m.includes(`To: ${to}`) && texts.every((text) => m.includes(text)));
      const deadline = Date.now() + 60_000;
      let mail = find();
      while (mail === undefined && Date.now() < deadline) {
        await new Promise((ok) => setTimeout(ok, 100));
        mail = find();
      }
      if (mail === undefined) throw new Error(`no email to ${to} with ${JSON.stringify(texts)} within 60 s`);
      return mail;
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((ok) => child.on("exit", ok));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

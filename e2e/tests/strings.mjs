// What a page must say, read from the sources the server compiles in: the Fluent files in
// `locales/` and the bundled Entry Requirements in `content/`. The checks compare whole strings,
// so an error page, an empty page or a page in another language cannot pass for the right one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const bundles = new Map();

/** The language code a browser locale is answered in: `es-MX` → `es`. */
export function langOf(locale) {
  return locale.split("-")[0];
}

/** A one-line Fluent message in `lang`, with its `{ $name }` placeables filled from `args`. */
export function t(lang, id, args = {}) {
  if (!bundles.has(lang)) {
    const messages = new Map();
    // Every area's file (main.ftl, cases.ftl, …), as the server's loader reads them.
    const files = readdirSync(join(root, "locales", lang)).filter((n) => n.endsWith(".ftl")).sort();
    for (const file of files) {
      for (const line of readFileSync(join(root, "locales", lang, file), "utf8").split("\n")) {
        const match = line.match(/^([a-z0-9_-]+) = (.+)$/);
        if (match) messages.set(match[1], match[2]);
      }
    }
    bundles.set(lang, messages);
  }
  const text = bundles.get(lang).get(id);
  // A select expression (`{ $count -> …`) spans lines; this reader only knows one-line messages.
  if (text === undefined || text.endsWith("->")) throw new Error(`no one-line message ${id} in locales/${lang}`);
  return text.replace(/\{ \$(\w+) \}/g, (_, name) => {
    if (!(name in args)) throw new Error(`${id} needs $${name}`);
    return String(args[name]);
  });
}

const contentDir = (lang) => join(root, "content", "entry-requirements", lang);

/** The `title:` of a bundled Entry Requirements page, as its page shows it in `lang`. */
export function entryTitle(lang, slug) {
  const head = readFileSync(join(contentDir(lang), `${slug}.md`), "utf8").split("\n\n")[0];
  const title = head.split("\n").find((line) => line.startsWith("title:"));
  if (!title) throw new Error(`content/entry-requirements/${lang}/${slug}.md has no title`);
  return title.slice("title:".length).trim();
}

/** How many Entry Requirements pages are bundled in `lang` (general ones and ports). */
export function entryCount(lang) {
  return readdirSync(contentDir(lang)).filter((name) => name.endsWith(".md")).length;
}

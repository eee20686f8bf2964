/**
 * The spellings a secret takes when something echoes it: URL and form encoding, the JSON
 * escapes other languages write (PHP and Java escape `/` as `\/` and non-ASCII as `\u00e9`),
 * markup escapes, and base64 (standard and URL-safe) at any alignment inside a longer text.
 */

/** A base64 run shorter than this matches ordinary text too often to be worth hiding. */
const MIN_BASE64_CORE = 8;

export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const url = encodeURIComponent(secret);
  forms.add(url);
  forms.add(url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  forms.add(new URLSearchParams({ a: secret }).toString().slice(2));
  for (const json of jsonForms(secret)) {
    forms.add(json);
    forms.add(escapeMarkupLike(json));
  }
  forms.add(escapeMarkupLike(secret));
  for (const core of base64Cores(secret)) forms.add(core);
  return [...forms];
}

function jsonForms(secret: string): string[] {
  const plain = JSON.stringify(secret).slice(1, -1);
  const slash = plain.replace(/\//g, "\\/");
  const ascii = (text: string, upper: boolean) =>
    text.replace(/[\u007f-\uffff]/g, (char) => {
      const hex = char.charCodeAt(0).toString(16).padStart(4, "0");
      return `\\u${upper ? hex.toUpperCase() : hex}`;
    });
  return [
    plain,
    slash,
    ascii(plain, false),
    ascii(plain, true),
    ascii(slash, false),
    ascii(slash, true),
  ];
}

/** What reporters/xml.ts's escapeMarkup makes of the text, with the other common apostrophes. */
function escapeMarkupLike(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Base64 of a text that contains the secret somewhere: whatever precedes it shifts the
 * secret's bytes by 0, 1 or 2 within a 3-byte group. For each shift, the characters that
 * depend on the secret's bytes alone are the same whatever surrounds it.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const cores: string[] = [bytes.toString("base64"), bytes.toString("base64url")];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    const start = shift === 0 ? 0 : 4;
    const whole = Math.floor((shift + bytes.length) / 3) * 4;
    const core = encoded.slice(start, whole);
    if (core.length < MIN_BASE64_CORE) continue;
    cores.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return cores;
}

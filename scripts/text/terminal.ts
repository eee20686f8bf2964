/**
 * Text bound for a terminal with every control character made visible: spec text (titles,
 * paths, descriptions in problem messages) and API answers are third-party data, and a raw
 * ESC or BEL from them could recolour, retitle or clear the user's terminal. Newlines and
 * tabs stay; everything else below U+0020, DEL and the C1 range become `\xNN`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (char) => {
    if (char === "\r") return "\\r";
    return `\\x${char.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`;
  });
}

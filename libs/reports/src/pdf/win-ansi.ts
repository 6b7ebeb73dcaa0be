/** Code points above Latin-1 that WinAnsiEncoding (PDF 32000-1, Annex D.2) still has. */
const WIN_ANSI_EXTRAS = new Set(
  '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split('').map((c) => c.codePointAt(0)),
);

const representable = (code: number): boolean =>
  (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(code);

/**
 * Text the standard 14 PDF fonts can show: they only cover WinAnsiEncoding, and PDFKit writes
 * other characters as garbage. Letters outside it lose their accent (`ő` → `o`, Latin-1 `é` stays, `ł` → `?`),
 * tabs and line breaks become spaces, anything else becomes `?`.
 *
 * @example toWinAnsi('café 支付\n') // 'café ?? '
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (representable(code)) out += char;
    else if (char === '\t' || char === '\n' || char === '\r') out += ' ';
    else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...base].every((c) => representable(c.codePointAt(0)!)) && base ? base : '?';
    }
  }
  return out;
}

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const PDF_TEXT = join(__dirname, '../../../tools/pdf-text.js');

/** The text of a PDF as a reader sees it (pdf.js through pdf-parse, in a child process). */
export function pdfText(pdf: Buffer): string {
  return execFileSync(process.execPath, [PDF_TEXT], { input: pdf, encoding: 'utf8' });
}

#!/usr/bin/env node
// Prints the text of the PDF read on stdin, page after page (pdf-parse, i.e. pdf.js): the tests
// read exported reports back with it instead of poppler's pdftotext binary. It runs as its own
// process because pdf.js loads its worker with a dynamic import(), which jest's module sandbox
// refuses without --experimental-vm-modules.
const { PDFParse } = require('pdf-parse');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  try {
    process.stdout.write((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`pdf-text: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

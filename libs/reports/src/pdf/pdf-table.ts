// The PDFKit namespace types come with the module's declarations.
import type {} from 'pdfkit';
import { toWinAnsi } from './win-ansi';

/** A table column: header text, width in points, alignment. */
export interface PdfColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

const PADDING = 3;
const FONT_SIZE = 8;

/**
 * Draws a table at the current position, row heights fitted to wrapped text, breaking pages
 * between rows and repeating the header on each new page.
 *
 * @example drawTable(doc, [{ header: 'Control', width: 60 }], [['ZT-1']])
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  rows: readonly (readonly string[])[],
): void {
  const left = doc.page.margins.left;
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);

  const rowHeight = (cells: readonly string[], font: string): number => {
    doc.font(font).fontSize(FONT_SIZE);
    return (
      Math.max(
        ...columns.map((c, i) =>
          doc.heightOfString(toWinAnsi(cells[i] ?? ''), { width: c.width - 2 * PADDING }),
        ),
      ) +
      2 * PADDING
    );
  };

  const drawRow = (cells: readonly string[], font: string, shade: boolean): void => {
    const height = rowHeight(cells, font);
    const top = doc.y;
    if (shade) doc.rect(left, top, totalWidth, height).fill('#e8ecf0');
    doc.fillColor('#000000').font(font).fontSize(FONT_SIZE);
    let x = left;
    columns.forEach((column, i) => {
      doc.text(toWinAnsi(cells[i] ?? ''), x + PADDING, top + PADDING, {
        width: column.width - 2 * PADDING,
        align: column.align ?? 'left',
        lineBreak: true,
      });
      x += column.width;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + totalWidth, top + height)
      .lineWidth(0.3)
      .strokeColor('#b0b8c0')
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };

  const header = columns.map((c) => c.header);
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  if (
    doc.y + rowHeight(header, 'Helvetica-Bold') + rowHeight(rows[0] ?? [], 'Helvetica') >
    bottom()
  )
    doc.addPage();
  drawRow(header, 'Helvetica-Bold', true);
  for (const row of rows) {
    if (doc.y + rowHeight(row, 'Helvetica') > bottom()) {
      doc.addPage();
      drawRow(header, 'Helvetica-Bold', true);
    }
    drawRow(row, 'Helvetica', false);
  }
  doc.moveDown(0.8);
}

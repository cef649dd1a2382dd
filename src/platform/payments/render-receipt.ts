import PDFDocument from 'pdfkit';
import type { Locale } from '../http/locale.ts';
import type { ReceiptContent } from './receipt.ts';

const STAMP_RED = '#b00020';

/**
 * Draws a receipt as a tagged PDF in the receipt's language (Letter, standard fonts). Streams are left
 * uncompressed: a receipt is a few kilobytes and its text stays searchable by archiving tools.
 */
export function renderReceiptPdf(content: ReceiptContent, locale: Locale): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 50,
    compress: false,
    tagged: true,
    lang: locale === 'fr' ? 'fr-CA' : 'en-CA',
    displayTitle: true,
    info: { Title: content.title, Author: content.issuer[0] ?? 'Civique', Creator: 'Civique' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;
  const stamp = () => {
    if (!content.stamp) return;
    doc.font('Helvetica-Bold').fontSize(13).fillColor(STAMP_RED).text(content.stamp, { align: 'center' });
    doc.fillColor('black').moveDown(0.5);
  };

  stamp();
  doc.font('Helvetica-Bold').fontSize(18).text(content.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
  for (const line of content.issuer) doc.text(line);
  doc.moveDown(0.6);
  for (const [label, value] of content.meta)
    doc.font('Helvetica-Bold').text(`${label} `, { continued: true }).font('Helvetica').text(value);
  doc.moveDown(0.8);

  const cols = [0, width * 0.55, width * 0.65, width * 0.82].map((x) => x + 50);
  const row = (cells: readonly string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    const heights = cells.map((cell, i) => {
      const x = cols[i] ?? 50;
      const w = (cols[i + 1] ?? width + 50) - x - 6;
      doc.text(cell, x, y, { width: w, align: i === 0 ? 'left' : 'right' });
      return doc.y - y;
    });
    doc.x = 50;
    doc.y = y + Math.max(...heights) + 4;
  };
  row(content.columns, true);
  for (const line of content.lines) row(line);
  doc.moveDown(0.5);
  for (const [label, value, strong] of content.totals) row([label, '', '', value], strong);

  if (content.payments.length) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(content.paymentsTitle, 50);
    doc.font('Helvetica').fontSize(10);
    for (const p of content.payments) doc.text(p, { width });
  }
  if (content.refunds.length) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(content.refundsTitle, 50);
    doc.font('Helvetica').fontSize(10);
    for (const r of content.refunds) doc.text(r, { width });
  }
  doc.moveDown(1.2).fontSize(9).fillColor('#333333').text(content.footer, 50, doc.y, { width });
  doc.fillColor('black').moveDown(0.8);
  stamp();
  doc.end();
  return done;
}

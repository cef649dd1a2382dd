import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatCardNumber } from './card-number.ts';

/** What a printed card shows. */
export interface CardContent {
  holder: string;
  town: string;
  number: string;
  validUntil: string;
  issuedOn: string;
  primaryColor: string;
  locale: 'fr' | 'en';
}

const LABELS = {
  fr: {
    title: 'Carte citoyenne',
    holder: 'Titulaire',
    number: 'Numéro',
    valid: 'Valide jusqu’au',
    issued: 'Émise le',
    note: 'Présentez cette carte (imprimée ou sur votre téléphone) au comptoir des loisirs.',
  },
  en: {
    title: 'Citizen card',
    holder: 'Holder',
    number: 'Number',
    valid: 'Valid until',
    issued: 'Issued on',
    note: 'Show this card (printed or on your phone) at the recreation counter.',
  },
} as const;

function date(day: string, locale: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * A printable card: wallet size (85.6 × 54 mm, ISO/IEC 7810 ID-1) at the top of a Letter page, with
 * the holder, the town, the validity, the number as a Code 128 barcode (counter scanners) and as a QR
 * code (phones and tablets), then the same number in large digits for typing.
 */
export async function renderCardPdf(card: CardContent): Promise<Buffer> {
  const l = LABELS[card.locale];
  const barcode = await bwipjs.toBuffer({
    bcid: 'code128',
    text: card.number,
    scale: 3,
    height: 10,
    includetext: false,
  });
  const qr = await QRCode.toBuffer(card.number, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 40,
    tagged: true,
    lang: card.locale === 'fr' ? 'fr-CA' : 'en-CA',
    displayTitle: true,
    info: { Title: `${l.title} — ${card.holder}`, Author: card.town, Creator: 'Civique' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const mm = 72 / 25.4;
  const x = 40;
  const y = 40;
  const w = 85.6 * mm;
  const h = 54 * mm;
  doc.roundedRect(x, y, w, h, 8).lineWidth(1).stroke('#555555');
  doc.rect(x, y, w, 16 * mm).fill(card.primaryColor);
  doc
    .fillColor('white')
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(card.town, x + 8, y + 8, { width: w - 16 });
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(l.title, x + 8, y + 24, { width: w - 16 });
  doc
    .fillColor('black')
    .font('Helvetica')
    .fontSize(6)
    .text(l.holder, x + 8, y + 16 * mm + 6);
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(card.holder, x + 8, y + 16 * mm + 14, { width: w - 90 });
  doc
    .font('Helvetica')
    .fontSize(6)
    .text(`${l.valid} ${date(card.validUntil, card.locale)}`, x + 8, y + 16 * mm + 30, {
      width: w - 90,
    });
  doc.image(qr, x + w - 70, y + 16 * mm + 4, { width: 62, height: 62 });
  doc.image(barcode, x + 8, y + h - 34, { width: w - 90, height: 22 });
  doc
    .font('Courier-Bold')
    .fontSize(8)
    .text(formatCardNumber(card.number), x + 8, y + h - 10, { width: w - 16 });

  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(l.title, x, y + h + 30);
  doc.font('Helvetica').fontSize(11);
  doc.text(`${l.holder} : ${card.holder}`);
  doc.text(`${l.number} : ${formatCardNumber(card.number)}`);
  doc.text(
    `${l.issued} ${date(card.issuedOn, card.locale)} — ${l.valid} ${date(card.validUntil, card.locale)}`,
  );
  doc.moveDown().text(l.note);
  doc.end();
  return done;
}

import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** What a permit shows, in both languages. */
export interface PermitDocumentContent {
  issuer: string;
  number: string;
  type: { fr: string; en: string };
  address: string | null;
  matricule: string | null;
  lots: string[];
  applicant: string | null;
  description: string;
  conditions: string | null;
  issuedOn: string;
  expiresOn: string | null;
  verificationUrl: string;
}

/**
 * Draws a permit as a tagged bilingual PDF (French first, then English on each line) with its number and a
 * QR code leading to the public verification page.
 */
export async function renderPermitPdf(content: PermitDocumentContent): Promise<Buffer> {
  const qr = await QRCode.toBuffer(content.verificationUrl, {
    type: 'png',
    margin: 1,
    width: 240,
    errorCorrectionLevel: 'M',
  });
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 50,
    compress: false,
    tagged: true,
    lang: 'fr-CA',
    displayTitle: true,
    info: {
      Title: `Permis ${content.number} / Permit ${content.number}`,
      Author: content.issuer,
      Creator: 'Civique',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;
  doc.font('Helvetica').fontSize(11).text(content.issuer);
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(20).text('Permis / Permit');
  doc.font('Helvetica-Bold').fontSize(14).text(`No ${content.number}`);
  doc.moveDown(0.2).font('Helvetica').fontSize(12).text(`${content.type.fr} / ${content.type.en}`);
  doc.image(qr, doc.page.width - 50 - 130, 50, { width: 130 });
  doc.moveDown(1);
  const row = (fr: string, en: string, value: string | null) => {
    if (!value) return;
    doc.font('Helvetica-Bold').fontSize(10).text(`${fr} / ${en} : `, { continued: true, width });
    doc.font('Helvetica').text(value, { width });
    doc.moveDown(0.2);
  };
  row('Adresse des travaux', 'Address of the work', content.address);
  row('Matricule', 'Roll number', content.matricule);
  row('Lot(s)', 'Lot(s)', content.lots.join(', ') || null);
  row('Titulaire', 'Holder', content.applicant);
  row('Délivré le', 'Issued on', content.issuedOn);
  row('Valide jusqu’au', 'Valid until', content.expiresOn);
  if (content.description) {
    doc
      .moveDown(0.5)
      .font('Helvetica-Bold')
      .fontSize(11)
      .text('Description des travaux / Description of the work');
    doc.font('Helvetica').fontSize(10).text(content.description, { width });
  }
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text('Conditions / Conditions');
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(content.conditions ?? 'Aucune condition particulière. / No specific conditions.', { width });
  doc.moveDown(1.2).fontSize(9).fillColor('#333333');
  doc.text(
    'Ce permis doit être affiché sur les lieux des travaux. Vérifiez son authenticité en balayant le code QR ou à l’adresse : / This permit must be posted at the work site. Check that it is genuine by scanning the QR code or at:',
    { width },
  );
  doc
    .fillColor('#0b4f8a')
    .text(content.verificationUrl, { width, link: content.verificationUrl, underline: true });
  doc.fillColor('black');
  doc.end();
  return done;
}

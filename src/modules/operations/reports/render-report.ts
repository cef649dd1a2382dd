import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { ReportData } from './report-data.ts';

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "mars 2026 / March 2026". */
export function periodLabel(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${MONTHS_FR[m - 1]} ${y} / ${MONTHS_EN[m - 1]} ${y}`;
}

const fmt = (v: number | null, digits = 2) =>
  v === null ? '—' : v.toLocaleString('fr-CA', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** The report as a tagged bilingual PDF: French then English on each heading, one block per station. */
export async function renderReportPdf(data: ReportData, issuer: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 50,
    tagged: true,
    lang: 'fr-CA',
    displayTitle: true,
    info: {
      Title: `${data.title.fr} / ${data.title.en} — ${periodLabel(data.period)}`,
      Author: issuer,
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
  doc.font('Helvetica').fontSize(10).text(issuer);
  doc
    .moveDown(0.3)
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(`${data.title.fr} / ${data.title.en}`, { width });
  doc.font('Helvetica').fontSize(12).text(periodLabel(data.period));
  if (data.intro.fr || data.intro.en) {
    doc.moveDown(0.6).fontSize(10).text(data.intro.fr, { width });
    doc.moveDown(0.3).fillColor('#333333').text(data.intro.en, { width }).fillColor('black');
  }
  if (data.compliance) {
    const c = data.compliance;
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text('Conformité (RQEP) / Compliance (RQEP)');
    doc.font('Helvetica').fontSize(10);
    doc.text(`Alarmes / Alarms : ${c.alarms} — Signalements / Reports : ${c.reports}`);
    doc.text(
      `Échantillons bactériologiques / Bacteriological samples : ${c.samplesTaken} / ${c.samplesRequired ?? '—'} requis / required (art. 11) — non conformes / non-compliant : ${c.samplesNonCompliant}`,
      { width },
    );
  }
  for (const s of data.stations) {
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(`${s.code} — ${s.name.fr} / ${s.name.en}`, { width });
    doc.font('Helvetica').fontSize(9);
    if (s.traffic) {
      doc.text(
        `DJMA / AADT : ${fmt(s.traffic.aadt, 0)} — Heure de pointe / Peak hour : ${s.traffic.peakHour ? `${s.traffic.peakHour.volume} veh` : '—'} — V85 : ${fmt(s.traffic.speed85, 1)} km/h — Véhicules lourds / Heavy vehicles : ${s.traffic.heavyShare === null ? '—' : `${fmt(s.traffic.heavyShare * 100, 1)} %`}`,
        { width },
      );
    }
    for (const m of s.measures) {
      doc.moveDown(0.3).font('Helvetica-Bold').text(`${m.name.fr} / ${m.name.en} (${m.unit})`);
      doc
        .font('Helvetica')
        .text(
          `Lectures / Readings : ${m.n} — Moyenne / Mean : ${fmt(m.mean)} — Min : ${fmt(m.min)} — Max : ${fmt(m.max)}${m.code.endsWith('count') || m.code === 'volume' ? ` — Total : ${fmt(m.sum, 0)}` : ''}`,
          { width },
        );
      if (data.sections.includes('chart') && m.days.length > 1) drawChart(doc, m, width);
    }
  }
  doc.end();
  return done;
}

/** A small line chart of the daily means (the XLSX carries the numbers). */
function drawChart(
  doc: PDFKit.PDFDocument,
  m: ReportData['stations'][number]['measures'][number],
  width: number,
) {
  const h = 60;
  if (doc.y > doc.page.height - 130) doc.addPage();
  const x0 = 50;
  const y0 = doc.y + 5;
  const values = m.days.map((d) => d.mean);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  doc.save().lineWidth(0.5).strokeColor('#999999').rect(x0, y0, width, h).stroke();
  doc.strokeColor('#0b4f8a').lineWidth(1.2);
  values.forEach((v, i) => {
    const x = x0 + (i / (values.length - 1)) * width;
    const y = y0 + h - ((v - lo) / span) * h;
    if (i === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  });
  doc.stroke().restore();
  doc.y = y0 + h + 4;
  doc
    .fontSize(7)
    .fillColor('#333333')
    .text(`${fmt(lo)} – ${fmt(hi)} ${m.unit}`, x0, doc.y)
    .fillColor('black')
    .fontSize(9);
}

/** The report as an XLSX workbook: a summary sheet and one sheet of daily values per station. */
export async function renderReportXlsx(data: ReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Civique';
  const summary = workbook.addWorksheet('Sommaire-Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: 'Station', key: 'station', width: 14 },
    { header: 'Mesure / Measure', key: 'measure', width: 30 },
    { header: 'Unité / Unit', key: 'unit', width: 10 },
    { header: 'Lectures / Readings', key: 'n', width: 12 },
    { header: 'Moyenne / Mean', key: 'mean', width: 12 },
    { header: 'Min', key: 'min', width: 10 },
    { header: 'Max', key: 'max', width: 10 },
    { header: 'Total', key: 'sum', width: 12 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const s of data.stations)
    for (const m of s.measures)
      summary.addRow({
        station: s.code,
        measure: `${m.name.fr} / ${m.name.en}`,
        unit: m.unit,
        n: m.n,
        mean: m.mean,
        min: m.min,
        max: m.max,
        sum: m.sum,
      });
  for (const s of data.stations) {
    const sheet = workbook.addWorksheet(s.code.replace(/[\\/?*[\]:]/g, '-').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = [
      { header: 'Date', key: 'date', width: 12 },
      ...s.measures.flatMap((m) => [
        { header: `${m.code} moy./mean (${m.unit})`, key: `${m.code}_mean`, width: 16 },
        { header: `${m.code} min`, key: `${m.code}_min`, width: 10 },
        { header: `${m.code} max`, key: `${m.code}_max`, width: 10 },
      ]),
    ];
    sheet.getRow(1).font = { bold: true };
    const dates = [...new Set(s.measures.flatMap((m) => m.days.map((d) => d.date)))].sort();
    for (const date of dates) {
      const row: Record<string, string | number | null> = { date };
      for (const m of s.measures) {
        const d = m.days.find((x) => x.date === date);
        row[`${m.code}_mean`] = d ? Math.round(d.mean * 1000) / 1000 : null;
        row[`${m.code}_min`] = d?.min ?? null;
        row[`${m.code}_max`] = d?.max ?? null;
      }
      sheet.addRow(row);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

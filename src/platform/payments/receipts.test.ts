import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs, type TestAccount } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { createOrder } from './create-order.ts';
import type { OrderView } from './order-view.ts';
import type { PayResult } from './pay-order.ts';
import { TEST_MODE_STAMP } from './receipt.ts';
import { quebecDay } from './reconciliation.ts';

let ctx: TestContext;
let org: { id: string; nameFr: string; nameEn: string };
let citizen: TestAccount;
let citizenClient: TestClient;
let treasury: TestClient;
let recreation: TestClient;
let sandboxOrder: OrderView;
let cashOrder: OrderView;

/** The text drawn in an uncompressed PDF: each TJ operator's hex strings, decoded from WinAnsi. */
function pdfText(pdf: Buffer): string {
  const decoder = new TextDecoder('windows-1252');
  return [...pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)]
    .map((m) =>
      [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
        .map((h) => decoder.decode(Buffer.from(h[1] ?? '', 'hex')))
        .join(''),
    )
    .join('\n');
}

async function pdf(client: TestClient, url: string) {
  const res = await client.app.inject({
    method: 'GET',
    url,
    headers: { cookie: clientCookie(client), 'accept-language': client.locale },
  });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}
const clientCookie = (client: TestClient) =>
  ['__Host-civique_session', 'civique_session']
    .map((name) => [name, client.cookie(name)] as const)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

beforeAll(async () => {
  ctx = await createTestContext();
  org = await createOrg(ctx.db, { nameFr: 'Ville de Joliette', nameEn: 'City of Joliette' });
  citizen = await createAccount(ctx.db);
  citizenClient = ctx.client();
  await signInAs(ctx.db, citizenClient, citizen);
  const t = await createAccount(ctx.db, { roles: [{ orgId: org.id, role: 'treasury' }] });
  treasury = ctx.client();
  await signInAs(ctx.db, treasury, t);
  const r = await createAccount(ctx.db, { roles: [{ orgId: org.id, role: 'recreation' }] });
  recreation = ctx.client();
  await signInAs(ctx.db, recreation, r);
  await treasury.put(`/api/orgs/${org.id}/payments/settings`, {
    gstNumber: '123456789 RT0001',
    qstNumber: '1234567890 TQ0001',
  });

  const order = await createOrder({
    db: ctx.db,
    orgId: org.id,
    accountId: citizen.id,
    lines: [
      {
        module: 'citizen.testing',
        reference: 'reg-1',
        description: { fr: 'Camp de jour', en: 'Day camp' },
        unitPriceCents: 4500,
        taxCodes: [],
      },
      {
        module: 'transit.fare',
        reference: 'fare-1',
        description: { fr: 'Passage TaxiBus', en: 'TaxiBus fare' },
        unitPriceCents: 1000,
        taxCodes: ['gst', 'qst'],
      },
    ],
  });
  sandboxOrder = (
    await citizenClient.post<PayResult>(`/api/me/orders/${order.id}/pay`, {
      provider: 'sandbox',
      card: { number: '4242424242424242' },
    })
  ).body.order;
  const sale = await recreation.post<OrderView>(`/api/orgs/${org.id}/orders`, {
    customerName: 'Jean Gagnon',
    lines: [
      {
        module: 'citizen.testing',
        reference: 'walk-in',
        description: { fr: 'Bain libre', en: 'Public swim' },
        unitPriceCents: 900,
      },
    ],
  });
  cashOrder = (
    await recreation.post<OrderView>(`/api/orgs/${org.id}/orders/${sale.body.id}/mark-paid`, {
      method: 'cash',
    })
  ).body;
  await treasury.post(`/api/orgs/${org.id}/orders/${sandboxOrder.id}/refunds`, {
    amountCents: 500,
    reason: 'Trajet annulé',
  });
});
afterAll(async () => ctx?.close());

describe('receipts', () => {
  it('prints a French receipt with the tax numbers, taxes, total, method and the test-mode stamp', async () => {
    const res = await pdf(citizenClient, `/api/me/orders/${sandboxOrder.id}/receipt.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toBe(
      `attachment; filename="recu-${sandboxOrder.reference}.pdf"`,
    );
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.body);
    for (const expected of [
      `Reçu — ${sandboxOrder.reference}`,
      'Ville de Joliette',
      'No de TPS : 123456789 RT0001',
      'No de TVQ : 1234567890 TQ0001',
      'Camp de jour (exonéré)',
      'Passage TaxiBus (TPS, TVQ)',
      'TPS (5 %)',
      'TVQ (9,975 %)',
      '56,50 $',
      'Carte •••• 4242',
      'Remboursé',
      'Trajet annulé',
      TEST_MODE_STAMP,
    ])
      expect(text).toContain(expected);
  });

  it('prints the English receipt on request, stamped in both languages', async () => {
    const res = await pdf(citizenClient, `/api/me/orders/${sandboxOrder.id}/receipt.pdf?lang=en`);
    const text = pdfText(res.body);
    expect(text).toContain(`Receipt — ${sandboxOrder.reference}`);
    expect(text).toContain('City of Joliette');
    expect(text).toContain('GST No.: 123456789 RT0001');
    expect(text).toContain('QST (9.975%)');
    expect(text).toContain('$56.50');
    expect(text).toContain('MODE TEST — aucun paiement réel / TEST MODE — no real payment');
  });

  it('prints a counter receipt without any test stamp, for staff (audited)', async () => {
    const res = await pdf(recreation, `/api/orgs/${org.id}/orders/${cashOrder.id}/receipt.pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(res.body);
    expect(text).toContain('Jean Gagnon');
    expect(text).toContain('Comptant');
    expect(text).toContain('au comptoir');
    expect(text).not.toContain('MODE TEST');
  });

  it('gives no receipt before any money was received', async () => {
    const order = await createOrder({
      db: ctx.db,
      orgId: org.id,
      accountId: citizen.id,
      lines: [
        {
          module: 'citizen.testing',
          reference: 'unpaid',
          description: { fr: 'Yoga', en: 'Yoga' },
          unitPriceCents: 100,
        },
      ],
    });
    const res = await citizenClient.get<{ error: { code: string } }>(
      `/api/me/orders/${order.id}/receipt.pdf`,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('payment.no_receipt');
  });
});

describe('reconciliation', () => {
  const today = quebecDay(new Date());
  const url = () => `/api/orgs/${org.id}/payments/reconciliation?from=${today}&to=${today}`;

  it('reports money by day, provider and module, test money apart, every cent in one row', async () => {
    const res = await treasury.get<{
      rows: Array<{
        day: string;
        provider: string;
        module: string;
        testMode: boolean;
        collectedCents: number;
        refundedCents: number;
        netCents: number;
      }>;
      totals: {
        live: { collectedCents: number };
        test: { collectedCents: number; refundedCents: number; netCents: number };
      };
    }>(url());
    expect(res.status).toBe(200);
    const rows = res.body.rows.map((r) => [
      r.day,
      r.provider,
      r.module,
      r.testMode,
      r.collectedCents,
      r.refundedCents,
      r.netCents,
    ]);
    expect(rows).toEqual([
      [today, 'offline', 'citizen.testing', false, 900, 0, 900],
      [today, 'sandbox', 'citizen.testing', true, 4500, 398, 4102],
      [today, 'sandbox', 'transit.fare', true, 1150, 102, 1048],
    ]);
    expect(res.body.totals.live.collectedCents).toBe(900);
    expect(res.body.totals.test).toEqual({ collectedCents: 5650, refundedCents: 500, netCents: 5150 });
  });

  it('exports CSV and XLSX for treasury only', async () => {
    const csv = await treasury.get(`${url()}&format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(csv.headers['content-disposition'])).toBe(
      `attachment; filename="conciliation-${today}-${today}.csv"`,
    );
    expect(csv.text).toContain('Jour,Fournisseur,Module,Mode');
    expect(csv.text).toContain(
      `${today},sandbox,transit.fare,MODE TEST — aucun paiement réel,1,1,11.5,1.02,10.48`,
    );

    const xlsx = await treasury.app.inject({
      method: 'GET',
      url: `${url()}&format=xlsx`,
      headers: { cookie: clientCookie(treasury), 'accept-language': 'en' },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Reconciliation');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Day',
      'Provider',
      'Module',
      'Mode',
      'Payments',
      'Refunds',
      'Collected ($)',
      'Refunded ($)',
      'Net ($)',
    ]);
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      today,
      'offline',
      'citizen.testing',
      'live',
      1,
      0,
      9,
      0,
      9,
    ]);

    expect((await recreation.get(url())).status).toBe(403);
    expect((await citizenClient.get(url())).status).toBe(403);
    const bad = await treasury.get<{ error: { code: string } }>(
      `/api/orgs/${org.id}/payments/reconciliation?from=2026-03-01&to=2025-03-01`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('reconciliation.range_invalid');
  });
});

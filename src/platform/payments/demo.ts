import type { Database } from '../db/client.ts';
import { scopeOf } from '../db/tenancy.ts';
import { registerDemoSeeder } from '../seed/seed-demo.ts';
import { createOrder } from './create-order.ts';
import { paymentSettings, products, type TaxCode } from './schema.ts';

// Demonstration fee catalogues. Municipal services are mostly exempt; a TaxiBus fare is taxable.
const CATALOGUE: Record<
  string,
  Array<{ code: string; module: string; fr: string; en: string; cents: number; taxes: TaxCode[] }>
> = {
  joliette: [
    {
      code: 'CAMP-JOUR-SEMAINE',
      module: 'citizen.activity',
      fr: 'Camp de jour (une semaine)',
      en: 'Day camp (one week)',
      cents: 14500,
      taxes: [],
    },
    {
      code: 'BAIN-LIBRE',
      module: 'citizen.activity',
      fr: 'Bain libre',
      en: 'Public swim',
      cents: 450,
      taxes: [],
    },
    {
      code: 'GLACE-1H',
      module: 'citizen.rental',
      fr: 'Location de glace (1 h)',
      en: 'Ice rental (1 h)',
      cents: 22000,
      taxes: ['gst', 'qst'],
    },
  ],
  'saint-charles-borromee': [
    {
      code: 'SOCCER-U10',
      module: 'citizen.activity',
      fr: 'Soccer U10 (été)',
      en: 'U10 soccer (summer)',
      cents: 9500,
      taxes: [],
    },
  ],
  'riviere-du-loup': [
    {
      code: 'PERMIS-RENOVATION',
      module: 'portal.permit',
      fr: 'Permis de rénovation',
      en: 'Renovation permit',
      cents: 7500,
      taxes: [],
    },
  ],
  victoriaville: [
    {
      code: 'TAXIBUS-PASSAGE',
      module: 'transit.fare',
      fr: 'Passage TaxiBus',
      en: 'TaxiBus fare',
      cents: 350,
      taxes: ['gst', 'qst'],
    },
  ],
};

/** Demo payment settings (fictitious tax numbers), catalogues, and an order for the demo resident to pay in test mode. */
async function seedPayments(
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
): Promise<void> {
  let n = 0;
  const fresh = new Set<string>();
  for (const [slug, items] of Object.entries(CATALOGUE)) {
    const orgId = orgIds.get(slug);
    if (!orgId) continue;
    const scope = scopeOf(orgId);
    n++;
    const inserted = await db
      .insert(paymentSettings)
      .values(scope.rows({ gstNumber: `10000000${n} RT0001`, qstNumber: `100000000${n} TQ0001` }))
      .onConflictDoNothing()
      .returning({ id: paymentSettings.id });
    if (inserted.length === 0) continue;
    fresh.add(slug);
    await db
      .insert(products)
      .values(
        items.map((p) =>
          scope.rows({
            code: p.code,
            module: p.module,
            nameFr: p.fr,
            nameEn: p.en,
            unitPriceCents: p.cents,
            taxCodes: p.taxes,
          }),
        ),
      )
      .onConflictDoNothing();
  }
  const joliette = orgIds.get('joliette');
  const resident = accountIds.get('resident');
  if (joliette && resident && fresh.has('joliette'))
    await createOrder({
      db,
      orgId: joliette,
      accountId: resident,
      allowInstalments: true,
      lines: [
        {
          module: 'citizen.activity',
          reference: 'demo-camp-2026',
          productCode: 'CAMP-JOUR-SEMAINE',
          quantity: 2,
        },
      ],
      source: 'system',
    });
}

registerDemoSeeder(seedPayments);

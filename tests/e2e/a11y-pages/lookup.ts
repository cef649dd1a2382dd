// What the page lists of the accessibility sweep share (tests/e2e/a11y-pages/*.ts): the demonstration
// accounts, the demo towns, and how an entry names who sees a page and fills its parameters from the
// demo data through the API.
import type { APIRequestContext } from 'playwright-core';

/** The demonstration accounts the sweep signs in with (`anonymous` signs in with none). */
export const ACCOUNTS = {
  anonymous: undefined,
  resident: 'resident@demo.civique.ca',
  recreation: 'loisirs.joliette@demo.civique.ca',
  jolietteAdmin: 'admin.joliette@demo.civique.ca',
  urbanPlanning: 'urbanisme.rdl@demo.civique.ca',
  casualEmployee: 'rappel.rdl@demo.civique.ca',
  dispatcher: 'repartition.victo@demo.civique.ca',
  driver: 'chauffeur.victo@demo.civique.ca',
  attraction: 'attractivite.kamouraska@demo.civique.ca',
  employer: 'employeur@demo.civique.ca',
  candidate: 'candidate@demo.civique.ca',
  installationAdmin: 'admin@demo.civique.ca',
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export interface Lookup {
  request: APIRequestContext;
  orgId: (slug: string) => string;
}
export interface SweepEntry {
  as: AccountName;
  url: (lookup: Lookup) => Promise<string>;
}

export const JOL = 'joliette';
export const RDL = 'riviere-du-loup';
export const VICTO = 'victoriaville';
export const MRC = 'mrc-kamouraska';
/** A well-formed id that names nothing, for links that only come by e-mail. */
export const UNKNOWN = '00000000-0000-7000-8000-000000000000';

/** The first value of `field` in the first list of objects of an API answer (lists may be nested). */
export async function first(lookup: Lookup, url: string, field = 'id'): Promise<string> {
  const response = await lookup.request.get(url);
  if (!response.ok()) throw new Error(`${url} answered ${response.status()}`);
  const find = (value: unknown): string | undefined => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object' && field in item)
          return String((item as Record<string, unknown>)[field]);
      }
      for (const item of value) {
        const found = find(item);
        if (found) return found;
      }
    } else if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) {
        const found = find(inner);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = find(await response.json());
  if (!found) throw new Error(`no ${field} in the answer of ${url}`);
  return found;
}

export const fixed = (as: AccountName, url: string): SweepEntry => ({ as, url: async () => url });
export const from = (as: AccountName, build: (lookup: Lookup) => Promise<string>): SweepEntry => ({
  as,
  url: build,
});
export const org = (lookup: Lookup, slug: string) => lookup.orgId(slug);

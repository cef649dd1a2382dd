// Who sees each page of the router in the accessibility sweep (tests/e2e/a11y-sweep.ts), and how its
// parameters are filled from the demo data, one list per module in tests/e2e/a11y-pages/. Every route of
// web/src/app/App.tsx needs an entry in one of them: the sweep fails on a route without one, and here on a
// route listed twice. Parameters that only exist in an e-mail (tracking, verification and offer tokens) get
// an unknown value: the page is then swept in the state a wrong or expired link shows.
import { ATTRACTION_PAGES } from './a11y-pages/attraction.ts';
import { CITIZEN_PAGES } from './a11y-pages/citizen.ts';
import type { SweepEntry } from './a11y-pages/lookup.ts';
import { OPERATIONS_PAGES } from './a11y-pages/operations.ts';
import { PLATFORM_PAGES } from './a11y-pages/platform.ts';
import { PORTAL_PAGES } from './a11y-pages/portal.ts';
import { TRANSIT_PAGES } from './a11y-pages/transit.ts';

export { ACCOUNTS, type AccountName } from './a11y-pages/lookup.ts';

const LISTS: Record<string, Record<string, SweepEntry>> = {
  platform: PLATFORM_PAGES,
  citizen: CITIZEN_PAGES,
  portal: PORTAL_PAGES,
  operations: OPERATIONS_PAGES,
  transit: TRANSIT_PAGES,
  attraction: ATTRACTION_PAGES,
};

function merged(): Record<string, SweepEntry> {
  const all: Record<string, SweepEntry> = {};
  const listOf = new Map<string, string>();
  for (const [list, entries] of Object.entries(LISTS)) {
    for (const [path, entry] of Object.entries(entries)) {
      const other = listOf.get(path);
      if (other)
        throw new Error(`${path} is listed in both a11y-pages/${other}.ts and a11y-pages/${list}.ts`);
      listOf.set(path, list);
      all[path] = entry;
    }
  }
  return all;
}

/** Every page of the router: path pattern → who sees it and its address in the demo data. */
export const SWEEP: Record<string, SweepEntry> = merged();

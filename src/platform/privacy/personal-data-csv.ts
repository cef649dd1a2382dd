import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../audit/table-export.ts';
import type { PersonalDataExport } from './export-personal-data.ts';

type Cell = string | number | boolean | null;

function flatten(value: unknown, path: string, into: Array<[string, Cell]>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      flatten(item, `${path}[${i}]`, into);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path ? `${path}.${key}` : key, into);
    return;
  }
  into.push([path, value === undefined ? null : (value as Cell)]);
}

/**
 * The export as one CSV file of `section,field,value` rows: `section` is the top-level part
 * (account, sessions …), `field` the path inside it (`[0].createdAt`, `members[1].givenName`).
 */
export function personalDataCsv(data: PersonalDataExport): string {
  const rows: string[][] = [['section', 'field', 'value']];
  for (const [section, value] of Object.entries(data)) {
    const cells: Array<[string, Cell]> = [];
    if (value !== null && typeof value === 'object') flatten(value, '', cells);
    else cells.push([section, value]);
    for (const [field, cell] of cells) rows.push([section, field, spreadsheetSafe(cell)]);
  }
  return stringify(rows, { bom: true, record_delimiter: 'windows' });
}

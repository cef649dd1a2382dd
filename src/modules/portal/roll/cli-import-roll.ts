// `civique import roll <file> --org <slug> [--json]`: the same importer as the web, from a terminal.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '../../../platform/db/client.ts';
import { renderMessage } from '../../../platform/http/errors.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { importRoll, type RollImportSummary } from './import-roll.ts';
import './messages.ts';

/** The summary a person reads: counts, reasons of refused units (first lines of each), the fault if any. */
export function formatRollSummary(summary: RollImportSummary): string {
  const lines = [
    `Rôle ${summary.municipalityCode ?? '?'} ${summary.year ?? '?'} — ${summary.status === 'active' ? 'importé / imported' : 'ÉCHEC / FAILED'}`,
    `  unités lues / units read:          ${summary.unitsRead}`,
    `  unités importées / imported:       ${summary.unitsImported}`,
    `  unités refusées / rejected:        ${summary.unitsRejected}`,
  ];
  for (const [code, n] of Object.entries(summary.rejectedByReason)) {
    const examples = summary.rejections
      .filter((r) => r.code === code)
      .slice(0, 5)
      .map((r) => `${r.line}${r.field ? ` (${r.field})` : ''}`);
    lines.push(
      `    ${n} × ${renderMessage(code, 'fr', { field: '' }).replace(/ \(\)/, '')} — lignes / lines ${examples.join(', ')}`,
    );
  }
  if (summary.error) {
    const where = summary.error.line
      ? ` (ligne / line ${summary.error.line}${summary.error.column ? `:${summary.error.column}` : ''})`
      : '';
    lines.push(`  erreur / error: ${summary.error.code}${where}: ${summary.error.message}`);
    lines.push('  Rien n’a été importé. / Nothing was imported.');
  }
  return lines.join('\n');
}

/** Runs an import for the CLI; returns the process exit code (0 imported, 1 failed). */
export async function runImportRollCommand(
  db: Database,
  file: string,
  options: { org: string; json?: boolean; progress?: (line: string) => void },
): Promise<{ exitCode: number; output: string }> {
  const org = await getOrganisation({ db, idOrSlug: options.org });
  const size = (await stat(file)).size;
  let lastShown = -1;
  const summary = await importRoll({
    db,
    orgId: org.id,
    source: createReadStream(file, { highWaterMark: 256 * 1024 }),
    fileName: basename(file),
    bytesTotal: size,
    onProgress: ({ bytesRead, unitsRead }) => {
      const percent = size ? Math.floor((bytesRead / size) * 100) : 0;
      if (percent >= lastShown + 10) {
        lastShown = percent;
        options.progress?.(`${percent} % — ${unitsRead} unités / units`);
      }
    },
  });
  const output = options.json
    ? JSON.stringify({
        importId: summary.importId,
        status: summary.status,
        municipalityCode: summary.municipalityCode,
        year: summary.year,
        unitsRead: summary.unitsRead,
        unitsImported: summary.unitsImported,
        unitsRejected: summary.unitsRejected,
        rejectedByReason: summary.rejectedByReason,
        rejections: summary.rejections,
        error: summary.error,
      })
    : formatRollSummary(summary);
  return { exitCode: summary.status === 'active' ? 0 : 1, output };
}

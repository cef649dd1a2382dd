#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command } from 'commander';
import { ENV_VARS, loadConfig } from './config.ts';
import { runImportRollCommand } from './modules/portal/roll/cli-import-roll.ts';
import { parseCordeau } from './modules/transit/dispatch/cordeau-format.ts';
import { formatSummary } from './modules/transit/dispatch/solution.ts';
import { solveDarp } from './modules/transit/dispatch/solve.ts';
import { openDatabase } from './platform/db/client.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { type DemoSignIn, isEmpty, listDemoSignIns, seedDemo } from './platform/seed/seed-demo.ts';
import { type Runtime, startServer, startWorker } from './server.ts';
import './features.ts';

function printSignIns(url: string, signIns: DemoSignIn[]): void {
  const lines = [
    '',
    `Civique est prêt / Civique is ready: ${url}`,
    '',
    'Comptes de démonstration / Demo sign-ins:',
    ...signIns.map(
      (s) =>
        `  • ${s.labelFr} / ${s.labelEn}\n      ${s.email}  —  ${s.password}${s.totpSecret ? `\n      TOTP: ${s.totpSecret}  (code: npm run cli -- totp ${s.email})` : ''}`,
    ),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function onSignals(runtime: Runtime): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await runtime.stop().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const program = new Command()
  .name('civique')
  .description('Civique — hôtel de ville numérique / digital city hall')
  .addHelpText(
    'after',
    `\nEnvironment:\n${ENV_VARS.map((v) => `  ${v.name.padEnd(18)} ${v.en} (default ${v.default})`).join('\n')}`,
  );

program
  .command('serve')
  .description('Start the web server / Démarrer le serveur')
  .option('--demo', 'seed the demonstration data when the database is empty')
  .action(async (options: { demo?: boolean }) => {
    const config = loadConfig();
    let signIns: DemoSignIn[] = [];
    const runtime = await startServer(config, {
      afterMigrate: async ({ database }) => {
        if (!options.demo) return;
        if (await isEmpty(database.db)) await seedDemo(database.db);
        signIns = await listDemoSignIns(database.db);
      },
    });
    onSignals(runtime);
    if (options.demo) printSignIns(config.publicUrl, signIns);
  });

program
  .command('worker')
  .description('Run background jobs / Exécuter les tâches de fond')
  .action(async () => {
    const config = loadConfig();
    if (!config.databaseUrl) {
      process.stderr.write('worker needs DATABASE_URL: in embedded mode, serve runs the jobs itself.\n');
      process.exit(2);
    }
    const runtime = await startWorker(config);
    onSignals(runtime);
    process.stdout.write('worker started\n');
  });

program
  .command('migrate')
  .description('Apply database migrations / Appliquer les migrations')
  .action(async () => {
    const handle = await openDatabase(loadConfig());
    await runMigrations(handle);
    await handle.close();
    process.stdout.write('migrations applied\n');
  });

program
  .command('seed')
  .description('Seed data / Données initiales')
  .option('--demo', 'demonstration organisations, accounts and content')
  .action(async (options: { demo?: boolean }) => {
    if (!options.demo) {
      process.stderr.write('Nothing to seed: use --demo.\n');
      process.exit(2);
    }
    const config = loadConfig();
    const handle = await openDatabase(config);
    await runMigrations(handle);
    await seedDemo(handle.db);
    printSignIns(config.publicUrl, await listDemoSignIns(handle.db));
    await handle.close();
  });

program
  .command('totp')
  .description(
    'Print the current TOTP code of a demonstration account / Code TOTP d’un compte de démonstration',
  )
  .argument('<email>')
  .action(async (email: string) => {
    const config = loadConfig();
    const handle = await openDatabase(config);
    const signIns = await listDemoSignIns(handle.db);
    await handle.close();
    const found = signIns.find((s) => s.email === email && s.totpSecret);
    if (!found?.totpSecret) {
      process.stderr.write('Only demonstration accounts with two-factor authentication are supported.\n');
      process.exit(2);
    }
    const { generate } = await import('otplib');
    process.stdout.write(`${await generate({ secret: found.totpSecret })}\n`);
  });

const darp = program
  .command('darp')
  .description('Dial-a-ride dispatch solver / Répartiteur du transport à la demande');

darp
  .command('solve')
  .description('Solve a Cordeau-format instance / Résoudre une instance au format de Cordeau')
  .argument('<instance-file>')
  .option('--time-limit <seconds>', 'time budget in seconds', '10')
  .option('--seed <n>', 'seed of the search', '1')
  .option('--json', 'print the solution as JSON')
  .action((file: string, options: { timeLimit: string; seed: string; json?: boolean }) => {
    const seconds = Number(options.timeLimit);
    const seed = Number(options.seed);
    if (!(seconds > 0) || !Number.isInteger(seed)) {
      process.stderr.write('--time-limit must be a positive number of seconds and --seed an integer.\n');
      process.exit(2);
    }
    const spec = parseCordeau(readFileSync(file, 'utf8'), basename(file).replace(/\.txt$/, ''));
    const result = solveDarp(spec, { seed, timeLimitMs: seconds * 1000 });
    process.stdout.write(
      options.json ? `${JSON.stringify(result.solution)}\n` : `${formatSummary(result.solution, result)}\n`,
    );
  });

const importCommand = program.command('import').description('Import data / Importer des données');

importCommand
  .command('roll')
  .description('Import an assessment roll (MAMH XML) / Importer un rôle d’évaluation (XML du MAMH)')
  .argument('<file>', 'RLxxxxx_AAAA.xml')
  .requiredOption('--org <slug>', 'organisation slug or id')
  .option('--json', 'print the summary as one JSON object')
  .action(async (file: string, options: { org: string; json?: boolean }) => {
    const handle = await openDatabase(loadConfig());
    await runMigrations(handle);
    try {
      const result = await runImportRollCommand(handle.db, file, {
        ...options,
        progress: options.json ? undefined : (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(`${result.output}\n`);
      process.exitCode = result.exitCode;
    } finally {
      await handle.close();
    }
  });

await program.parseAsync(process.argv);

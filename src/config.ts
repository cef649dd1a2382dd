import { resolve } from 'node:path';

/** Typed configuration read from the environment; the defaults give the embedded mode. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; absent means the embedded PGlite database under dataDir. */
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** Whether cookies carry `Secure` and the `__Host-` prefix (browsers accept both on http://localhost). */
  secureCookies: boolean;
  trustProxy: boolean;
  /** Run the job worker inside the serve process (always true in embedded mode). */
  inProcessWorker: boolean;
  sessionTtlHours: number;
  rateLimitMax: number;
  env: 'development' | 'production' | 'test';
}

/** Every environment variable Civique reads, with its meaning (printed by `--help` and the README). */
export const ENV_VARS: ReadonlyArray<{ name: string; default: string; fr: string; en: string }> = [
  { name: 'PORT', default: '3000', fr: 'Port HTTP', en: 'HTTP port' },
  { name: 'HOST', default: '0.0.0.0', fr: 'Adresse d’écoute', en: 'Listen address' },
  {
    name: 'DATA_DIR',
    default: './data',
    fr: 'Dossier des données (base intégrée, fichiers)',
    en: 'Data folder (embedded database, files)',
  },
  {
    name: 'DATABASE_URL',
    default: '(aucun / none)',
    fr: 'PostgreSQL (postgres://…) au lieu de la base intégrée',
    en: 'PostgreSQL (postgres://…) instead of the embedded database',
  },
  {
    name: 'PUBLIC_URL',
    default: 'http://localhost:PORT',
    fr: 'Adresse publique (liens des courriels)',
    en: 'Public address (links in e-mails)',
  },
  {
    name: 'SMTP_URL',
    default: '(aucun / none)',
    fr: 'Serveur SMTP (smtp://user:pass@host:port); sans lui, boîte d’envoi interne',
    en: 'SMTP server (smtp://user:pass@host:port); without it, the internal outbox',
  },
  {
    name: 'MAIL_FROM',
    default: 'Civique <no-reply@civique.local>',
    fr: 'Expéditeur des courriels',
    en: 'E-mail sender',
  },
  { name: 'LOG_LEVEL', default: 'info', fr: 'Niveau de journalisation', en: 'Log level' },
  {
    name: 'SECURE_COOKIES',
    default: 'true',
    fr: 'Témoins Secure et préfixe __Host- (false seulement derrière http non local)',
    en: 'Secure cookies with the __Host- prefix (false only behind non-local plain http)',
  },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    fr: 'Faire confiance à X-Forwarded-For (derrière un répartiteur)',
    en: 'Trust X-Forwarded-For (behind a load balancer)',
  },
  {
    name: 'IN_PROCESS_WORKER',
    default: 'true',
    fr: 'Exécuter les tâches dans le processus serve (PostgreSQL : false si des workers séparés)',
    en: 'Run jobs inside the serve process (PostgreSQL: false when separate workers run)',
  },
  {
    name: 'SESSION_TTL_HOURS',
    default: '336',
    fr: 'Durée des sessions (heures)',
    en: 'Session lifetime (hours)',
  },
  {
    name: 'RATE_LIMIT_MAX',
    default: '600',
    fr: 'Requêtes par minute et par adresse IP',
    en: 'Requests per minute per IP address',
  },
  { name: 'NODE_ENV', default: 'development', fr: 'Environnement', en: 'Environment' },
];

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int('PORT', env.PORT, 3000);
  const nodeEnv = env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development';
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Civique <no-reply@civique.local>',
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    secureCookies: bool(env.SECURE_COOKIES, true),
    trustProxy: bool(env.TRUST_PROXY, false),
    inProcessWorker: databaseUrl ? bool(env.IN_PROCESS_WORKER, true) : true,
    sessionTtlHours: int('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 24 * 14),
    rateLimitMax: int('RATE_LIMIT_MAX', env.RATE_LIMIT_MAX, 600),
    env: nodeEnv,
  };
}

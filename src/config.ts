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
  /** Map tiles: a URL template (`https://…/{z}/{x}/{y}.png`); absent means maps drawn on a plain background. */
  map: { tileUrl: string | undefined; attribution: string | undefined };
  /** OSRM server for on-demand transit travel times; absent means straight-line distance × detour factor. */
  osrmUrl: string | undefined;
  /** Largest accepted upload, in bytes. */
  uploadMaxBytes: number;
  /** clamd to scan uploads with; absent means uploads are stored unscanned. */
  clamav: { host: string; port: number } | undefined;
  /** S3-compatible storage for files; absent means local disk under dataDir/files. */
  s3: S3Config | undefined;
  /** The installation's Stripe account; an organisation may set its own keys in its payment settings. */
  stripe: StripeConfig;
  /** A Twilio-compatible text-message provider; absent means text messages land in the outbox. */
  sms: SmsConfig | undefined;
}

/** A Twilio-compatible text-message account. */
export interface SmsConfig {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
}

/** Stripe keys and API address (the address changes only for tests or stripe-mock). */
export interface StripeConfig {
  secretKey: string | undefined;
  webhookSecret: string | undefined;
  publishableKey: string | undefined;
  apiUrl: string | undefined;
}

/** Where files go when an S3-compatible service is configured. */
export interface S3Config {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  forcePathStyle: boolean;
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
  {
    name: 'MAP_TILE_URL',
    default: '(aucun / none)',
    fr: 'Gabarit des tuiles de carte (https://…/{z}/{x}/{y}.png); sans lui, cartes sur fond uni',
    en: 'Map tile URL template (https://…/{z}/{x}/{y}.png); without it, maps on a plain background',
  },
  {
    name: 'MAP_ATTRIBUTION',
    default: '(aucun / none)',
    fr: 'Mention de source des tuiles affichée sur les cartes',
    en: 'Tile source attribution shown on maps',
  },
  {
    name: 'OSRM_URL',
    default: '(aucun / none)',
    fr: 'Serveur OSRM (services table et route) pour les temps de parcours du transport à la demande; sans lui, distance à vol d’oiseau × facteur de détour',
    en: 'OSRM server (table and route services) for on-demand transit travel times; without it, straight-line distance × detour factor',
  },
  {
    name: 'UPLOAD_MAX_BYTES',
    default: '10485760',
    fr: 'Taille maximale d’un fichier déposé (octets)',
    en: 'Largest file upload (bytes)',
  },
  {
    name: 'CLAMAV_HOST',
    default: '(aucun / none)',
    fr: 'Hôte clamd pour l’analyse antivirus des fichiers déposés; sans lui, pas d’analyse',
    en: 'clamd host to virus-scan uploads; without it, no scan',
  },
  { name: 'CLAMAV_PORT', default: '3310', fr: 'Port TCP de clamd', en: 'clamd TCP port' },
  {
    name: 'S3_ENDPOINT',
    default: '(aucun / none)',
    fr: 'Stockage compatible S3 (https://…) au lieu du disque local; avec S3_BUCKET et les clés',
    en: 'S3-compatible storage (https://…) instead of local disk; with S3_BUCKET and the keys',
  },
  { name: 'S3_BUCKET', default: '(aucun / none)', fr: 'Compartiment S3', en: 'S3 bucket' },
  { name: 'S3_ACCESS_KEY_ID', default: '(aucun / none)', fr: 'Clé d’accès S3', en: 'S3 access key id' },
  {
    name: 'S3_SECRET_ACCESS_KEY',
    default: '(aucun / none)',
    fr: 'Clé secrète S3',
    en: 'S3 secret access key',
  },
  { name: 'S3_REGION', default: 'us-east-1', fr: 'Région S3', en: 'S3 region' },
  {
    name: 'S3_FORCE_PATH_STYLE',
    default: 'true',
    fr: 'Adresses S3 de style chemin (/compartiment/clé), requises par la plupart des services compatibles',
    en: 'Path-style S3 addresses (/bucket/key), needed by most compatible services',
  },
  {
    name: 'STRIPE_SECRET_KEY',
    default: '(aucun / none)',
    fr: 'Clé secrète Stripe (sk_live_… ou sk_test_…); sans elle, paiements en mode test (bac à sable) et au comptoir',
    en: 'Stripe secret key (sk_live_… or sk_test_…); without it, test-mode (sandbox) and counter payments only',
  },
  {
    name: 'STRIPE_WEBHOOK_SECRET',
    default: '(aucun / none)',
    fr: 'Secret de signature des webhooks Stripe (whsec_…) pour /api/payments/webhooks/stripe/:orgId',
    en: 'Stripe webhook signing secret (whsec_…) for /api/payments/webhooks/stripe/:orgId',
  },
  {
    name: 'STRIPE_PUBLISHABLE_KEY',
    default: '(aucun / none)',
    fr: 'Clé publiable Stripe (pk_…) transmise au navigateur',
    en: 'Stripe publishable key (pk_…) given to the browser',
  },
  {
    name: 'STRIPE_API_URL',
    default: 'https://api.stripe.com',
    fr: 'Adresse de l’API Stripe (à changer seulement pour stripe-mock ou les tests)',
    en: 'Stripe API address (change only for stripe-mock or tests)',
  },
  {
    name: 'SMS_API_URL',
    default: 'https://api.twilio.com',
    fr: 'Adresse de l’API de textos compatible Twilio',
    en: 'Twilio-compatible text-message API address',
  },
  {
    name: 'SMS_ACCOUNT_SID',
    default: '(aucun / none)',
    fr: 'Identifiant du compte de textos (avec SMS_AUTH_TOKEN et SMS_FROM); sans lui, textos dans la boîte d’envoi interne',
    en: 'Text-message account SID (with SMS_AUTH_TOKEN and SMS_FROM); without it, text messages stay in the internal outbox',
  },
  {
    name: 'SMS_AUTH_TOKEN',
    default: '(aucun / none)',
    fr: 'Jeton du compte de textos (authentifie les envois et signe les rapports de livraison)',
    en: 'Text-message auth token (authenticates sends and signs delivery reports)',
  },
  {
    name: 'SMS_FROM',
    default: '(aucun / none)',
    fr: 'Numéro expéditeur des textos (+15555550100)',
    en: 'Text-message sender number (+15555550100)',
  },
];

function smsConfig(env: NodeJS.ProcessEnv): SmsConfig | undefined {
  const names = ['SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM'] as const;
  const given = names.filter((n) => env[n]);
  if (given.length === 0) return undefined;
  // Half a configuration would silently keep text messages in the outbox: refuse to start instead.
  if (given.length < names.length) {
    throw new Error(
      `Text messages need ${names.join(', ')}; missing: ${names.filter((n) => !env[n]).join(', ')}`,
    );
  }
  return {
    apiUrl: (env.SMS_API_URL || 'https://api.twilio.com').replace(/\/$/, ''),
    accountSid: env.SMS_ACCOUNT_SID as string,
    authToken: env.SMS_AUTH_TOKEN as string,
    from: env.SMS_FROM as string,
  };
}

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

function s3Config(env: NodeJS.ProcessEnv): S3Config | undefined {
  const names = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  const given = names.filter((n) => env[n]);
  if (given.length === 0) return undefined;
  // Half a configuration would silently store files on local disk: refuse to start instead.
  if (given.length < names.length) {
    throw new Error(
      `S3 storage needs ${names.join(', ')}; missing: ${names.filter((n) => !env[n]).join(', ')}`,
    );
  }
  return {
    endpoint: env.S3_ENDPOINT as string,
    bucket: env.S3_BUCKET as string,
    accessKeyId: env.S3_ACCESS_KEY_ID as string,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY as string,
    region: env.S3_REGION || 'us-east-1',
    forcePathStyle: bool(env.S3_FORCE_PATH_STYLE, true),
  };
}

function mapTileUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (
    !/^(https?:\/\/|\/)/.test(value) ||
    !value.includes('{z}') ||
    !value.includes('{x}') ||
    !value.includes('{y}')
  )
    throw new Error(
      `MAP_TILE_URL must be an http(s) or /path template with {z}, {x} and {y}, got "${value}"`,
    );
  return value;
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
    map: { tileUrl: mapTileUrl(env.MAP_TILE_URL), attribution: env.MAP_ATTRIBUTION || undefined },
    osrmUrl: env.OSRM_URL ? env.OSRM_URL.replace(/\/$/, '') : undefined,
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
    clamav: env.CLAMAV_HOST
      ? { host: env.CLAMAV_HOST, port: int('CLAMAV_PORT', env.CLAMAV_PORT, 3310) }
      : undefined,
    s3: s3Config(env),
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY || undefined,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
      publishableKey: env.STRIPE_PUBLISHABLE_KEY || undefined,
      apiUrl: env.STRIPE_API_URL || undefined,
    },
    sms: smsConfig(env),
  };
}

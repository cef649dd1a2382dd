import type { AuthContext } from '../auth/context.ts';
import { isStaffOf } from '../auth/policies.ts';
import type { Executor } from '../db/client.ts';
import type { FileRow } from './schema.ts';

/** A file format Civique accepts, with what a client may call it and how its content is recognised. */
export interface FileType {
  /** The type stored and sent back on download. */
  mime: string;
  /** Types a client may declare for it (browsers differ, e.g. Excel's CSV type on Windows). */
  declared: readonly string[];
  extensions: readonly string[];
  /** Binary formats are recognised by their magic numbers; text formats by being clean UTF-8. */
  content: 'binary' | 'text';
  /** Re-encoded on upload so that location and other metadata are dropped. */
  image: boolean;
  label: string;
}

/** Every format an upload may have; purposes pick from these. */
export const FILE_TYPES = {
  jpeg: {
    mime: 'image/jpeg',
    declared: ['image/jpeg', 'image/pjpeg'],
    extensions: ['jpg', 'jpeg'],
    content: 'binary',
    image: true,
    label: 'JPEG',
  },
  png: {
    mime: 'image/png',
    declared: ['image/png'],
    extensions: ['png'],
    content: 'binary',
    image: true,
    label: 'PNG',
  },
  webp: {
    mime: 'image/webp',
    declared: ['image/webp'],
    extensions: ['webp'],
    content: 'binary',
    image: true,
    label: 'WebP',
  },
  pdf: {
    mime: 'application/pdf',
    declared: ['application/pdf'],
    extensions: ['pdf'],
    content: 'binary',
    image: false,
    label: 'PDF',
  },
  csv: {
    mime: 'text/csv',
    declared: ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'],
    extensions: ['csv'],
    content: 'text',
    image: false,
    label: 'CSV',
  },
  geojson: {
    mime: 'application/geo+json',
    // Browsers know no type for .geojson and send octet-stream ("unknown"); the content still decides.
    declared: ['application/geo+json', 'application/json', 'application/octet-stream'],
    extensions: ['geojson', 'json'],
    content: 'text',
    image: false,
    label: 'GeoJSON',
  },
} as const satisfies Record<string, FileType>;

export type FileTypeKey = keyof typeof FILE_TYPES;

/** Decides whether a person may download a stored file (the feature that owns the purpose knows). */
export type FileAccessPolicy = (
  auth: AuthContext,
  file: FileRow,
  context: { db: Executor },
) => boolean | Promise<boolean>;

/** What a purpose accepts. */
export interface FilePurpose {
  name: string;
  types: readonly FileTypeKey[];
  /** A lower size limit than the installation's, if the purpose needs one. */
  maxBytes?: number;
}

const purposes = new Map<string, FilePurpose>();
const policies = new Map<string, FileAccessPolicy>();

/** Declares an upload purpose and the formats it accepts (e.g. `permit.plan`: pdf, jpeg, png). */
export function registerFilePurpose(name: string, options: Omit<FilePurpose, 'name'>): void {
  if (!/^[a-z][a-z0-9_.-]{1,59}$/.test(name)) throw new Error(`invalid file purpose name: ${name}`);
  if (options.types.length === 0) throw new Error(`file purpose ${name} accepts no type`);
  purposes.set(name, { name, ...options });
}

/** The registered purpose of that name, if any. */
export function filePurpose(name: string): FilePurpose | undefined {
  return purposes.get(name);
}

/** Sets who may get download links for files of a purpose (replaces the default: owner or staff). */
export function registerFileAccessPolicy(purpose: string, policy: FileAccessPolicy): void {
  policies.set(purpose, policy);
}

/** The default policy: the person who uploaded the file, or staff of its organisation. */
export const ownerOrStaff: FileAccessPolicy = (auth, file) =>
  file.ownerAccountId === auth.account.id || isStaffOf(auth, file.orgId);

/** The access policy of a purpose. */
export function fileAccessPolicy(purpose: string): FileAccessPolicy {
  return policies.get(purpose) ?? ownerOrStaff;
}

// General-purpose uploads any feature may use before declaring its own.
registerFilePurpose('image', { types: ['jpeg', 'png', 'webp'] });
registerFilePurpose('document', { types: ['pdf'] });
registerFilePurpose('data', { types: ['csv', 'geojson'] });

import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../http/errors.ts';

export const MIN_PASSWORD_LENGTH = 10;

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (the package's const enum cannot be imported under type stripping).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Common-password lists and keyboard patterns; French and English words are caught by the same lists.
const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Checks a password against an argon2id hash (false on any malformed hash). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A fixed hash checked when the account does not exist, so timing does not reveal which e-mails have accounts.
let decoyHash: Promise<string> | undefined;
/** Spends the same time as a real verification, for unknown accounts. */
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-for-timing');
  await verifyPassword(await decoyHash, password);
}

/**
 * Refuses short and common passwords: at least MIN_PASSWORD_LENGTH characters and a zxcvbn score of 3
 * (common-password lists, keyboard patterns, and the person's own name and e-mail count against it).
 */
export async function assertAcceptablePassword(password: string, personal: string[] = []): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('auth.password_too_short', 400, { params: { min: MIN_PASSWORD_LENGTH } });
  }
  const result = await zxcvbn.checkAsync(password, [
    ...personal.filter(Boolean),
    'civique',
    'ville',
    'municipalite',
  ]);
  if (result.score < 3) throw new AppError('auth.password_too_common', 400);
}

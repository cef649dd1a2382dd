import { v7 } from 'uuid';

/** A new UUIDv7: time-ordered, so primary-key indexes stay compact. */
export function newId(): string {
  return v7();
}

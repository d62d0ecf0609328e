/**
 * What the options page shows of the organisation's policy: the reading (keys in force, keys
 * ignored and why) and what became of its inline configuration. Written by the background,
 * read by the options page, kept in extension storage.
 */
import type { ManagedReading } from './read';

export interface ManagedStatus {
  at: number;
  reading: ManagedReading;
  /** The policy's inline configuration: its text's hash, and why it was refused, if it was. */
  config?: { hash: string; problems?: Array<{ path: string; message: string }> };
  /** Whether the subscription in storage was made by the policy (`configUrl`), not by a person. */
  subscribed?: boolean;
}

/** A stored status as storage gives it back: anything, until checked. */
export function storedManagedStatus(value: unknown): ManagedStatus | null {
  const v = value as Partial<ManagedStatus> | null | undefined;
  if (!v || typeof v !== 'object' || typeof v.at !== 'number' || !v.reading || typeof v.reading !== 'object' || !Array.isArray(v.reading.inForce) || !Array.isArray(v.reading.ignored)) return null;
  return v as ManagedStatus;
}

export function isLockedStatus(status: ManagedStatus | null): boolean {
  return status?.reading.settings.locked === true;
}

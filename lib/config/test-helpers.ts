import type { TicketFacts } from '../sla/index';
import type { ParseResult, ResolvedConfig } from './types';
import { validateConfig } from './validate';

/** Helpers shared by this folder's tests (not imported by production code). */

export function config(policies: unknown[], calendars?: unknown[]): ResolvedConfig {
  return expectOk(validateConfig({ version: 1, ...(calendars ? { calendars } : {}), policies })).config;
}

export function expectOk(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a valid config, got:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result;
}

export function errorsOf(result: ParseResult) {
  if (result.ok) throw new Error('expected errors, but the config is valid');
  return result.errors;
}

export const BERLIN_WEEKDAYS = {
  id: 'emea',
  timeZone: 'Europe/Berlin',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
};

export function ticket(facts: Partial<TicketFacts> = {}): TicketFacts {
  return {
    source: 'jira',
    site: 'acme.atlassian.net',
    key: 'SUP-1',
    created: Date.UTC(2026, 5, 1, 10),
    exact: true,
    ...facts,
  };
}

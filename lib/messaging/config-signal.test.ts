// @vitest-environment happy-dom
/**
 * The "configuration changed" signal comes from the database write, not from the options page:
 * a configuration applied through the store, with no options page anywhere, reaches an open tab's
 * overlay through the same listener the content script uses, and its badges follow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { applyImport, previewText } from '../db/config-store';
import { SlaLensDatabase } from '../db/database';
import { createConfigCache, evaluateTickets } from '../db/evaluate';
import { startOverlay } from '../overlay/controller';
import type { TicketFacts } from '../sla/index';
import type { SourceAdapter } from '../sources/types';
import { onActiveVersion, publishActiveVersion } from './config-version';
import { parseEvaluateRequest } from './schema';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const H = 3_600_000;

const configWith = (resolution: string) =>
  JSON.stringify({ version: 1, name: `Resolution in ${resolution}`, policies: [{ id: 'std', name: 'Standard', match: { source: 'jira' }, calendar: '24x7', targets: { '*': { resolution } } }] });

const adapter: SourceAdapter = {
  source: 'jira',
  ownsHost: () => true,
  recognises: () => true,
  pageKind: () => null,
  shownTickets: () => 0,
  diagnose: () => [],
  maskUrl: () => '',
  find: (root) => [...root.querySelectorAll('.row')].map((row) => ({ key: row.getAttribute('data-key')!, element: row, anchor: row, dom: {} })),
  enrich: async (keys) => ({ facts: new Map(keys.map((key) => [key, { source: 'jira', site: 'acme.atlassian.net', key, created: NOW - H, exact: true } satisfies TicketFacts])) }),
};

const badge = () => document.querySelector('[data-sla-badge]')?.textContent ?? null;
const stops: Array<() => void> = [];

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  document.body.innerHTML = '';
  fakeBrowser.reset();
});

describe('a configuration applied through the store reaches open tabs', () => {
  it('with no options page open, the tab’s badges follow the newly active version', async () => {
    const db = new SlaLensDatabase(`config-signal-${Date.now()}`, { onActiveVersion: publishActiveVersion });
    const apply = async (text: string) => {
      const preview = await previewText(db, text, { kind: 'paste' });
      if (!preview.ok) throw new Error('the test configuration is invalid');
      await applyImport(db, preview);
    };
    try {
      await apply(configWith('4h'));
      const config = createConfigCache(db);
      document.body.innerHTML = '<div class="row" data-key="SUP-1">SUP-1</div>';
      const controller = new AbortController();
      stops.push(() => controller.abort());
      startOverlay(
        {
          adapter,
          // The background's own path: validation per ticket, then evaluation under the active version.
          evaluate: async (message) => {
            const { request, refused } = parseEvaluateRequest(message);
            return (await evaluateTickets(db, request, await config(), NOW, refused)).response;
          },
          onConfigChanged: onActiveVersion,
          setTimeout: (fn, ms) => setTimeout(fn, ms),
          clearTimeout: (id) => clearTimeout(id as number),
          now: () => NOW,
          document,
        },
        controller.signal,
        new URL('https://acme.atlassian.net/issues/'),
      );
      await expect.poll(badge).toBe('~3h left');

      await apply(configWith('8h'));
      await expect.poll(badge).toBe('~7h left');
    } finally {
      await db.delete();
    }
  });
});

// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeVersion, applyImport, history, previewText } from '../../lib/db/config-store';
import { SlaLensDatabase } from '../../lib/db/database';
import { createOptionsStores, type OptionsStores } from '../../lib/options/context';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { createFakeSiteApis } from '../../testing/fakes/site-apis';
import { OptionsApp } from './OptionsApp';

const root = path.join(import.meta.dirname, '../..');
const designExample = readFileSync(path.join(root, 'lib/config/__fixtures__/design-example.json'), 'utf8');
const sample = readFileSync(path.join(root, 'public/sla-config.sample.json'), 'utf8');
const NOW = Date.UTC(2026, 5, 3, 8, 0);

let db: SlaLensDatabase;
let stores: OptionsStores;
let download: ReturnType<typeof vi.fn<(fileName: string, text: string) => void>>;
let requestPermission: ReturnType<typeof vi.fn<() => Promise<boolean>>>;

beforeEach(() => {
  db = new SlaLensDatabase(`test-options-${crypto.randomUUID()}`);
  download = vi.fn<(fileName: string, text: string) => void>();
  const siteApis = createFakeSiteApis();
  const sites = { registry: createSiteRegistry(siteApis), onPermissionsChanged: siteApis.onPermissionsChanged };
  requestPermission = vi.fn(async () => true);
  stores = createOptionsStores(db, { now: () => NOW, fetchSample: async () => sample, download, yieldToUi: async () => {}, sites, alerts: { requestPermission, hasPermission: async () => false } });
});

afterEach(async () => {
  cleanup();
  await db.delete();
});

async function renderPage() {
  render(<OptionsApp stores={stores} />);
  await screen.findByRole('heading', { name: /No SLA configuration yet|Policies/ });
}

async function paste(text: string) {
  fireEvent.input(screen.getByLabelText('Or paste a configuration'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Check pasted configuration' }));
}

async function pasteAndApply(text: string, note = '') {
  await paste(text);
  const apply = await screen.findByRole('button', { name: 'Apply' });
  if (note) fireEvent.input(screen.getByLabelText(/What changed and why/), { target: { value: note } });
  fireEvent.click(apply);
  const status = await screen.findByText(/^Version \d+ is now active\.$/);
  // The page itself follows the database through a live query: wait until it shows the version.
  const version = /\d+/.exec(status.textContent ?? '')![0];
  await screen.findByRole('heading', { level: 3, name: `Version ${version} Active` });
}

describe('options page', () => {
  it('paste a valid config → preview → Apply → its policies and calendars appear', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { name: 'No SLA configuration yet' })).toBeTruthy();

    await paste(designExample);
    const apply = await screen.findByRole('button', { name: 'Apply' });
    const policies = screen.getByRole('region', { name: 'Policies' });
    expect(within(policies).getByText('Policy "enterprise" added at position 1')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Calendars' })).getByText('Calendar "emea" added (Europe/Berlin)')).toBeTruthy();
    // Focus lands on the result of the check.
    expect(document.activeElement?.contains(apply)).toBe(true);
    expect(await activeVersion(db)).toBeNull();

    fireEvent.input(screen.getByLabelText(/What changed and why/), { target: { value: 'First SLAs' } });
    fireEvent.click(apply);

    const status = await screen.findByText('Version 1 is now active.');
    expect(status.closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    const config = screen.getByRole('region', { name: 'SLA configuration' });
    await within(config).findByRole('article', { name: 'Enterprise customers enterprise' });
    expect(within(config).getByRole('heading', { level: 3, name: 'Acme support SLAs' })).toBeTruthy();
    // It lists no sites: said once, plainly, with the fix.
    expect(within(config).getAllByText(/Every Jira Cloud and Zendesk site counts as your team’s/)).toHaveLength(1);
    expect(within(config).getByText('"sites": ["your-team.atlassian.net"]')).toBeTruthy();
    const names = within(config)
      .getAllByRole('article')
      .map((a) => a.getAttribute('aria-labelledby'));
    expect(names).toEqual([
      'policy-enterprise-title policy-enterprise-id',
      'policy-enterprise-eu-title policy-enterprise-eu-id',
      'policy-zendesk-standard-title policy-zendesk-standard-id',
      'calendar-emea-title',
    ]);
    const enterprise = within(config).getByRole('article', { name: 'Enterprise customers enterprise' });
    expect(within(enterprise).getByText('source jira, project SUP, labels any of enterprise')).toBeTruthy();
    const highest = within(enterprise).getByRole('row', { name: /Highest/ });
    expect(
      within(highest)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['30m', '4h']);
    expect(within(config).getByRole('img', { name: 'Friday 09:00–16:00' })).toBeTruthy();

    const versions = await history(db);
    expect(versions.map((v) => [v.id, v.note, v.source])).toEqual([[1, 'First SLAs', { kind: 'paste' }]]);
    const historySection = await screen.findByRole('region', { name: 'Version history' });
    const meta = within(historySection).getByRole('heading', { name: 'Version 1 Active' }).nextElementSibling;
    expect(meta?.textContent).toMatch(/ · pasted · 5 changes$/);
  });

  it('paste a broken config → errors with their paths in an alert; nothing changes', async () => {
    await renderPage();
    await pasteAndApply(designExample);
    const broken = designExample.replace('"resolution": "4h" },\n        "High"', '"resolution": "4 days" },\n        "High"').replace('"warnAt": "75%"', '"warnAt": "75%", "colour": "red"');
    expect(broken).not.toBe(designExample);
    await paste(broken);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('policies[0].targets.Highest.resolution').tagName).toBe('CODE');
    expect(within(alert).getByText('policies[0].colour')).toBeTruthy();
    expect(within(alert).getAllByText(/^line \d+:\d+$/).length).toBeGreaterThan(0);
    expect(document.activeElement?.contains(alert)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();

    expect((await activeVersion(db))?.id).toBe(1);
    expect(await history(db)).toHaveLength(1);
    expect(screen.getByRole('article', { name: 'Enterprise customers enterprise' })).toBeTruthy();
  });

  it('an identical file says so and offers no Apply', async () => {
    await renderPage();
    await pasteAndApply(designExample);
    await paste(designExample);
    await screen.findByText(/This file is identical to the active configuration/);
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });

  it('roll back from the history: confirm, and the earlier configuration is active as a new version', async () => {
    await renderPage();
    await pasteAndApply(designExample, 'Initial');
    await pasteAndApply(designExample.replace('"name": "Enterprise customers"', '"name": "Enterprise (gold)"'), 'Rename');
    await screen.findByRole('article', { name: 'Enterprise (gold) enterprise' });

    const historySection = screen.getByRole('region', { name: 'Version history' });
    expect(within(historySection).queryByRole('button', { name: /Roll back to this version \(version 2\)/ })).toBeNull();
    fireEvent.click(within(historySection).getByRole('button', { name: 'Roll back to this version (version 1)' }));
    const confirm = within(historySection).getByRole('button', { name: 'Roll back to version 1' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);

    await within(historySection).findByText(/version 3 is now active, with the configuration of version 1/);
    await screen.findByRole('article', { name: 'Enterprise customers enterprise' });
    expect(screen.queryByRole('article', { name: 'Enterprise (gold) enterprise' })).toBeNull();
    const versions = await history(db);
    expect(versions.map((v) => [v.id, v.source.kind])).toEqual([
      [3, 'rollback'],
      [2, 'paste'],
      [1, 'paste'],
    ]);
    await within(historySection).findByText(/rollback to version 1/);
  });

  it('updates when another page applies a configuration, and exports the active one', async () => {
    await renderPage();
    const preview = await previewText(db, sample, { kind: 'sample' });
    if (!preview.ok) throw new Error('the sample must be valid');
    await applyImport(db, preview, 'from another tab');
    await screen.findByRole('heading', { level: 3, name: 'Demo support team SLAs' });
    expect(screen.getByText(/ · the sample configuration · 6 policies, 2 calendars$/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Export active configuration' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [fileName, text] = download.mock.calls[0]!;
    expect(fileName).toBe('demo-support-team-slas.v1.json');
    expect(JSON.parse(text).name).toBe('Demo support team SLAs');
  });

  it('loads the sample configuration from the empty state as a preview', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Load the sample configuration' }));
    await screen.findByRole('heading', { name: /“Demo support team SLAs” from the sample configuration/ });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText('Version 1 is now active.');
    expect((await history(db))[0]?.source).toEqual({ kind: 'sample' });
  });

  it("the team's watched scopes: previewed as changes, then listed in words with the active configuration", async () => {
    await renderPage();
    const withWatch = JSON.stringify({
      ...JSON.parse(designExample),
      sites: ['acme.atlassian.net', 'acme.zendesk.com'],
      watch: [
        { site: 'acme.atlassian.net', name: 'SUP queue', queue: { serviceDesk: 2, id: 7 } },
        { site: 'acme.atlassian.net', jql: 'project = SUP AND statusCategory != Done' },
        { site: 'acme.atlassian.net', filter: '10001' },
        { site: 'acme.zendesk.com', name: '<b>Tier 2</b>', view: 360001 },
        { site: 'acme.zendesk.com', search: 'status<solved group:Tier2' },
      ],
    });
    await paste(withWatch);
    const changes = within(await screen.findByRole('region', { name: 'Configuration' }));
    expect(changes.getByText('Watch: added “SUP queue” (queue 7 of service desk 2 on acme.atlassian.net)')).toBeTruthy();
    expect(changes.getByText('Watch: added search “status<solved group:Tier2” on acme.zendesk.com')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText('Version 1 is now active.');

    // Read back from the stored version (activeConfig), not from the import's own result.
    const config = screen.getByRole('region', { name: 'SLA configuration' });
    const list = await within(config).findByRole('list', { name: 'Watched scopes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'SUP queueQueue 7 of service desk 2 · acme.atlassian.net',
      'JQL: project = SUP AND statusCategory != Doneacme.atlassian.net',
      'Saved filter 10001acme.atlassian.net',
      '<b>Tier 2</b>View 360001 · acme.zendesk.com',
      'Search: status<solved group:Tier2acme.zendesk.com',
    ]);
    // A name is the file's text, shown as written: never markup.
    expect(list.querySelector('b')).toBeNull();
    expect(within(config).getByText(/ · pasted · 3 policies, 1 calendar, 5 watched scopes$/)).toBeTruthy();
  });

  it('the policy tester explains the active configuration', async () => {
    await renderPage();
    await pasteAndApply(designExample);
    const tester = screen.getByRole('region', { name: 'Test a ticket' });
    fireEvent.input(within(tester).getByLabelText('Project'), { target: { value: 'OPS' } });
    const result = within(tester).getByRole('region', { name: 'Test result' });
    expect(within(result).getByText(/No policy applies/)).toBeTruthy();
    expect(within(result).getAllByRole('listitem')[0]?.textContent).toBe("1enterprise: project is SUP, the ticket's is OPS");
  });
});

import { describe, expect, it } from 'vitest';
import type { ConfigChange } from '../config/diff';
import { announcement, describeSource } from './announcement';

const change = (subject: ConfigChange['subject'], id: string, field?: string): ConfigChange => ({ kind: 'changed', subject, id, ...(field ? { field } : {}), text: `${id} ${field ?? ''}` });

describe('the popup’s announcement of a new configuration version', () => {
  it('counts the policies and calendars that changed, each once, and names where the version came from', () => {
    const v = {
      id: 7,
      source: { kind: 'subscription' as const, url: 'https://intranet.example.com/sla.yaml', etag: '"x"' },
      changes: [change('policy', 'gold', 'targets.High.resolution'), change('policy', 'gold', 'pauseOn'), change('policy', 'silver'), change('policy', 'bronze'), change('calendar', 'emea')],
    };
    expect(announcement(v, 6)).toBe("Your SLA configuration was updated to version 7 (from the team's file at https://intranet.example.com/sla.yaml): 3 policies changed and 1 calendar changed.");
    expect(announcement({ ...v, source: { kind: 'policy' }, changes: [change('policy', 'gold')] }, 3)).toBe(
      "Your SLA configuration was updated to version 7 (from your organisation's policy): 1 policy changed.",
    );
    expect(announcement({ ...v, source: { kind: 'file', fileName: 'sla.yaml' }, changes: [change('config', '', 'name')] }, 3)).toBe(
      'Your SLA configuration was updated to version 7 (from an import in this browser).',
    );
  });

  it('says nothing when nothing is new, or when this browser never saw a version before', () => {
    const v = { id: 2, source: { kind: 'paste' as const }, changes: [] };
    expect(announcement(v, 2)).toBeNull();
    expect(announcement(v, 5)).toBeNull();
    expect(announcement(v, null)).toBeNull();
    expect(announcement(null, 1)).toBeNull();
  });

  it('describes every source', () => {
    expect(describeSource({ kind: 'rollback', toVersion: 3 })).toBe('rollback to version 3');
    expect(describeSource({ kind: 'policy', url: 'https://x.example/sla.json' })).toBe("your organisation's policy, from https://x.example/sla.json");
    expect(describeSource({ kind: 'subscription', url: 'https://x.example/sla.json' })).toBe('subscription https://x.example/sla.json');
  });
});

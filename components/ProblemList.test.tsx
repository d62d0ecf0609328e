// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ProblemList } from './ProblemList';

afterEach(cleanup);

describe('ProblemList', () => {
  it('shows errors with their path and position in an alert, and warnings outside it', () => {
    render(
      <ProblemList
        subject="acme.yaml"
        errors={[
          { severity: 'error', path: 'policies[2].targets.High.resolution', message: 'Write a duration such as "4h".', line: 12, column: 7 },
          { severity: 'error', path: '', message: 'The file is empty.' },
        ]}
        warnings={[{ severity: 'warning', path: 'policies[0].match', message: 'This policy takes every ticket.' }]}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: /2 errors in acme\.yaml/ })).toBeTruthy();
    const path = within(alert).getByText('policies[2].targets.High.resolution');
    expect(path.tagName).toBe('CODE');
    expect(within(alert).getByText('line 12:7')).toBeTruthy();
    expect(within(alert).getByText('Write a duration such as "4h".')).toBeTruthy();
    expect(within(alert).getByText('whole file')).toBeTruthy();
    expect(within(alert).queryByText('This policy takes every ticket.')).toBeNull();

    const warnings = screen.getByRole('region', { name: 'Warnings' });
    expect(within(warnings).getByText('policies[0].match')).toBeTruthy();
    expect(within(warnings).getByText('This policy takes every ticket.')).toBeTruthy();
  });

  it('without errors there is no alert', () => {
    render(<ProblemList subject="x.json" errors={[]} warnings={[{ severity: 'warning', path: 'a', message: 'm' }]} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

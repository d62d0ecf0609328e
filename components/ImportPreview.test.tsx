// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPreview } from './ImportPreview';

afterEach(cleanup);

const base = {
  name: 'Acme support SLAs',
  subject: 'acme.yaml',
  policyCount: 3,
  calendarCount: 1,
  firstImport: false,
  note: '',
  applying: false,
  onDiscard: () => {},
};

describe('ImportPreview', () => {
  it('lists the changes and applies with the note', () => {
    const onApply = vi.fn();
    const onNoteChange = vi.fn();
    render(
      <ImportPreview
        {...base}
        unchanged={false}
        changes={[{ kind: 'changed', subject: 'policy', id: 'p', field: 'warnAt', text: 'Policy "p": warning threshold 75% → 80%' }]}
        onApply={onApply}
        onNoteChange={onNoteChange}
      />,
    );
    expect(screen.getByRole('heading', { name: '“Acme support SLAs” from acme.yaml' })).toBeTruthy();
    expect(screen.getByText('1 change against the active configuration.', { exact: false })).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toContain('Policy "p": warning threshold 75% → 80%');
    fireEvent.input(screen.getByLabelText(/What changed and why/), { target: { value: 'Contract renewal' } });
    expect(onNoteChange).toHaveBeenCalledWith('Contract renewal');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it('an identical file has nothing to apply', () => {
    render(<ImportPreview {...base} unchanged changes={[]} onApply={() => {}} onNoteChange={() => {}} />);
    expect(screen.getByText(/This file is identical to the active configuration/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });
});

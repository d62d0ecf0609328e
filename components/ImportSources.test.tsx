// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportSources } from './ImportSources';

afterEach(cleanup);

function setup(pasteText = '') {
  const props = { pasteText, onPasteTextChange: vi.fn(), onFiles: vi.fn(), onCheckPaste: vi.fn() };
  render(<ImportSources {...props} />);
  return props;
}

describe('ImportSources', () => {
  it('the file picker is reached by its visible label and takes several JSON or YAML files', () => {
    const props = setup();
    const input = screen.getByLabelText('Choose files…') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.json,.yaml,.yml');
    const files = [new File(['{}'], 'a.json'), new File(['{}'], 'b.json')];
    fireEvent.change(input, { target: { files } });
    expect(props.onFiles).toHaveBeenCalledWith(files);
  });

  it('takes dropped files', () => {
    const props = setup();
    const file = new File(['version: 1'], 'acme.yaml');
    // A plain event carrying files, as the browser's DragEvent does (happy-dom's DataTransfer has no files).
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
    fireEvent(screen.getByText('Drop configuration files here'), drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(props.onFiles).toHaveBeenCalledWith([file]);
  });

  it('checks pasted text only when there is some', () => {
    const empty = setup();
    expect((screen.getByRole('button', { name: 'Check pasted configuration' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Or paste a configuration'), { target: { value: 'version: 1' } });
    expect(empty.onPasteTextChange).toHaveBeenCalledWith('version: 1');
    cleanup();
    const filled = setup('version: 1');
    fireEvent.click(screen.getByRole('button', { name: 'Check pasted configuration' }));
    expect(filled.onCheckPaste).toHaveBeenCalledTimes(1);
  });
});

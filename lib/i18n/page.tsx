/**
 * An extension page that is one view: drawn in the language in use, titled in it, and drawn
 * again from scratch when another language is chosen (every word, the title included, changes).
 */
import { render, type VNode } from 'preact';
import { applyStateTokens } from '../view/colours';
import { installLanguage, onLanguageChanged } from './browser';
import { t, type MessageKey } from './core';

export async function mountInLanguage(root: HTMLElement, title: MessageKey, view: () => VNode): Promise<void> {
  applyStateTokens(document);
  await installLanguage(document);
  const draw = () => {
    document.title = t(title);
    render(view(), root);
  };
  draw();
  onLanguageChanged(() => {
    render(null, root);
    draw();
  }, document);
}

import { describe, expect, it, vi } from 'vitest';
import { h, patch } from './dom';

const page = (checked: boolean, status: string, onChange: () => void) => [
  h(
    document,
    'p',
    {},
    h(document, 'input', { type: 'checkbox', id: 'on', checked, onchange: onChange }),
    h(document, 'input', { type: 'text', id: 'typed' }),
  ),
  h(document, 'p', { role: 'status' }, status),
];

describe('patch', () => {
  it('keeps the elements that still match, so focus and typed text stay', () => {
    const root = document.createElement('main');
    document.body.append(root);
    patch(
      root,
      page(false, '', () => {}),
    );
    const box = root.querySelector<HTMLInputElement>('#on') as HTMLInputElement;
    const typed = root.querySelector<HTMLInputElement>('#typed') as HTMLInputElement;
    typed.value = 'example.org';
    typed.setSelectionRange(2, 5);
    box.focus();
    patch(
      root,
      page(true, 'Saved.', () => {}),
    );
    expect(root.querySelector('#on')).toBe(box);
    expect(box.checked).toBe(true);
    expect(document.activeElement).toBe(box);
    expect(root.querySelector('#typed')).toBe(typed);
    expect(typed.value).toBe('example.org');
    expect([typed.selectionStart, typed.selectionEnd]).toEqual([2, 5]);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Saved.');
    root.remove();
  });

  it('runs the newest render’s listener, once', () => {
    const root = document.createElement('main');
    const first = vi.fn();
    const second = vi.fn();
    patch(root, page(false, '', first));
    patch(root, page(false, '', second));
    root.querySelector('#on')?.dispatchEvent(new Event('change'));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('adds, reorders and removes keyed children', () => {
    const root = document.createElement('ul');
    const items = (keys: string[]) =>
      keys.map((key) => h(document, 'li', { 'data-key': key }, key));
    patch(root, items(['a', 'b', 'c']));
    const b = root.children[1];
    patch(root, items(['b', 'd']));
    expect([...root.children].map((li) => li.textContent)).toEqual(['b', 'd']);
    expect(root.children[0]).toBe(b);
  });

  it('drops attributes the new render leaves out', () => {
    const root = document.createElement('div');
    patch(root, [h(document, 'p', { class: 'muted', title: 'x' })]);
    patch(root, [h(document, 'p', { class: 'loud' })]);
    expect(root.firstElementChild?.getAttributeNames()).toEqual(['class']);
    expect(root.firstElementChild?.className).toBe('loud');
  });
});

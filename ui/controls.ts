/**
 * The pages' shared controls, each built from its current value and a callback: a switch, a choice
 * of radio buttons and a labelled field with its help. Ids are stable, so a page rendered again keeps
 * the same elements (and the focus on them).
 */
import { h, type Child } from './dom';

/** A labelled control with its help text, described by it. */
export function field(
  doc: Document,
  id: string,
  control: HTMLElement,
  label: string,
  help: string,
  ...extra: Child[]
): HTMLElement {
  control.id = id;
  control.setAttribute('aria-describedby', `${id}-help`);
  return h(
    doc,
    'div',
    { class: 'field' },
    h(doc, 'label', { for: id }, label),
    control,
    ...extra,
    h(doc, 'p', { class: 'help', id: `${id}-help` }, help),
  );
}

/** A checkbox, with `role="switch"` for on/off switches. */
export function checkbox(
  doc: Document,
  checked: boolean,
  onChange: (on: boolean) => void,
  role?: 'switch',
): HTMLInputElement {
  return h(doc, 'input', {
    type: 'checkbox',
    role,
    checked,
    onchange: (event) => onChange((event.currentTarget as HTMLInputElement).checked),
  }) as HTMLInputElement;
}

/** A switch with its label after it, in a paragraph. */
export function switchLine(
  doc: Document,
  id: string,
  label: string,
  checked: boolean,
  onChange: (on: boolean) => void,
): HTMLElement {
  const input = checkbox(doc, checked, onChange, 'switch');
  input.id = id;
  return h(doc, 'p', { class: 'switch' }, input, h(doc, 'label', { for: id }, label));
}

/** The id of a choice's radio button for one value. */
export function optionId(name: string, value: string): string {
  return `${name}-${value}`;
}

export interface Choice<T extends string> {
  name: string;
  legend: string;
  help: string;
  options: readonly { value: T; label: string }[];
}

/** A group of radio buttons, one per value. */
export function choice<T extends string>(
  doc: Document,
  spec: Choice<T>,
  current: T,
  onChange: (value: T) => void,
): HTMLElement {
  const { name } = spec;
  return h(
    doc,
    'fieldset',
    { id: `${name}-choice`, 'aria-describedby': `${name}-help` },
    h(doc, 'legend', {}, spec.legend),
    ...spec.options.map((option) =>
      h(
        doc,
        'span',
        { class: 'option' },
        h(doc, 'input', {
          type: 'radio',
          name,
          value: option.value,
          id: optionId(name, option.value),
          checked: option.value === current,
          onchange: (event) => {
            if ((event.currentTarget as HTMLInputElement).checked) onChange(option.value);
          },
        }),
        h(doc, 'label', { for: optionId(name, option.value) }, option.label),
      ),
    ),
    h(doc, 'p', { class: 'help', id: `${name}-help` }, spec.help),
  );
}

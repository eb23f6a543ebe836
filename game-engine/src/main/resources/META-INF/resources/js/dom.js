// Building DOM without markup: every text goes in as textContent, so server, player and LLM text stays data.

/**
 * el('button', {className: 'red', text: 'Add', title: '…', dataset: {team: 0}, on: {click: fn}}, ...children)
 * Other keys are set as properties (type, value, disabled, placeholder, …).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else if (key === 'attrs') for (const [name, attr] of Object.entries(value)) node.setAttribute(name, String(attr));
    else node[key] = value;
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** The attrs of an element the browser tests find: el('button', {attrs: testId('save')}). */
export const testId = (id) => ({ 'data-testid': id });

/** True when keyboard input goes to a field, so page shortcuts must keep out of its way. */
export function typingInField(event) {
  const target = event.target;
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

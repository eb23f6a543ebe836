// The page's notices: what went wrong (server errors, reconnects, behavior failures) and what happened, newest first.
import { el } from '../dom.js';

const KEEP = 50;

export function mount(section, conn, ctx) {
  const list = el('ul', { className: 'log', attrs: { 'data-testid': 'log' } });
  section.append(el('h2', { text: 'Messages' }), list);
  ctx.onNotice((text, isError) => {
    list.prepend(el('li', { className: isError ? 'error' : '', text: `${new Date().toLocaleTimeString()} ${text}` }));
    while (list.children.length > KEEP) list.lastChild.remove();
  });
}

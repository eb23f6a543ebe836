// How the canvas shows the world: grid, awareness zones and rule labels on or off; zoom and fit.
// The wheel zooms and a drag pans on the canvas itself; a click selects an agent, a shift-click or a shift-drag
// selects several.
// Shortcuts: g grid, z zones, l labels, f fit, + and - zoom.
import { el, typingInField } from '../dom.js';

export function mount(section, conn, ctx) {
  const renderer = ctx.renderer;
  const toggles = {};
  const toggle = (option, label, key) => {
    const box = el('input', { type: 'checkbox', checked: renderer.options[option], attrs: { 'data-testid': `show-${option}` },
      on: { change: () => renderer.set(option, box.checked) } });
    toggles[key] = { box, option };
    return el('label', { title: `${label} (${key})` }, box, ` ${label}`);
  };
  section.append(
    toggle('grid', 'grid', 'g'), toggle('zones', 'zones', 'z'), toggle('labels', 'rules', 'l'),
    el('button', { text: '−', title: 'zoom out (-)', on: { click: () => renderer.zoomBy(1 / 1.5) } }),
    el('button', { text: '+', title: 'zoom in (+)', on: { click: () => renderer.zoomBy(1.5) } }),
    el('button', { text: 'fit', title: 'show the whole world (f, or double-click the canvas)', on: { click: () => renderer.fit() } }),
    el('span', { className: 'hint', text: 'click: select · shift-click or shift-drag: select several' }));

  document.addEventListener('keydown', (event) => {
    if (typingInField(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    const shortcut = toggles[event.key];
    if (shortcut) { shortcut.box.checked = !shortcut.box.checked; renderer.set(shortcut.option, shortcut.box.checked); }
    else if (event.key === 'f') renderer.fit();
    else if (event.key === '+' || event.key === '=') renderer.zoomBy(1.5);
    else if (event.key === '-') renderer.zoomBy(1 / 1.5);
  });
}

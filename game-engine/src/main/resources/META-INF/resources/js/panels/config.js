// Config form, generated from the schema the server publishes (get_config_schema → config_schema): no range, unit
// or default is kept here. Each field shows its meaning, unit, range, default and whether it applies live or on
// reset; a value outside its range is refused inline before anything is sent, and the server's field errors
// (/config/settings/<field>, /config/name) appear at their field. Configs are listed, loaded, saved, applied, deleted.
import { el, testId } from '../dom.js';

const SETTINGS_PREFIX = '/config/settings/';

export function mount(section, conn, ctx) {
  let fields = [];
  let configs = [];
  let loaded = null;
  const inputs = new Map(); // field name (or "name") -> {field, input, error}
  const status = el('p', { className: 'panel-status muted', attrs: { ...testId('config-status'), role: 'status' } });
  const picker = el('select', { attrs: { ...testId('config-list'), 'aria-label': 'saved configs' }, on: { change: () => load(picker.value) } });
  const name = el('input', { maxLength: 80, placeholder: 'config name', attrs: { ...testId('config-name'), 'aria-label': 'config name' } });
  const nameError = el('span', { className: 'field-error', attrs: { 'data-error-for': 'name' } });
  inputs.set('name', { field: null, input: name, error: nameError });
  const button = (text, id, click, type = 'button') => el('button', { type, text, attrs: testId(id), on: { click } });
  const save = button('Save', 'config-save', (event) => { event.preventDefault(); submit(false); }, 'submit');
  const saveNew = button('Save as new', 'config-save-new', () => submit(true));
  const apply = button('Apply to world', 'config-apply', applyLoaded);
  const remove = button('Delete', 'config-delete', removeLoaded);
  remove.className = 'danger';
  const body = el('div', { className: 'config-fields' });
  const form = el('form', { className: 'config-form', noValidate: true, attrs: testId('config-form') },
    el('div', { className: 'row' }, name, nameError), body, el('div', { className: 'row' }, save, saveNew, apply, remove));
  section.append(el('div', { className: 'panel-head' }, el('h2', { text: 'Config' }), picker), form, status);

  function say(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }

  function renderFields() {
    const groups = new Map();
    for (const field of fields) {
      if (!groups.has(field.group)) groups.set(field.group, el('fieldset', {}, el('legend', { text: field.group })));
      groups.get(field.group).append(fieldRow(field));
    }
    body.replaceChildren(...groups.values());
  }

  function fieldRow(field) {
    const id = `config-field-${field.name}`;
    let input;
    if (field.kind === 'BOOLEAN') input = el('input', { type: 'checkbox', id });
    else if (field.kind === 'CHOICE') input = el('select', { id }, ...field.options.map((o) => el('option', { value: o, text: o })));
    else if (field.kind === 'WALLS') input = el('textarea', { id, rows: 2, spellcheck: false, placeholder: '[{"x":…,"y":…,"width":…,"height":…}]' });
    else input = el('input', { type: 'number', id, step: field.kind === 'INTEGER' ? '1' : 'any' });
    if (field.min !== null && input.type === 'number') { input.min = field.min; input.max = field.max; }
    input.dataset.field = field.name;
    const error = el('span', { className: 'field-error', attrs: { 'data-error-for': field.name, 'aria-live': 'polite' } });
    input.addEventListener('input', () => showError(field.name, problemOf(field, input)));
    inputs.set(field.name, { field, input, error });
    const range = field.min !== null ? `${field.min}–${field.max}` : null;
    const facts = [field.unit, range, `default ${JSON.stringify(field.default)}`].filter(Boolean).join(' · ');
    return el('div', { className: 'config-field', attrs: testId(id) },
      el('label', { htmlFor: id, text: field.name }), input,
      el('span', { className: `applies ${field.live ? 'live' : 'reset'}`, title: field.whenApplied, text: field.live ? 'live' : 'on reset' }),
      el('div', { className: 'meaning muted', text: `${field.meaning} (${facts})` }),
      error);
  }

  /** What is wrong with a field's value, by the schema's kind and range; null when it may be sent. */
  function problemOf(field, input) {
    if (field.kind === 'WALLS') {
      try { return Array.isArray(JSON.parse(input.value || '[]')) ? null : 'a JSON list of walls'; } catch { return 'not valid JSON'; }
    }
    if (field.kind !== 'NUMBER' && field.kind !== 'INTEGER') return null;
    const value = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(value)) return 'a number is needed';
    if (field.kind === 'INTEGER' && !Number.isInteger(value)) return 'a whole number is needed';
    if (field.min !== null && (value < field.min || value > field.max)) return `must be between ${field.min} and ${field.max}`;
    return null;
  }

  function showError(fieldName, message) {
    const entry = inputs.get(fieldName);
    if (!entry) return false;
    entry.error.textContent = message || '';
    entry.input.setAttribute('aria-invalid', message ? 'true' : 'false');
    return true;
  }

  function fill(settings) {
    for (const { field, input } of inputs.values()) {
      if (!field) continue;
      const value = settings && settings[field.name] !== undefined ? settings[field.name] : field.default;
      if (field.kind === 'BOOLEAN') input.checked = !!value;
      else if (field.kind === 'WALLS') input.value = JSON.stringify(value || []);
      else input.value = value;
    }
    for (const key of inputs.keys()) showError(key, null);
  }

  function settingsOfForm() {
    const settings = {};
    for (const { field, input } of inputs.values()) {
      if (!field) continue;
      if (field.kind === 'BOOLEAN') settings[field.name] = input.checked;
      else if (field.kind === 'CHOICE') settings[field.name] = input.value;
      else if (field.kind === 'WALLS') settings[field.name] = JSON.parse(input.value || '[]');
      else settings[field.name] = Number(input.value);
    }
    return settings;
  }

  function mine(config) {
    return !!config && !config.isDefault && !!ctx.welcome && config.ownerId === ctx.welcome.user.id;
  }

  function renderList() {
    picker.replaceChildren(...configs.map((c) => el('option', { value: c.id,
      text: `${c.name}${c.isDefault ? ' (default)' : mine(c) ? '' : ' (not yours)'} · v${c.version}` })));
    if (loaded) picker.value = loaded.id;
  }

  function renderButtons() {
    remove.disabled = !loaded || loaded.isDefault;
    apply.disabled = !loaded;
    save.textContent = mine(loaded) ? `Save as v${loaded.version + 1}` : 'Save';
  }

  async function refresh() {
    configs = await conn.listAll('list_configs', 'configs');
    if (loaded) loaded = configs.find((c) => c.id === loaded.id) || loaded;
    renderList();
  }

  function load(id) {
    loaded = configs.find((c) => c.id === id) || null;
    if (!loaded) return;
    name.value = loaded.name;
    fill(loaded.settings);
    renderButtons();
    say(`loaded ${loaded.name} (v${loaded.version})`);
  }

  async function submit(asNew) {
    let refused = 0;
    for (const { field, input } of inputs.values()) {
      const problem = field ? problemOf(field, input) : (name.value.trim() ? null : 'a name is needed');
      showError(field ? field.name : 'name', problem);
      if (problem) refused++;
    }
    if (refused) {
      form.querySelector('[aria-invalid=true]').closest('.config-field, .row').scrollIntoView({ block: 'nearest' });
      say(`not saved: ${refused} field(s) to fix`, true);
      return;
    }
    const config = { name: name.value.trim(), settings: settingsOfForm() };
    if (!asNew && mine(loaded)) Object.assign(config, { id: loaded.id, version: loaded.version });
    try {
      const reply = await conn.request('save_config', { config });
      loaded = reply.config;
      await refresh();
      load(reply.config.id);
      say(`saved ${reply.config.name} (v${reply.config.version})`);
    } catch (error) {
      placeErrors(error, 'not saved');
    }
  }

  /** The server's field errors at their fields; the rest in the status line. */
  function placeErrors(error, what) {
    for (const fieldError of error.errors || []) {
      const path = fieldError.path || '';
      const fieldName = path.startsWith(SETTINGS_PREFIX) ? path.slice(SETTINGS_PREFIX.length).split('/')[0]
        : path === '/config/name' ? 'name' : null;
      if (fieldName) showError(fieldName, fieldError.message);
    }
    say(`${what}: ${error.code || 'error'} ${error.message || ''}`, true);
  }

  async function applyLoaded() {
    try {
      await conn.request('apply_config', { configId: loaded.id });
      say(`applied ${loaded.name} to world ${ctx.worldId}`);
    } catch (error) {
      say(`not applied: ${error.code} ${error.message}`, true);
    }
  }

  async function removeLoaded() {
    try {
      await conn.request('delete_config', { configId: loaded.id, version: loaded.version });
      say(`deleted ${loaded.name}`);
      loaded = null;
      await refresh();
      load(picker.value);
    } catch (error) {
      say(`not deleted: ${error.code} ${error.message}`, true);
    }
  }

  async function start() {
    try {
      if (!fields.length) {
        fields = (await conn.request('get_config_schema')).fields;
        renderFields();
      }
      await refresh();
      if (!loaded) load(picker.value);
    } catch (error) {
      if (error.code !== 'OFFLINE') say(`configs unavailable: ${error.code} ${error.message}`, true);
    }
  }

  conn.onWelcome(start);
  conn.on('config_list_changed', () => refresh().catch(() => {}));
}

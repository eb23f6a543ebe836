// Behaviors: the list (built-ins, then the user's own), assigning one to a team or to the selected agents, and the
// editor: CodeMirror with the document's JSON and CEL highlighted, completion from behavior_language, and the
// validator's diagnostics marked at their documentLine/documentColumn as the user types (debounced). Saving keeps
// a local history of the user's own versions. Other panels open a document here with the `arena:edit-behavior`
// event on document ({detail: {document}}). "Try it" (tryit.js) runs the edited document in a library scenario.
import { el, testId } from '../dom.js';
import { tryIt } from './tryit.js';
import { codeMirror } from './vendor.js';
import { defineBehaviorMode } from './behavior-mode.js';

const VALIDATE_DELAY_MS = 400;
const HISTORY_KEEP = 20;

export function mount(section, conn, ctx) {
  // Loaded from the page's own server as soon as the panel mounts, before the editor needs it.
  const library = codeMirror();
  library.catch(() => {});
  let behaviors = [];
  let editing = null; // the own behavior the editor holds ({id, version}), null for a new document
  let origin = null; // the id of the behavior the editor's document was opened from (copied or edited), if any
  let editor = null;
  let language = null;
  const list = el('ul', { className: 'behaviors', attrs: testId('behavior-list') });
  const target = el('select', { attrs: { ...testId('assign-target'), 'aria-label': 'assign to' } });
  const host = el('div', { className: 'behavior-editor', attrs: testId('behavior-editor') });
  const diagnostics = el('ul', { className: 'log diagnostics', attrs: { ...testId('behavior-diagnostics'), 'aria-live': 'polite' } });
  const status = el('p', { className: 'panel-status muted', attrs: { ...testId('behavior-status'), role: 'status' } });
  const history = el('select', { attrs: { ...testId('behavior-history'), 'aria-label': 'saved versions' },
    on: { change: () => restore(history.value) } });
  const save = el('button', { className: 'primary', text: 'Save', attrs: testId('behavior-save'), on: { click: saveEditor } });
  const fresh = el('button', { text: 'New', attrs: testId('behavior-new'), on: { click: () => open(exampleDocument(), null) } });
  const trial = tryIt(conn, ctx, { text: () => (editor ? editor.getValue() : pendingText || ''), origin: () => origin });
  section.append(el('div', { className: 'panel-head' }, el('h2', { text: 'Behaviors' }),
    el('label', { className: 'muted', text: 'assign to ' }, target)),
  list, host, el('div', { className: 'row' }, save, fresh, history), diagnostics, status, trial);

  function say(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }

  function userId() {
    return ctx.welcome ? ctx.welcome.user.id : null;
  }

  function renderTargets() {
    const world = ctx.world;
    const chosen = target.value;
    const options = (world ? world.teams : []).map((t, i) => el('option', { value: `team:${i}`, text: `team ${ctx.team(i).name}` }));
    const ids = [...ctx.selectedIds];
    if (ids.length) {
      options.push(el('option', { value: `agents:${ids.join(',')}`, dataset: { count: ids.length },
        text: ids.length === 1 ? `selected agent #${ids[0]}` : `the ${ids.length} selected agents` }));
    }
    if (options.length === target.options.length && [...target.options].every((o, i) => o.value === options[i].value)) return;
    const hadSelection = [...target.options].some((o) => o.value.startsWith('agents:'));
    target.replaceChildren(...options);
    // Agents just selected become the target, and a changed selection stays the target when the selection was.
    const selection = options.find((o) => o.value.startsWith('agents:'));
    const kept = selection && (!hadSelection || chosen.startsWith('agents:')) ? selection : options.find((o) => o.value === chosen);
    if (kept) target.value = kept.value;
  }

  function renderList() {
    list.replaceChildren(...behaviors.map((b) => el('li', { dataset: { behavior: b.id } },
      el('span', { className: 'name', text: b.name }),
      el('span', { className: 'muted', text: b.builtIn ? ' built-in ' : ` v${b.version} ` }),
      el('button', { text: b.builtIn ? 'copy' : 'edit', title: b.builtIn ? 'open a copy in the editor' : 'open in the editor',
        attrs: { 'data-testid': `open-${b.id}` },
        on: { click: () => open(JSON.stringify(b.document, null, 2), b.builtIn ? null : b, b.id) } }),
      el('button', { text: 'assign', attrs: { 'data-testid': `assign-${b.id}` }, on: { click: () => assign(b.id, b.name) } }))));
  }

  async function refresh() {
    behaviors = await conn.listAll('list_behaviors', 'behaviors');
    renderList();
  }

  async function assign(behaviorId, name) {
    const [kind, value] = (target.value || '').split(':');
    if (!kind) { say('no team or agent to assign to yet', true); return; }
    const where = kind === 'team' ? { team: Number(value) } : { agentIds: value.split(',').map(Number) };
    const who = kind === 'team' ? `team ${ctx.team(Number(value)).name}`
      : where.agentIds.length === 1 ? `agent #${value}` : `${where.agentIds.length} agents`;
    try {
      await conn.request('assign_behavior', { behaviorId, ...where });
      say(`${name} assigned to ${who}`);
    } catch (error) {
      say(`not assigned: ${error.code} ${error.message}`, true);
    }
  }

  function open(text, own, from = null) {
    editing = own ? { id: own.id, version: own.version } : null;
    origin = from;
    trial.follow();
    save.textContent = editing ? `Save as v${editing.version + 1}` : 'Save as new';
    if (editor) { editor.setValue(text); editor.focus(); } else pendingText = text;
    renderHistory();
  }
  let pendingText = null;

  /** The validator's diagnostics for the lint addon, and as a list below the editor. */
  async function validate(text, done) {
    let found = [];
    try {
      found = (await conn.request('validate_behavior', { behavior: text })).diagnostics;
    } catch (error) {
      if (error.code !== 'OFFLINE') say(`not validated: ${error.code} ${error.message}`, true);
      done([]);
      return;
    }
    diagnostics.replaceChildren(...found.map((d) => el('li', { className: 'error', dataset: { line: d.documentLine, column: d.documentColumn, code: d.code },
      text: `line ${d.documentLine}, column ${d.documentColumn}: ${d.code} ${d.message}` })));
    if (!found.length) diagnostics.replaceChildren(el('li', { className: 'muted', dataset: { ok: 'true' }, text: 'valid' }));
    const CodeMirror = window.CodeMirror;
    done(found.filter((d) => d.documentLine > 0).map((d) => {
      const line = d.documentLine - 1;
      const from = d.documentColumn - 1;
      const rest = (editor.getLine(line) || '').slice(from);
      const length = Math.max(1, (rest.match(/^[\w.]+/) || [''])[0].length);
      return { from: CodeMirror.Pos(line, from), to: CodeMirror.Pos(line, from + length), severity: 'error', message: `${d.code}: ${d.message}` };
    }));
  }

  async function saveEditor() {
    const text = editor.getValue();
    const behavior = editing ? { document: text, id: editing.id, version: editing.version } : { document: text };
    try {
      const saved = (await conn.request('save_behavior', { behavior })).behavior;
      editing = { id: saved.id, version: saved.version };
      save.textContent = `Save as v${saved.version + 1}`;
      remember(saved, text);
      say(`saved ${saved.name} (v${saved.version})`);
      await refresh();
    } catch (error) {
      say(`not saved: ${error.code} ${error.message}`, true);
    }
  }

  // The history of the user's own versions, kept in this browser (the server keeps the latest only).
  function historyKey() {
    return `arena.behaviorHistory.${userId()}`;
  }

  function versions() {
    try { return JSON.parse(localStorage.getItem(historyKey()) || '[]'); } catch { return []; }
  }

  function remember(saved, text) {
    const kept = [{ id: saved.id, name: saved.name, version: saved.version, at: new Date().toISOString(), text }, ...versions()];
    localStorage.setItem(historyKey(), JSON.stringify(kept.slice(0, HISTORY_KEEP)));
    renderHistory();
  }

  function renderHistory() {
    const own = versions();
    history.replaceChildren(el('option', { value: '', text: own.length ? `history (${own.length})` : 'no saved versions yet' }),
      ...own.map((v, i) => el('option', { value: String(i), text: `${v.name} v${v.version} · ${v.at.slice(0, 16).replace('T', ' ')}` })));
  }

  function restore(index) {
    const version = versions()[Number(index)];
    if (!version) return;
    const current = behaviors.find((b) => b.id === version.id);
    editor.setValue(version.text);
    editing = current ? { id: current.id, version: current.version } : null;
    save.textContent = editing ? `Save as v${editing.version + 1}` : 'Save as new';
    say(`restored ${version.name} v${version.version} into the editor (not saved yet)`);
  }

  function exampleDocument() {
    const builtIn = behaviors.find((b) => b.builtIn);
    const example = builtIn ? { ...builtIn.document, name: 'My behavior' } : { schemaVersion: 1, name: 'My behavior', rules: [] };
    return JSON.stringify(example, null, 2);
  }

  async function startEditor() {
    const CodeMirror = await library;
    language = (await conn.request('get_behavior_language')).language;
    const hint = defineBehaviorMode(CodeMirror, language);
    editor = CodeMirror(host, {
      value: pendingText || exampleDocument(), mode: 'arena-behavior', theme: 'material-darker', lineNumbers: true,
      matchBrackets: true, autoCloseBrackets: true, lineWrapping: true, tabSize: 2, indentWithTabs: false,
      gutters: ['CodeMirror-lint-markers', 'CodeMirror-linenumbers'],
      lint: { getAnnotations: validate, async: true, delay: VALIDATE_DELAY_MS },
      hintOptions: { hint, completeSingle: false },
      extraKeys: { 'Ctrl-Space': 'autocomplete' },
    });
    editor.on('inputRead', (cm, change) => {
      if (/[\w.]/.test(change.text.join(''))) cm.showHint({ hint, completeSingle: false });
    });
    pendingText = null;
    renderHistory();
  }

  document.addEventListener('arena:edit-behavior', (event) => {
    open(JSON.stringify(event.detail.document, null, 2), null);
    section.scrollIntoView({ block: 'nearest' });
    say('opened in the editor (not saved yet)');
  });
  async function start() {
    try {
      await refresh();
      if (!editor && !starting) { starting = true; await startEditor(); }
    } catch (error) {
      starting = false;
      if (error.code !== 'OFFLINE') say(`behaviors unavailable: ${error.code || ''} ${error.message || error}`, true);
    }
  }
  let starting = false;
  conn.onWelcome(start);
  conn.on('behavior_list_changed', () => refresh().catch(() => {}));
  conn.on('behavior_assigned', (event) => {
    const who = event.team !== null && event.team !== undefined ? `team ${ctx.team(event.team).name}` : `agents ${event.agentIds.join(', ')}`;
    ctx.notify(`${who} now run ${event.behaviorId}`);
  });
  conn.onState(renderTargets);
  ctx.onSelect(renderTargets);
}

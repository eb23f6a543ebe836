// Copilot chat: llm_query, its progress stages, then the answer or the error. Everything the copilot says is
// shown as text. An answer that carries a behavior offers "open in editor" (the behaviors panel) and "apply to
// team" (saved as the user's own behavior, then assigned to the chosen team).
import { el, testId } from '../dom.js';

export function mount(section, conn, ctx) {
  const conversationId = crypto.randomUUID();
  const log = el('div', { className: 'chat', attrs: { ...testId('copilot-log'), 'aria-live': 'polite' } });
  const input = el('textarea', { rows: 2, maxLength: 4000, placeholder: 'e.g. flee when below 30% health, else attack the weakest enemy',
    attrs: { ...testId('copilot-input'), 'aria-label': 'ask the copilot' } });
  const ask = el('button', { type: 'submit', className: 'primary', text: 'Ask', attrs: testId('copilot-ask') });
  const form = el('form', { on: { submit: (event) => { event.preventDefault(); query(); } } }, input, el('div', { className: 'row' }, ask));
  section.append(el('h2', { text: 'Copilot' }), log, form);

  function bubble(className, ...children) {
    const node = el('div', { className: `bubble ${className}` }, ...children);
    log.append(node);
    log.scrollTop = log.scrollHeight;
    return node;
  }

  function context() {
    const world = ctx.world;
    return {
      worldId: ctx.worldId,
      teams: world ? world.teams.map((t, i) => ({ team: i, name: ctx.team(i).name, alive: t.alive, kills: t.kills, behavior: t.behavior })) : [],
      selectedAgentId: ctx.selectedAgentId,
    };
  }

  async function query() {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    bubble('user', el('p', { text }));
    const progress = el('p', { className: 'muted', attrs: testId('copilot-progress'), text: 'sent…' });
    const pending = bubble('progress', progress);
    ask.disabled = true;
    try {
      const answer = await conn.request('llm_query', { query: text, context: context(), conversationId }, {
        onProgress: (p) => { progress.textContent = `${p.stage}${p.attempt > 1 ? ` (attempt ${p.attempt})` : ''}: ${p.text || ''}`; },
      });
      pending.remove();
      showAnswer(answer);
    } catch (error) {
      pending.remove();
      const lines = (error.diagnostics || []).map((d) => el('li', { text: `${d.path || '/'}: ${d.code} ${d.message}` }));
      bubble('error', el('p', { className: 'error', attrs: testId('copilot-error'), text: `${error.code}: ${error.message}` }),
        lines.length ? el('ul', {}, ...lines) : null);
    } finally {
      ask.disabled = false;
    }
  }

  function showAnswer(answer) {
    const parts = [el('p', { className: 'answer', attrs: testId('copilot-answer'), text: answer.text || '' }),
      el('p', { className: 'muted', text: `${answer.offline ? 'offline composer' : `${answer.provider} · ${answer.model}`}` })];
    if (answer.behavior) {
      const d = answer.description || {};
      const describe = (label, value) => (value && (Array.isArray(value) ? value.length : true)
        ? el('li', { text: `${label}: ${Array.isArray(value) ? value.join('; ') : value}` }) : null);
      parts.push(el('ul', { className: 'description' }, describe('triggers', d.triggers), describe('actions', d.actions),
        describe('special conditions', d.special)));
      parts.push(el('ul', { className: 'checks', attrs: testId('copilot-checks') }, ...(answer.checks || []).map((c) =>
        el('li', { className: c.ok ? '' : 'error', text: `${c.ok ? '✓' : '✗'} ${c.scenario}: ${c.expectation}${c.measured !== undefined && c.measured !== null ? ` (measured ${c.measured})` : ''}` }))));
      const team = el('select', { attrs: { ...testId('copilot-team'), 'aria-label': 'team' } },
        ...(ctx.world ? ctx.world.teams : []).map((t, i) => el('option', { value: String(i), text: ctx.team(i).name })));
      const done = el('span', { className: 'muted', attrs: testId('copilot-applied') });
      parts.push(el('div', { className: 'row' },
        el('button', { text: 'Open in editor', attrs: testId('copilot-open'),
          on: { click: () => document.dispatchEvent(new CustomEvent('arena:edit-behavior', { detail: { document: answer.behavior } })) } }),
        el('button', { className: 'primary', text: 'Apply to team', attrs: testId('copilot-apply'),
          on: { click: () => applyToTeam(answer.behavior, Number(team.value), done) } }), team, done));
    }
    bubble('assistant', ...parts);
  }

  async function applyToTeam(document, team, done) {
    try {
      const saved = (await conn.request('save_behavior', { behavior: { document } })).behavior;
      await conn.request('assign_behavior', { behaviorId: saved.id, team });
      done.textContent = `saved as ${saved.name} and applied to team ${ctx.team(team).name}`;
      done.dataset.behaviorId = saved.id;
    } catch (error) {
      done.textContent = `not applied: ${error.code} ${error.message}`;
      done.className = 'error';
    }
  }
}

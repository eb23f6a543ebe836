// Controls: start/pause, step, reset, and add agents to each team (as many as the count says, within the range the
// server accepts: get_limits).
// Shortcuts: space starts or pauses, s steps, r resets (not while typing in a field).
import { el, typingInField } from '../dom.js';

export function mount(section, conn, ctx) {
  const command = (type, fields = {}) => conn.request(type, fields).catch((error) => ctx.reportError(type, error));
  const toggle = el('button', { className: 'primary', text: 'Start', title: 'start or pause the world (space)',
    attrs: { 'data-testid': 'toggle' }, on: { click: () => command(running() ? 'pause' : 'start') } });
  const step = el('button', { text: 'Step', title: 'advance one tick while paused (s)', on: { click: () => command('step') } });
  const reset = el('button', { text: 'Reset', title: 'start the round again with the current config (r)', attrs: { 'data-testid': 'reset' }, on: { click: () => command('reset') } });
  const count = el('input', { type: 'number', value: 1, step: 1, title: 'how many agents each Add button adds',
    attrs: { 'aria-label': 'agents to add', 'data-testid': 'add-count' } });
  const teams = el('div', { className: 'team-buttons' });
  section.append(el('h2', { text: 'Controls' }), el('div', { className: 'row' }, toggle, step, reset),
    el('div', { className: 'row' }, el('label', { text: 'add ' }, count), teams),
    el('p', { className: 'hint', text: 'space: start/pause · s: step · r: reset' }));

  const running = () => Boolean(ctx.world && ctx.world.running);
  let shownTeams = '';
  conn.onState((world) => {
    toggle.textContent = world.running ? 'Pause' : 'Start';
    // Rebuilt only when the teams change (a keyframe after a reset or a new config).
    const key = world.teamInfo.map((t) => `${t.name}${t.color}`).join('|');
    if (key === shownTeams) return;
    shownTeams = key;
    teams.replaceChildren(...world.teamInfo.map((team, index) => {
      const button = el('button', { className: 'team', text: `Add ${team.name}`, dataset: { team: index },
        attrs: { 'data-testid': `add-team-${index}` }, on: { click: () => addAgents(index) } });
      button.style.background = team.color;
      return button;
    }));
  });

  let range = null; // {min, max} from the server; until it is known, the server alone checks
  conn.onWelcome(() => ctx.withLimits((limits) => {
    range = limits.addAgentCount;
    count.min = range.min;
    count.max = range.max;
  }));

  function addAgents(team) {
    const n = Number(count.value);
    if (range && (!Number.isInteger(n) || n < range.min || n > range.max)) {
      ctx.notify(`the number of agents to add must be a whole number from ${range.min} to ${range.max}`, true);
      count.focus();
      return;
    }
    command('add_agent', { team, count: n });
  }

  document.addEventListener('keydown', (event) => {
    if (typingInField(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.code === 'Space') { event.preventDefault(); command(running() ? 'pause' : 'start'); }
    else if (event.key === 's') command('step');
    else if (event.key === 'r') command('reset');
  });
}

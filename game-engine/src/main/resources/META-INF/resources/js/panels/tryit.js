// "Try it" in the behavior editor: runs the edited document in a scenario of the built-in library (list_scenarios)
// in place of the behavior the scenario is about — every agent that runs the behavior of its first agent with a
// behavior — and shows the run (run_scenario → scenario_result) in a view of its own: the trace played back on a
// canvas, the expectations passed or failed with what was measured. Errors (an invalid behavior, BUSY) stay at
// the editor. Every server text goes in as text.
import { el, testId } from '../dom.js';
import { TracePlayer } from '../render/trace-player.js';

const SPEEDS = [1, 2, 4, 8];

/**
 * @param {{text: () => string, origin: () => (string|null)}} editor the edited text, and the id of the behavior
 *   it was opened from (its library scenario is the default)
 * @returns {HTMLElement} the picker, the button and the errors, for the editor's panel
 */
export function tryIt(conn, ctx, editor) {
  let library = [];
  const picker = el('select', { attrs: { ...testId('tryit-scenario'), 'aria-label': 'scenario to try in' },
    on: { change: () => { picked = true; describe(); } } });
  let picked = false; // the player chose; opening another behavior no longer moves the picker
  const subject = el('p', { className: 'hint', attrs: testId('tryit-subject') });
  const errors = el('ul', { className: 'log', attrs: { ...testId('tryit-errors'), 'aria-live': 'polite' } });
  const button = el('button', { text: 'Try it', attrs: testId('tryit-run'), title: 'run the edited behavior in the scenario',
    on: { click: run } });
  const view = traceView(ctx);

  function chosen() { return library.find((s) => s.id === picker.value); }

  // Whom the edited behavior stands in for: the agents running the behavior of the first agent that runs one.
  function subjectOf(scenario) {
    const first = scenario.document.agents.find((a) => typeof a.behavior === 'string');
    return first ? first.behavior : null;
  }

  function describe() {
    const scenario = chosen();
    if (!scenario) { subject.textContent = 'no scenarios'; return; }
    const replaced = subjectOf(scenario);
    const names = scenario.document.agents.filter((a) => a.behavior === replaced).map((a) => a.name);
    subject.textContent = `${scenario.description || scenario.name} Your behavior runs in place of '${replaced}' for ${names.join(', ')}.`;
  }

  /** Picks the scenario for the behavior the editor opened (unless the player chose one), else the first. */
  function follow() {
    if (picked || !library.length) return;
    const own = library.find((s) => s.behavior === editor.origin());
    picker.value = (own || library[0]).id;
    describe();
  }

  async function load() {
    library = (await conn.request('list_scenarios')).scenarios;
    picker.replaceChildren(...library.map((s) => el('option', { value: s.id, text: s.name })));
    follow();
  }

  async function run() {
    errors.replaceChildren();
    const scenario = chosen();
    if (!scenario) return;
    let behavior;
    try {
      behavior = JSON.parse(editor.text());
    } catch (error) {
      fail([`the editor's document is not JSON: ${error.message}`]);
      return;
    }
    const replaced = subjectOf(scenario);
    const document = { ...scenario.document,
      agents: scenario.document.agents.map((a) => (a.behavior === replaced ? { ...a, behavior } : a)) };
    button.disabled = true;
    errors.replaceChildren(el('li', { className: 'muted', text: `running ${scenario.name}…` }));
    try {
      const result = await conn.request('run_scenario', { scenario: document });
      errors.replaceChildren();
      view.show(scenario, document, result);
    } catch (error) {
      fail(explain(error, document));
    } finally {
      button.disabled = false;
    }
  }

  function fail(lines) {
    errors.replaceChildren(...lines.map((line) => el('li', { className: 'error', text: line })));
  }

  // A refusal in the editor's words: the behavior's problems by agent, BUSY as a wait.
  function explain(error, document) {
    if (error.code === 'BUSY') return [`busy: ${error.message}`];
    if (error.code !== 'INVALID_SCENARIO') return [`not run: ${error.code} ${error.message}`];
    return [`the behavior cannot run in this scenario (INVALID_SCENARIO):`, ...(error.errors || []).map((e) => {
      const at = /^\/agents\/(\d+)\/behavior(.*)$/.exec(e.path);
      const where = at ? `${document.agents[Number(at[1])].name}'s behavior at ${at[2] || '/'}` : e.path;
      return `${where}: ${e.code} ${e.message}`;
    })];
  }

  conn.onWelcome(() => load().catch((error) => { if (error.code !== 'OFFLINE') fail([`scenarios unavailable: ${error.code} ${error.message}`]); }));
  return Object.assign(el('div', { className: 'tryit', attrs: testId('tryit') },
    el('div', { className: 'row' }, button, el('label', { className: 'muted', text: 'in ' }, picker)), subject, errors),
  { follow });
}

// The run's own view, over the page: the playback canvas and its controls, the verdicts, the events.
function traceView(ctx) {
  const canvas = el('canvas', { attrs: { ...testId('tryit-canvas'), 'aria-label': 'the scenario played back' } });
  const tick = el('span', { className: 'tick', attrs: testId('tryit-tick') });
  const timeline = el('input', { type: 'range', min: 0, value: 0, attrs: { ...testId('tryit-timeline'), 'aria-label': 'tick' },
    on: { input: () => { player.pause(); player.tick = Number(timeline.value); player.draw(); showTick(player.tick, player.last, false); } } });
  const marks = el('div', { className: 'tryit-marks', attrs: { 'aria-hidden': 'true' } });
  const toggle = el('button', { text: 'Pause', attrs: testId('tryit-play'),
    on: { click: () => { if (player.playing) player.pause(); else player.play(); showTick(player.tick, player.last, player.playing); } } });
  const speed = el('select', { attrs: { 'aria-label': 'speed' }, on: { change: () => { player.speed = Number(speed.value); if (player.playing) player.play(); } } },
    ...SPEEDS.map((n) => el('option', { value: n, text: `${n}×` })));
  const verdicts = el('ul', { className: 'verdicts', attrs: testId('tryit-expectations') });
  const events = el('ul', { className: 'log tryit-events', attrs: testId('tryit-events') });
  const title = el('h2', {});
  const summary = el('p', { attrs: testId('tryit-summary') });
  const close = el('button', { text: 'Close', attrs: testId('tryit-close'), on: { click: hide } });
  const player = new TracePlayer(canvas, showTick);
  const root = el('div', { className: 'tryit-view', hidden: true, attrs: { ...testId('tryit-view'), role: 'dialog', 'aria-modal': 'true' } },
    el('div', { className: 'tryit-box' },
      el('div', { className: 'panel-head' }, title, close),
      el('div', { className: 'tryit-body' },
        el('div', { className: 'tryit-stage' }, canvas,
          el('div', { className: 'tryit-time' }, el('div', { className: 'tryit-track' }, timeline, marks)),
          el('div', { className: 'row' }, toggle, el('button', { text: 'Restart', attrs: testId('tryit-restart'), on: { click: () => player.restart() } }),
            speed, tick)),
        el('div', { className: 'tryit-side' }, summary, verdicts, el('h3', { text: 'hits and kills' }), events))));
  document.body.append(root);
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && !root.hidden) hide(); });

  function showTick(now, last, playing) {
    tick.textContent = `tick ${Math.floor(now)} / ${last}`;
    tick.dataset.tick = String(Math.floor(now));
    timeline.max = String(last);
    timeline.value = String(Math.floor(now));
    toggle.textContent = playing ? 'Pause' : 'Play';
  }

  function hide() {
    player.stop();
    root.hidden = true;
  }

  function show(scenario, document, result) {
    title.textContent = `Try it: ${result.name}`;
    summary.textContent = `${result.passed ? 'passed' : 'failed'}: ${result.expectations.filter((v) => v.ok).length} of ${result.expectations.length} expectations held in ${result.ticks} ticks (${result.elapsedMs} ms)${result.stopped ? `; stopped: ${result.stopped}` : ''}`;
    summary.className = result.passed ? 'passed' : 'error';
    summary.dataset.passed = String(result.passed);
    verdicts.replaceChildren(...result.expectations.map((v) => el('li', { className: v.ok ? 'passed' : 'failed', dataset: { ok: v.ok, type: v.type, measured: v.measured } },
      el('strong', { text: v.ok ? 'passed ' : 'failed ' }), el('span', { text: `${v.type}: measured ${round(v.measured)}` }),
      el('span', { className: 'muted', text: ` — ${v.message}` }))));
    const byName = new Map(document.agents.map((a) => [a.name, a]));
    events.replaceChildren(...result.trace.events.map((e) => el('li', { className: e.type,
      text: `tick ${e.tick}: ${e.agent || 'the arena'} ${e.type === 'kill' ? 'kills' : 'hits'} ${e.target}${e.type === 'hit' ? ` (${round(e.damage)})` : ''}` })));
    if (!result.trace.events.length) events.replaceChildren(el('li', { className: 'muted', text: 'none' }));
    const last = result.trace.samples.length ? result.trace.samples[result.trace.samples.length - 1].tick : 1;
    marks.replaceChildren(...result.trace.events.map((e) => el('span', { className: `mark ${e.type}`, title: `tick ${e.tick} ${e.type}`,
      attrs: { style: `left: ${(100 * e.tick) / Math.max(1, last)}%` } })));
    root.hidden = false;
    player.load(result.trace, scenario.arena, (name) => ctx.team(byName.has(name) ? byName.get(name).team : 0).color);
    close.focus();
  }

  return { show };
}

function round(value) {
  return Math.round(value * 100) / 100;
}

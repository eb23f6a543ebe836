// Team stats over time: alive and kills per team across the current round, sampled from the snapshots twice per
// simulated second and drawn with uPlot (alive solid, kills dashed, in the team's colour from the server). A new
// round or a reset starts the chart afresh.
import { el } from '../dom.js';
import { uPlot } from './vendor.js';

const SAMPLES_PER_SECOND = 2;
const MAX_SAMPLES = 1200;
const HEIGHT = 160;

export function mount(section, conn, ctx) {
  const box = el('div', { className: 'chart', attrs: { 'data-testid': 'team-chart' } });
  const summary = el('p', { className: 'muted', attrs: { 'data-testid': 'team-chart-summary' } });
  section.append(el('h2', { text: 'Team stats this round' }), box, summary);
  let series = null; // {round, teams, time: [], alive: [[]], kills: [[]]}
  let lastTick = -Infinity;
  let plot = null;
  let Plot = null;
  let drawnAt = 0;

  function startRound(world) {
    series = { round: world.round, teams: world.teams.length, time: [],
      alive: world.teams.map(() => []), kills: world.teams.map(() => []) };
    if (plot) { plot.destroy(); plot = null; }
  }

  function sample(world) {
    if (!world.teams || !world.teams.length) return;
    if (!series || world.round !== series.round || world.teams.length !== series.teams || world.tick < lastTick) startRound(world);
    if (world.tick - lastTick < world.ticksPerSecond / SAMPLES_PER_SECOND) return;
    lastTick = world.tick;
    series.time.push(world.time);
    world.teams.forEach((t, i) => { series.alive[i].push(t.alive); series.kills[i].push(t.kills); });
    if (series.time.length > MAX_SAMPLES) {
      series.time.shift();
      for (const s of [...series.alive, ...series.kills]) s.shift();
    }
    summary.textContent = world.teams.map((t, i) => `${ctx.team(i).name}: ${t.alive} alive, ${t.kills} kills`).join(' · ');
    summary.dataset.samples = String(series.time.length);
    draw();
  }

  function draw() {
    if (!Plot || section.offsetParent === null) return;
    const now = performance.now();
    if (plot && now - drawnAt < 500) return;
    drawnAt = now;
    const data = [series.time, ...series.alive, ...series.kills];
    if (!plot) {
      const teams = series.alive.map((_, i) => ctx.team(i));
      plot = new Plot({
        width: Math.max(200, box.clientWidth), height: HEIGHT,
        scales: { x: { time: false } },
        axes: [{ stroke: '#94a3b8', label: 's' }, { stroke: '#94a3b8' }],
        legend: { show: true },
        series: [{ label: 's' },
          ...teams.map((t) => ({ label: `${t.name} alive`, stroke: t.color, width: 2 })),
          ...teams.map((t) => ({ label: `${t.name} kills`, stroke: t.color, width: 1, dash: [4, 3] }))],
      }, data, box);
    } else {
      plot.setData(data);
    }
  }

  uPlot().then((loaded) => { Plot = loaded; }).catch((error) => ctx.notify(`team chart unavailable: ${error.message}`, true));
  conn.onState(sample);
  conn.onWelcome(() => { series = null; lastTick = -Infinity; });
}

// The heads-up display over the canvas: per team agents alive and kills, the round and its timer, the simulation's
// tick and time, how long the engine takes per tick (from the world info, asked every few seconds), and this page's
// own rates (snapshots/s, bytes/s, frames drawn per second, draw time per frame); and the selection.
// Refreshed a few times a second, not per frame: the DOM is slower than the canvas.
import { el } from './dom.js';

const REFRESH_MS = 500;
const WORLD_INFO_MS = 3000;

export class Hud {
  /**
   * @param {HTMLElement} root the HUD's element
   * @param {import('./connection.js').ArenaConnection} conn
   * @param {import('./render/arena-renderer.js').ArenaRenderer} renderer
   * @param {import('./context.js').PageContext} ctx
   */
  constructor(root, conn, renderer, ctx) {
    this.root = root;
    this.conn = conn;
    this.renderer = renderer;
    this.ctx = ctx;
    this.frames = 0;
    this.teamRows = [];
    this.teamList = el('ul', { className: 'hud-teams', attrs: { 'data-testid': 'hud-teams' } });
    this.round = el('div', { className: 'hud-round', attrs: { 'data-testid': 'hud-round' } });
    this.rates = el('div', { className: 'hud-rates', attrs: { 'data-testid': 'hud-rates' } });
    this.selected = el('div', { className: 'hud-selected', attrs: { 'data-testid': 'hud-selected' } });
    root.replaceChildren(this.teamList, this.round, this.rates, this.selected);
    this.last = { at: performance.now(), snapshots: 0, bytes: 0, frames: 0 };
    this.tickMillis = null;
    setInterval(() => this.refresh(), REFRESH_MS);
    conn.onStatus((status) => { if (status.state !== 'online') root.hidden = true; });
    conn.onWelcome((welcome) => this.worldInfo([welcome.world]));
    conn.on('world_list', (message) => this.worldInfo(message.worlds));
    // A poll that fails leaves the last figure up; the next one is due in a few seconds.
    setInterval(() => { if (conn.welcome) conn.request('list_worlds').catch(() => {}); }, WORLD_INFO_MS);
  }

  worldInfo(worlds) {
    const info = worlds.find((world) => world.id === this.conn.worldId);
    this.tickMillis = info ? info.tickMillis : null;
  }

  /** Counts a drawn frame (for FPS). */
  frameDrawn() { this.frames++; }

  refresh() {
    const now = performance.now();
    const seconds = (now - this.last.at) / 1000;
    const received = this.conn.received;
    const snapshotsPerSecond = (received.snapshots - this.last.snapshots) / seconds;
    const bytesPerSecond = (received.bytes - this.last.bytes) / seconds;
    const fps = (this.frames - this.last.frames) / seconds;
    this.last = { at: now, snapshots: received.snapshots, bytes: received.bytes, frames: this.frames };
    const world = this.conn.world;
    this.root.hidden = !world;
    if (!world) return;
    this.root.dataset.worldId = world.worldId;
    this.showTeams(world);
    const timer = world.roundTimeLeft === null ? 'no time limit' : `${formatClock(world.roundTimeLeft)} left`;
    const tickTime = this.tickMillis === null || this.tickMillis === undefined ? '' : ` · ${this.tickMillis.toFixed(2)} ms/tick`;
    this.round.textContent = `round ${world.round} · ${timer} · ${world.running ? 'running' : 'paused'} · tick ${world.tick} (${world.time.toFixed(1)} s)${tickTime}`;
    this.round.dataset.running = String(world.running);
    this.rates.textContent = `${snapshotsPerSecond.toFixed(1)} snapshots/s · ${formatBytes(bytesPerSecond)}/s · `
      + `${Math.round(fps)} FPS · draw ${this.renderer.drawMs.toFixed(2)} ms`;
    this.rates.dataset.drawMs = this.renderer.drawMs.toFixed(3);
    this.rates.dataset.fps = fps.toFixed(1);
    this.showSelected(world);
  }

  // The selection in one line: the agent in focus (who it is, the rule it follows now; details are the agent
  // panel's) and, when several are selected, how many and how many of them run a custom behavior (marked).
  showSelected(world) {
    const ids = this.ctx.selectedIds;
    const agent = this.ctx.selectedAgent();
    let inView = 0;
    let custom = 0;
    if (ids.size > 1) {
      for (const each of world.agents.values()) {
        if (!ids.has(each.id)) continue;
        inView++;
        if (this.renderer.isCustom(each)) custom++;
      }
    }
    this.selected.hidden = !agent && ids.size < 2;
    Object.assign(this.selected.dataset, { agentId: agent ? String(agent.id) : '', count: String(ids.size), custom: String(custom) });
    if (this.selected.hidden) return;
    const focus = agent ? `agent ${agent.id} (${this.ctx.team(agent.team).name}) · ${this.conn.name(agent.state) || '?'}`
      + ` · health ${agent.health} · ${agent.kills} kills` : 'none in view';
    this.selected.textContent = ids.size < 2 ? `selected: ${focus}`
      : `${ids.size} selected (${inView} in view, ${custom} on a custom behavior) · focus: ${focus}`;
  }

  showTeams(world) {
    while (this.teamRows.length > world.teams.length) this.teamRows.pop().row.remove();
    while (this.teamRows.length < world.teams.length) {
      const swatch = el('span', { className: 'swatch' });
      const text = el('span');
      const row = el('li', { dataset: { team: this.teamRows.length } }, swatch, text);
      this.teamList.append(row);
      this.teamRows.push({ row, swatch, text });
    }
    world.teams.forEach((team, index) => {
      const { row, swatch, text } = this.teamRows[index];
      swatch.style.background = team.color;
      // Zoomed in, the server sends only the agents in view and counts the others.
      const outside = world.viewport ? ` · ${team.outside} outside the view` : '';
      text.textContent = `${team.name}: ${team.alive}/${team.agents} alive · ${team.kills} kills · ${team.roundsWon} rounds won${outside}`;
      row.dataset.outside = String(world.viewport ? team.outside : 0);
      row.dataset.alive = String(team.alive);
      row.dataset.agents = String(team.agents);
      row.dataset.kills = String(team.kills);
    });
  }
}

function formatClock(seconds) {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function formatBytes(bytes) {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${Math.round(bytes)} B`;
}

// Draws the world on the canvas at the display's rate: walls, agents (body in the team's colour, heading, health
// bar), a ring round each selected agent (and the zones of the one in focus), the box being drawn to select, a mark
// on agents running a behavior that is not built in, optional grid, zones and rule labels. Everything the drawing
// needs (sizes, colours, zone radii, names) comes from the snapshots.
// Agents move from where the previous snapshot had them to where the latest has them, over one snapshot interval.
// For 10,000 agents each kind of shape is one path per team, filled or stroked once; zoomed out so far that agents
// are a pixel or two, they and the background are written as pixels (DotLayer) instead.
import { POSITION_STEPS_PER_UNIT } from '../snapshot-decoder.js';
import { Camera } from './camera.js';
import { DotLayer } from './dot-layer.js';

const BACKGROUND = '#020617';
const OUTSIDE = '#0b1220';
const WALL = '#475569';
const GRID = '#1e293b';
const HEALTH_BACK = '#334155';
const HEALTH_OK = '#22c55e';
const HEALTH_LOW = '#ef4444';
const LOW_HEALTH = 0.3; // below this share of maxHealth the bar turns red
const MARK = '#f8fafc';
// Rule labels and zones are drawn only while this few agents are in view: beyond, they would be noise.
const MAX_LABELS = 300;
const MAX_ZONES = 1500;
const VIEWPORT_DEBOUNCE_MS = 250;
// Agents smaller than this on screen (radius, CSS pixels) are drawn as squares; smaller than DETAIL, bodies only.
const ROUND_RADIUS_PX = 2;
const DETAIL_RADIUS_PX = 3;

export class ArenaRenderer {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {import('../connection.js').ArenaConnection} conn
   * @param {import('../context.js').PageContext} ctx
   */
  constructor(canvas, conn, ctx) {
    this.canvas = canvas;
    this.g = canvas.getContext('2d');
    this.conn = conn;
    this.ctx = ctx;
    this.camera = new Camera();
    this.dots = new DotLayer();
    this.options = { grid: false, zones: false, labels: true };
    this.builtIns = new Set();
    this.frameAt = 0;
    this.frameInterval = 50; // smoothed time between snapshots, ms
    this.drawMs = 0; // smoothed time to draw one frame, ms
    this.viewportSent = null;
    this.viewportTimer = null;
    this.placed = []; // per team: buffers of the agents in view (see placeAgents)
    this.box = null; // the selection box being drawn (shift-drag), in CSS pixels of the canvas: {x0, y0, x1, y1}
    conn.onState(() => this.snapshotArrived());
    conn.onWelcome(() => { this.viewportSent = null; this.sendViewportSoon(); });
    this.listenToPointer();
  }

  /** Behavior ids that ship with the engine: agents on any other are marked. */
  setBuiltIns(ids) { this.builtIns = new Set(ids); }

  set(option, value) { this.options[option] = value; }

  snapshotArrived() {
    const now = performance.now();
    if (this.frameAt) this.frameInterval = 0.8 * this.frameInterval + 0.2 * Math.min(500, now - this.frameAt);
    this.frameAt = now;
  }

  /** Draws one frame; returns false when there is nothing to draw yet. */
  draw(now = performance.now()) {
    const world = this.conn.world;
    if (!world || !world.width) return false;
    const started = performance.now();
    const g = this.g;
    const dpr = window.devicePixelRatio || 1;
    const cssWidth = this.canvas.clientWidth;
    const cssHeight = this.canvas.clientHeight;
    if (this.canvas.width !== Math.round(cssWidth * dpr) || this.canvas.height !== Math.round(cssHeight * dpr)) {
      this.canvas.width = Math.round(cssWidth * dpr);
      this.canvas.height = Math.round(cssHeight * dpr);
    }
    this.camera.resize(cssWidth, cssHeight, world.width, world.height);
    const cam = this.camera;
    const s = cam.scale * dpr;
    const teams = this.placeAgents(world, Math.min(1, (now - this.frameAt) / this.frameInterval), cam.visible(), world.radius);
    // Agents under a few pixels: squares of at least a pixel and a half, as visible as discs at this size.
    const dots = world.radius * cam.scale < ROUND_RADIUS_PX;
    if (dots) {
      const side = Math.max(1, Math.round(2 * Math.max(world.radius * cam.scale, 0.75) * dpr));
      this.dots.paint(g, this.canvas.width, this.canvas.height, { scale: s, x: cam.x, y: cam.y }, world, teams, side,
        { outside: OUTSIDE, background: BACKGROUND, teams: world.teamInfo.map((team) => team.color) });
      g.setTransform(s, 0, 0, s, -cam.x * s, -cam.y * s);
    } else {
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.fillStyle = OUTSIDE;
      g.fillRect(0, 0, this.canvas.width, this.canvas.height);
      g.setTransform(s, 0, 0, s, -cam.x * s, -cam.y * s);
      g.fillStyle = BACKGROUND;
      g.fillRect(0, 0, world.width, world.height);
    }
    if (this.options.grid) this.drawGrid(world);
    g.fillStyle = WALL;
    for (const wall of world.walls) g.fillRect(wall.x, wall.y, wall.width, wall.height);
    this.drawAgents(world, teams, dots);
    this.drawMs = 0.9 * this.drawMs + 0.1 * (performance.now() - started);
    return true;
  }

  // The grid's cell is the visual range: the largest distance an agent perceives at.
  drawGrid(world) {
    const g = this.g;
    const cell = world.zones.visual;
    if (!(cell > 0)) return;
    g.strokeStyle = GRID;
    g.lineWidth = 1 / this.camera.scale;
    g.beginPath();
    for (let x = 0; x <= world.width; x += cell) { g.moveTo(x, 0); g.lineTo(x, world.height); }
    for (let y = 0; y <= world.height; y += cell) { g.moveTo(0, y); g.lineTo(world.width, y); }
    g.stroke();
  }

  // The agents' bodies (unless drawn as dots already), heading, health and marks when large enough, the selection.
  drawAgents(world, teams, dots) {
    const g = this.g;
    const r = world.radius;
    const px = 1 / this.camera.scale; // one CSS pixel in world units
    const count = teams.reduce((sum, team) => sum + team.count, 0);
    this.lastInView = count;
    // Level of detail: below a few pixels, heading, health and marks are not visible; only bodies are drawn.
    const radiusPx = r / px;
    const detailed = radiusPx >= DETAIL_RADIUS_PX;
    if (this.options.zones && count <= MAX_ZONES) this.drawZones(world, teams, px);
    for (let team = 0; team < teams.length && !dots; team++) {
      const { xs, ys, count: n } = teams[team];
      if (!n) continue;
      g.fillStyle = world.teamInfo[team].color;
      g.beginPath();
      for (let i = 0; i < n; i++) { g.moveTo(xs[i] + r, ys[i]); g.arc(xs[i], ys[i], r, 0, Math.PI * 2); }
      g.fill();
    }
    if (detailed) {
      g.lineWidth = Math.max(px, r / 6);
      g.strokeStyle = MARK;
      g.beginPath();
      for (const { xs, ys, agents, count: n } of teams) {
        for (let i = 0; i < n; i++) {
          const heading = agents[i].heading;
          g.moveTo(xs[i], ys[i]);
          g.lineTo(xs[i] + Math.cos(heading) * r * 1.6, ys[i] + Math.sin(heading) * r * 1.6);
        }
      }
      g.stroke();
      this.drawHealth(world, teams, r);
      this.drawCustomMarks(teams, r);
    }
    this.drawSelection(world, teams, r, px);
    if (this.options.labels && count <= MAX_LABELS && detailed) this.drawLabels(teams, r, px);
    if (this.box) this.drawBox(px);
  }

  // A ring round every selected agent in view; the one in focus also shows its awareness zones.
  drawSelection(world, teams, r, px) {
    const ids = this.ctx.selectedIds;
    if (!ids.size) return;
    const g = this.g;
    const ring = Math.max(r, 2 * px) + 4 * px;
    const focused = { xs: [], ys: [], count: 0 };
    g.strokeStyle = MARK;
    g.lineWidth = 2 * px;
    g.beginPath();
    for (const { xs, ys, agents, count } of teams) {
      for (let i = 0; i < count; i++) {
        const id = agents[i].id;
        if (!ids.has(id)) continue;
        g.moveTo(xs[i] + ring, ys[i]);
        g.arc(xs[i], ys[i], ring, 0, Math.PI * 2);
        if (id === this.ctx.selectedAgentId) { focused.xs.push(xs[i]); focused.ys.push(ys[i]); focused.count = 1; }
      }
    }
    g.stroke();
    if (focused.count) this.drawZones(world, [focused], px, [MARK]);
  }

  drawBox(px) {
    const g = this.g;
    const a = this.camera.toWorld(this.box.x0, this.box.y0);
    const b = this.camera.toWorld(this.box.x1, this.box.y1);
    g.strokeStyle = MARK;
    g.lineWidth = px;
    g.setLineDash([4 * px, 3 * px]);
    g.strokeRect(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(b.x - a.x), Math.abs(b.y - a.y));
    g.setLineDash([]);
  }

  // Per team, the living agents in view and where they are drawn (interpolated), in buffers kept between frames:
  // no allocation per agent per frame.
  placeAgents(world, t, view, r) {
    const teamCount = world.teamInfo.length;
    while (this.placed.length < teamCount) this.placed.push({ xs: new Float64Array(64), ys: new Float64Array(64), agents: [], count: 0 });
    const teams = this.placed.slice(0, teamCount);
    for (const team of teams) team.count = 0;
    const left = view.x - r;
    const top = view.y - r;
    const right = view.x + view.w + r;
    const bottom = view.y + view.h + r;
    for (const agent of world.agents.values()) {
      if (!agent.alive) continue;
      const x = (agent.px + (agent.x - agent.px) * t) / POSITION_STEPS_PER_UNIT;
      const y = (agent.py + (agent.y - agent.py) * t) / POSITION_STEPS_PER_UNIT;
      if (x < left || y < top || x > right || y > bottom) continue;
      const team = teams[agent.team];
      if (!team) continue;
      if (team.count === team.xs.length) {
        const xs = new Float64Array(team.count * 2); xs.set(team.xs); team.xs = xs;
        const ys = new Float64Array(team.count * 2); ys.set(team.ys); team.ys = ys;
      }
      team.xs[team.count] = x;
      team.ys[team.count] = y;
      team.agents[team.count] = agent;
      team.count++;
    }
    return teams;
  }

  // The awareness zones (visual, recognition, attack) around each agent, faint, in its team's colour.
  drawZones(world, teams, px, colors = world.teamInfo.map((team) => team.color)) {
    const g = this.g;
    g.lineWidth = px;
    const zones = [world.zones.visual, world.zones.recognition, world.zones.attack];
    for (let team = 0; team < teams.length; team++) {
      const { xs, ys, count } = teams[team];
      g.strokeStyle = `${colors[team]}40`;
      g.beginPath();
      for (let i = 0; i < count; i++) {
        for (const zone of zones) { g.moveTo(xs[i] + zone, ys[i]); g.arc(xs[i], ys[i], zone, 0, Math.PI * 2); }
      }
      g.stroke();
    }
  }

  drawHealth(world, teams, r) {
    const g = this.g;
    const height = r * 0.3;
    const top = -r - height * 2;
    g.fillStyle = HEALTH_BACK;
    g.beginPath();
    for (const { xs, ys, count } of teams) for (let i = 0; i < count; i++) g.rect(xs[i] - r, ys[i] + top, 2 * r, height);
    g.fill();
    for (const low of [false, true]) {
      g.fillStyle = low ? HEALTH_LOW : HEALTH_OK;
      g.beginPath();
      for (const { xs, ys, agents, count } of teams) {
        for (let i = 0; i < count; i++) {
          const share = Math.max(0, Math.min(1, agents[i].health / world.maxHealth));
          if ((share < LOW_HEALTH) === low) g.rect(xs[i] - r, ys[i] + top, 2 * r * share, height);
        }
      }
      g.fill();
    }
  }

  // A small white dot at the centre: this agent runs a behavior someone wrote, not one shipped with the engine.
  drawCustomMarks(teams, r) {
    if (!this.builtIns.size) return;
    const custom = []; // per name number: true when it names a behavior that is not built in
    const g = this.g;
    g.fillStyle = MARK;
    g.beginPath();
    for (const { xs, ys, agents, count } of teams) {
      for (let i = 0; i < count; i++) {
        const behavior = agents[i].behavior;
        if (custom[behavior] === undefined) custom[behavior] = this.isCustom(agents[i]);
        if (!custom[behavior]) continue;
        g.moveTo(xs[i] + r * 0.35, ys[i]);
        g.arc(xs[i], ys[i], r * 0.35, 0, Math.PI * 2);
      }
    }
    g.fill();
  }

  /** True when the agent runs a behavior the engine does not ship (it is marked); false until the list is known. */
  isCustom(agent) {
    return this.builtIns.size > 0 && !this.builtIns.has(this.conn.name(agent.behavior));
  }

  // The rule each agent follows now, under it.
  drawLabels(teams, r, px) {
    const g = this.g;
    g.font = `${11 * px}px system-ui, sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'top';
    g.fillStyle = '#cbd5e1';
    for (const { xs, ys, agents, count } of teams) {
      for (let i = 0; i < count; i++) {
        const rule = this.conn.name(agents[i].state);
        if (rule) g.fillText(rule, xs[i], ys[i] + r + 2 * px);
      }
    }
  }

  /** The ids of the living agents inside the rectangle between two world points. */
  agentsIn(a, b) {
    const world = this.conn.world;
    if (!world) return [];
    const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    const ids = [];
    for (const agent of world.agents.values()) {
      const x = agent.x / POSITION_STEPS_PER_UNIT;
      const y = agent.y / POSITION_STEPS_PER_UNIT;
      if (agent.alive && x >= left && x <= right && y >= top && y <= bottom) ids.push(agent.id);
    }
    return ids;
  }

  /** The living agent nearest to the world point, within two radii, or null. */
  agentAt(wx, wy) {
    const world = this.conn.world;
    if (!world) return null;
    let best = null;
    let bestDistance = (world.radius * 2) ** 2;
    for (const agent of world.agents.values()) {
      if (!agent.alive) continue;
      const dx = agent.x / POSITION_STEPS_PER_UNIT - wx;
      const dy = agent.y / POSITION_STEPS_PER_UNIT - wy;
      const distance = dx * dx + dy * dy;
      if (distance <= bestDistance) { best = agent; bestDistance = distance; }
    }
    return best;
  }

  // Drag pans, the wheel zooms around the pointer, a click selects one agent (or clears), a shift-click adds an
  // agent to the selection or takes it out, a shift-drag adds the agents in its box, a double click fits the world.
  listenToPointer() {
    const canvas = this.canvas;
    let drag = null;
    const at = (event) => { const rect = canvas.getBoundingClientRect(); return { x: event.clientX - rect.left, y: event.clientY - rect.top }; };
    canvas.addEventListener('pointerdown', (event) => {
      drag = { x: event.clientX, y: event.clientY, moved: false, boxing: event.shiftKey, from: at(event) };
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!drag) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      drag.moved = true;
      if (drag.boxing) {
        const to = at(event);
        this.box = { x0: drag.from.x, y0: drag.from.y, x1: to.x, y1: to.y };
        return;
      }
      this.camera.pan(dx, dy);
      drag.x = event.clientX;
      drag.y = event.clientY;
      this.sendViewportSoon();
    });
    canvas.addEventListener('pointerup', (event) => {
      if (drag && drag.boxing && drag.moved) {
        const to = at(event);
        this.ctx.addAgents(this.agentsIn(this.camera.toWorld(drag.from.x, drag.from.y), this.camera.toWorld(to.x, to.y)));
      } else if (drag && !drag.moved) {
        const point = at(event);
        const world = this.camera.toWorld(point.x, point.y);
        const agent = this.agentAt(world.x, world.y);
        if (event.shiftKey && agent) this.ctx.toggleAgent(agent.id);
        else if (!event.shiftKey) this.ctx.selectAgent(agent ? agent.id : null);
      }
      this.box = null;
      drag = null;
    });
    canvas.addEventListener('wheel', (event) => {
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      this.camera.zoom(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
      this.sendViewportSoon();
    }, { passive: false });
    canvas.addEventListener('dblclick', () => this.fit());
  }

  /** Back to the whole world. */
  fit() {
    this.camera.fit();
    this.sendViewportSoon();
  }

  zoomBy(factor) {
    this.camera.zoom(factor, this.camera.screen.width / 2, this.camera.screen.height / 2);
    this.sendViewportSoon();
  }

  // The server then sends only the agents in view (docs/protocol.md, "viewport"); none when all is in view.
  sendViewportSoon() {
    clearTimeout(this.viewportTimer);
    this.viewportTimer = setTimeout(() => this.sendViewport(), VIEWPORT_DEBOUNCE_MS);
  }

  sendViewport() {
    if (!this.conn.welcome) return;
    const whole = this.camera.showsWholeWorld();
    const v = this.camera.visible();
    const viewport = whole ? null : { x: v.x, y: v.y, w: v.w, h: v.h };
    const key = JSON.stringify(viewport);
    if (key === this.viewportSent || (whole && this.viewportSent === null)) return;
    this.viewportSent = key;
    this.conn.request('viewport', viewport || {}).catch((error) => {
      this.viewportSent = null;
      this.ctx.reportError('viewport', error);
    });
  }
}

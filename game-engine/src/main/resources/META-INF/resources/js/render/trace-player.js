// Plays a scenario's trace back on a canvas of its own (never the live world's): the arena the scenario built
// (size and walls, from scenario_list), the traced agents moved between their samples as time goes, each hit and
// kill marked where and when it happened. Ticks play at the arena's ticksPerSecond times `speed`.
const BACKGROUND = '#020617';
const OUTSIDE = '#0b1220';
const WALL = '#475569';
const HIT = '#facc15';
const KILL = '#f87171';
const MARK_TICKS = 20; // how long a hit or kill stays marked

export class TracePlayer {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {(tick: number, last: number, playing: boolean) => void} onTick told the shown tick on every frame
   */
  constructor(canvas, onTick) {
    this.canvas = canvas;
    this.g = canvas.getContext('2d');
    this.onTick = onTick;
    this.speed = 1;
    this.playing = false;
    this.tick = 0;
    this.frame = null;
  }

  /**
   * @param {object} trace the scenario_result's trace {agents, samples, events}
   * @param {{width, height, agentRadius, walls, ticksPerSecond}} arena
   * @param {(name: string) => string} colorOf each traced agent's team colour
   */
  load(trace, arena, colorOf) {
    this.trace = trace;
    this.arena = arena;
    this.colors = trace.agents.map((name) => colorOf(name));
    this.last = trace.samples.length ? trace.samples[trace.samples.length - 1].tick : 0;
    this.restart();
  }

  restart() {
    this.tick = 0;
    this.play();
  }

  play() {
    if (this.tick >= this.last) this.tick = 0;
    this.playing = true;
    this.startedAt = performance.now();
    this.startTick = this.tick;
    if (!this.frame) this.frame = requestAnimationFrame((now) => this.step(now));
  }

  pause() {
    this.playing = false;
  }

  /** Stops drawing (the view closed). */
  stop() {
    this.playing = false;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  step(now) {
    this.frame = null;
    if (this.playing) {
      this.tick = Math.min(this.last, this.startTick + ((now - this.startedAt) / 1000) * this.arena.ticksPerSecond * this.speed);
      if (this.tick >= this.last) this.playing = false;
    }
    this.draw();
    this.onTick(Math.floor(this.tick), this.last, this.playing);
    if (this.playing) this.frame = requestAnimationFrame((t) => this.step(t));
  }

  /** Redraws the tick shown now (after a resize, or when paused). */
  draw() {
    if (!this.trace) return;
    const { canvas, g, arena } = this;
    const dpr = window.devicePixelRatio || 1;
    const width = Math.round(canvas.clientWidth * dpr);
    const height = Math.round(canvas.clientHeight * dpr);
    if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
    const s = Math.min(width / arena.width, height / arena.height);
    const ox = (width - arena.width * s) / 2;
    const oy = (height - arena.height * s) / 2;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = OUTSIDE;
    g.fillRect(0, 0, width, height);
    g.setTransform(s, 0, 0, s, ox, oy);
    g.fillStyle = BACKGROUND;
    g.fillRect(0, 0, arena.width, arena.height);
    g.fillStyle = WALL;
    for (const wall of arena.walls) g.fillRect(wall.x, wall.y, wall.width, wall.height);
    const positions = this.positionsAt(this.tick);
    this.drawAgents(positions, s);
    this.drawEvents(positions, s);
  }

  // Each traced agent between the samples around `tick`, linearly; a dead one where it died, faded.
  positionsAt(tick) {
    const samples = this.trace.samples;
    let i = 0;
    while (i < samples.length - 2 && samples[i + 1].tick <= tick) i++;
    const a = samples[i];
    const b = samples[Math.min(i + 1, samples.length - 1)];
    const t = b.tick > a.tick ? Math.min(1, Math.max(0, (tick - a.tick) / (b.tick - a.tick))) : 0;
    return a.agents.map((from, k) => {
      const to = b.agents[k];
      const jump = from.state === 'DEAD' || to.state === 'DEAD';
      return { x: jump ? from.x : from.x + (to.x - from.x) * t, y: jump ? from.y : from.y + (to.y - from.y) * t,
        health: from.health, state: t < 0.5 ? from.state : to.state };
    });
  }

  drawAgents(positions, s) {
    const g = this.g;
    const r = this.arena.agentRadius;
    g.font = `${12 / s}px system-ui, sans-serif`;
    g.textAlign = 'center';
    positions.forEach((p, k) => {
      g.globalAlpha = p.state === 'DEAD' ? 0.3 : 1;
      g.fillStyle = this.colors[k];
      g.beginPath();
      g.arc(p.x, p.y, r, 0, Math.PI * 2);
      g.fill();
      // The name above, the state below: two agents side by side keep their labels apart longer.
      g.fillStyle = '#e2e8f0';
      g.fillText(this.trace.agents[k], p.x, p.y - r - 4 / s);
      g.fillStyle = '#94a3b8';
      g.fillText(p.state, p.x, p.y + r + 14 / s);
    });
    g.globalAlpha = 1;
  }

  // A ring round the target of each hit (yellow) or kill (red) of the last MARK_TICKS ticks, fading.
  drawEvents(positions, s) {
    const g = this.g;
    g.lineWidth = 2 / s;
    for (const event of this.trace.events) {
      const age = this.tick - event.tick;
      if (age < 0 || age > MARK_TICKS) continue;
      const k = this.trace.agents.indexOf(event.target);
      if (k < 0) continue;
      g.globalAlpha = 1 - age / MARK_TICKS;
      g.strokeStyle = event.type === 'kill' ? KILL : HIT;
      g.beginPath();
      g.arc(positions[k].x, positions[k].y, this.arena.agentRadius * (1.6 + age / MARK_TICKS), 0, Math.PI * 2);
      g.stroke();
    }
    g.globalAlpha = 1;
  }
}

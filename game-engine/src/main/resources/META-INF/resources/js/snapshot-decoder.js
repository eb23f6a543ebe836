// Decoder of the engine's binary snapshot frames (docs/protocol.md, "Snapshot frames").
// One decoder per connection: it keeps the agents it has built up, and a delta applies only to the frame
// before it on the same connection. decode() throws SnapshotGapError when a delta does not fit; the caller
// then asks for a keyframe (request_keyframe).

const KEYFRAME = 1;
const DELTA = 2;
const STEPS = 4; // position steps per world unit
const KEYFRAME_STEP = 8; // position steps per keyframe step (2 units)
const HEADING_STEPS = 64;

export class SnapshotGapError extends Error {}

class Reader {
  constructor(buffer) {
    this.bytes = new Uint8Array(buffer);
    this.pos = 0;
    this.bitsLeft = 0;
    this.current = 0;
  }
  align() { this.bitsLeft = 0; }
  u8() { this.align(); return this.bytes[this.pos++]; }
  varint() {
    this.align();
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.bytes[this.pos++];
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return value;
      scale *= 128;
    }
  }
  string() {
    const length = this.varint();
    const text = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return text;
  }
  bit() {
    if (this.bitsLeft === 0) { this.current = this.bytes[this.pos++]; this.bitsLeft = 8; }
    this.bitsLeft--;
    return (this.current >> this.bitsLeft) & 1;
  }
  bits(count) {
    let value = 0;
    for (let i = 0; i < count; i++) value = value * 2 + this.bit();
    return value;
  }
  expGolomb(k) {
    let zeros = 0;
    while (!this.bit()) zeros++;
    let m = 1;
    for (let i = 0; i < zeros + k; i++) m = m * 2 + this.bit();
    return m - 2 ** k;
  }
  signed(k) {
    const v = this.expGolomb(k);
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }
}

const bitsFor = (max) => (max <= 0 ? 0 : Math.floor(Math.log2(max)) + 1);
const keyframeSteps = (steps) => Math.floor((steps + KEYFRAME_STEP / 2) / KEYFRAME_STEP);

export class SnapshotDecoder {
  constructor() {
    this.seq = -1;
    this.agents = new Map(); // slot -> agent; x, y in position steps; px, py: where it was one frame before
    this.names = [];
    this.velocityKnown = false;
    this.keyframeBaseline = false;
    this.world = null;
  }

  /** Applies one frame and returns the world: {tick, running, width, height, walls, teams, agents (Map), …}. */
  decode(buffer) {
    const r = new Reader(buffer);
    const kind = r.u8();
    const flags = r.u8();
    const seq = r.varint();
    if (kind === DELTA) {
      const base = r.varint();
      if (base !== this.seq) throw new SnapshotGapError(`delta against frame ${base}, have ${this.seq}`);
    } else if (kind !== KEYFRAME) {
      throw new SnapshotGapError(`unknown frame kind ${kind}`);
    }
    const gap = seq - this.seq;
    const world = this.world || {};
    world.kind = kind === KEYFRAME ? 'keyframe' : 'delta';
    world.running = (flags & 1) !== 0;
    world.viewport = (flags & 2) !== 0;
    const predict = (flags & 4) !== 0;
    const hasRounds = (flags & 8) !== 0;
    const coarse = (flags & 16) !== 0;
    if (kind === DELTA && (predict !== this.velocityKnown || coarse !== this.keyframeBaseline)) {
      throw new SnapshotGapError('the delta predicts from a baseline this decoder does not have');
    }
    world.tick = r.varint();
    world.round = r.varint();
    const left = r.varint();
    world.roundTimeLeft = left === 0 ? null : (left - 1) / 10;
    world.capturedAt = r.varint(); // the server's clock (epoch ms) when the state was copied
    if (kind === KEYFRAME) this.readStatic(r, world);
    else { const added = r.varint(); for (let i = 0; i < added; i++) this.names.push(r.string()); }
    world.time = world.tick / world.ticksPerSecond;
    this.readTeams(r, world);
    this.readKills(r, world);
    if (hasRounds) {
      world.rounds = [];
      const count = r.varint();
      for (let i = 0; i < count; i++) world.rounds.push({ round: r.varint(), winner: r.u8() - 1, endTick: r.varint() });
    }
    if (kind === KEYFRAME) {
      this.agents.clear();
      const count = r.varint();
      let previous = { slot: -1, id: 0, team: 0 };
      for (let i = 0; i < count; i++) { previous = this.readFull(r, world, previous, false); this.agents.set(previous.slot, previous); }
      this.velocityKnown = false;
      this.keyframeBaseline = true;
    } else {
      this.readDelta(r, world, gap, predict);
      this.velocityKnown = gap === 1 && !this.keyframeBaseline;
      this.keyframeBaseline = false;
    }
    this.seq = seq;
    world.agents = this.agents;
    this.world = world;
    return world;
  }

  readStatic(r, world) {
    world.worldId = r.string();
    world.staticVersion = r.varint();
    world.ticksPerSecond = r.varint();
    world.widthSteps = r.varint();
    world.heightSteps = r.varint();
    world.width = world.widthSteps / STEPS;
    world.height = world.heightSteps / STEPS;
    world.radius = r.varint() / STEPS;
    world.maxHealth = r.varint();
    world.zones = { attack: r.varint() / STEPS, recognition: r.varint() / STEPS, visual: r.varint() / STEPS, flocking: r.varint() / STEPS };
    const teamCount = r.u8();
    world.teamInfo = [];
    for (let t = 0; t < teamCount; t++) world.teamInfo.push({ name: r.string(), color: r.string() });
    this.names = [];
    const nameCount = r.varint();
    for (let i = 0; i < nameCount; i++) this.names.push(r.string());
    world.walls = [];
    const wallCount = r.varint();
    const yBits = bitsFor(Math.floor(world.heightSteps / STEPS));
    let x = 0;
    for (let i = 0; i < wallCount; i++) {
      x += r.expGolomb(5);
      const y = r.bits(yBits);
      const w = r.expGolomb(4);
      const h = r.bit() ? w : r.expGolomb(4);
      world.walls.push({ x, y, width: w, height: h });
    }
    r.align();
  }

  readTeams(r, world) {
    const count = r.u8();
    world.teams = [];
    for (let t = 0; t < count; t++) {
      const info = world.teamInfo[t] || { name: `team ${t}`, color: '#94a3b8' };
      world.teams.push({
        team: t, name: info.name, color: info.color, agents: r.varint(), alive: r.varint(), kills: r.varint(),
        deaths: r.varint(), damageDealt: r.varint(), roundsWon: r.varint(), behaviorIndex: r.varint(),
        outside: world.viewport ? r.varint() : 0,
      });
      world.teams[t].behavior = this.names[world.teams[t].behaviorIndex];
    }
  }

  readKills(r, world) {
    world.events = [];
    const count = r.varint();
    for (let i = 0; i < count; i++) {
      const ago = r.varint();
      world.events.push({ tick: world.tick - ago, victimId: r.varint(), victimTeam: r.u8(), killerId: r.varint(),
        killerTeam: r.u8() - 1, lifetime: r.varint() / 10 });
    }
  }

  readFull(r, world, previous, inDelta) {
    const nameBits = bitsFor(this.names.length - 1);
    const a = {};
    if (r.bit()) { a.slot = previous.slot + 1; a.id = previous.id + 1; a.team = previous.team; } else {
      a.slot = previous.slot + 1 + r.expGolomb(0);
      a.id = previous.id + 1 + r.signed(0);
      a.team = r.bits(bitsFor(world.teams.length - 1));
    }
    if (inDelta) {
      a.x = r.bits(bitsFor(world.widthSteps));
      a.y = r.bits(bitsFor(world.heightSteps));
    } else {
      a.x = r.bits(bitsFor(keyframeSteps(world.widthSteps))) * KEYFRAME_STEP;
      a.y = r.bits(bitsFor(keyframeSteps(world.heightSteps))) * KEYFRAME_STEP;
    }
    a.px = a.x; a.py = a.y;
    a.heading = (r.bits(6) * 2 * Math.PI) / HEADING_STEPS;
    a.alive = r.bit() === 1;
    a.spawnProtected = r.bit() === 1;
    if (!r.bit()) a.health = r.bits(bitsFor(world.maxHealth - 1));
    else a.health = r.bit() ? world.maxHealth : r.expGolomb(4);
    a.state = r.bits(nameBits);
    a.behavior = r.bit() ? world.teams[a.team].behaviorIndex : r.bits(nameBits);
    a.kills = 0; a.deaths = 0;
    if (r.bit()) { a.kills = r.expGolomb(0); a.deaths = r.expGolomb(0); }
    a.vx = 0; a.vy = 0;
    if (inDelta) { a.vx = r.signed(2); a.vy = r.signed(2); }
    return a;
  }

  readDelta(r, world, gap, predict) {
    const removed = r.varint();
    const added = r.varint();
    const k = r.u8();
    const nameBits = bitsFor(this.names.length - 1);
    let slot = -1;
    for (let i = 0; i < removed; i++) {
      slot += r.expGolomb(2) + 1;
      if (!this.agents.delete(slot)) throw new SnapshotGapError(`removal of unknown slot ${slot}`);
    }
    const slots = [...this.agents.keys()].sort((p, q) => p - q);
    for (const s of slots) {
      const a = this.agents.get(s);
      const x = (predict ? a.x + a.vx * gap : a.x) + r.signed(k);
      const y = (predict ? a.y + a.vy * gap : a.y) + r.signed(k);
      const wasAlive = a.alive;
      if (r.bit()) {
        const health = r.bit(); const state = r.bit(); const behavior = r.bit(); const flags = r.bit(); const stats = r.bit();
        if (health) a.health += r.signed(3);
        if (state) a.state = r.bits(nameBits);
        if (behavior) a.behavior = r.bits(nameBits);
        if (flags) { a.alive = r.bit() === 1; a.spawnProtected = r.bit() === 1; }
        if (stats) { a.kills += r.signed(0); a.deaths += r.signed(0); }
      }
      const moved = wasAlive && a.alive;
      a.vx = moved ? x - a.x : 0;
      a.vy = moved ? y - a.y : 0;
      if (x !== a.x || y !== a.y) a.heading = Math.atan2(y - a.y, x - a.x);
      // A respawn or a long gap is a jump, not a motion to interpolate.
      const jump = !moved || gap !== 1;
      a.px = jump ? x : a.x; a.py = jump ? y : a.y;
      a.x = x; a.y = y;
    }
    let previous = { slot: -1, id: 0, team: 0 };
    for (let i = 0; i < added; i++) { previous = this.readFull(r, world, previous, true); this.agents.set(previous.slot, previous); }
  }

  /** The name (behavior id or rule label) with this number. */
  name(index) { return this.names[index]; }
}

export const POSITION_STEPS_PER_UNIT = STEPS;

// The page's one connection to the engine: protocol v1 over /ws/worlds/{id} (docs/protocol.md).
// It reconnects by itself with backoff (0.5 s doubling to 10 s) and says so through onStatus; after a reconnect it
// sends `resume` with the previous welcome's token, so the answers that arrived while away still reach their
// requests. With several engines it follows `world_moved` to the one that runs the world, retries while the world
// moves (UNAVAILABLE), and when its engine cannot be reached tries the others the last welcome listed.
// Binary frames are decoded here (snapshot-decoder.js) and handed to onState.
import { SnapshotDecoder, SnapshotGapError } from './snapshot-decoder.js';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10000;
// The server answers every request or says why not (TIMEOUT after 10 s, the copilot after 120 s): this is only a
// last resort so that no promise waits forever.
const REQUEST_TIMEOUT_MS = 150000;
// Messages that answer a request without ending it: they go to the request's onProgress.
const PROGRESS_TYPES = new Set(['llm_progress']);

/** Why a request failed on this side of the wire: the same shape as the server's error message. */
function clientError(code, message) {
  return { type: 'error', code, message, errors: [] };
}

export class ArenaConnection {
  /**
   * @param {string} worldId the world to watch
   * @param {{url?: (worldId: string) => string}} options url: where to connect (default: this page's host)
   */
  constructor(worldId, options = {}) {
    this.worldId = worldId;
    this.welcome = null;
    this.url = options.url || ((id) => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/worlds/${encodeURIComponent(id)}`);
    // Several engines share the worlds: the one that runs this world (world_moved says where), and those the last
    // welcome listed, tried in turn when the current one cannot be reached.
    this.engine = null; // an engine's http(s) URL to connect to instead of this.url's, or null
    this.engines = [];
    this.opened = false; // whether the current socket was ever welcomed
    this.socket = null;
    this.decoder = null;
    this.world = null; // the latest decoded snapshot
    this.nextRequest = 1;
    this.pending = new Map(); // requestId -> {resolve, reject, onProgress, timer}
    this.handlers = new Map(); // type -> Set of handlers
    this.stateHandlers = new Set();
    this.statusHandlers = new Set();
    this.status = { state: 'connecting', message: 'connecting…' };
    this.retryMs = FIRST_RETRY_MS;
    this.retryTimer = null;
    this.resumeToken = null;
    this.resumeRequest = null;
    this.unanswered = new Set(); // requests of the previous connection, waiting for the resumed backlog
    this.backlog = null; // messages of the resumed backlog still to come
    this.refusal = null; // an error received before the welcome: why the server is closing
    this.moved = false; // world_moved received: the close that follows reconnects at once
    /** Running totals for the HUD's rates. */
    this.received = { snapshots: 0, bytes: 0 };
  }

  /** Opens the connection (again, after close or switchWorld); a retry after a loss stays "reconnecting". */
  connect(retry = false) {
    clearTimeout(this.retryTimer);
    const socket = new WebSocket(this.engine
      ? `${this.engine.replace(/^http/, 'ws')}/ws/worlds/${encodeURIComponent(this.worldId)}`
      : this.url(this.worldId));
    this.opened = false;
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.decoder = new SnapshotDecoder();
    this.world = null;
    socket.onmessage = (event) => { if (socket === this.socket) this.receive(event.data); };
    socket.onclose = (event) => { if (socket === this.socket) this.closed(event); };
    if (retry) this.setStatus('reconnecting', `reconnecting to world ${this.worldId}…`);
    else this.setStatus('connecting', `connecting to world ${this.worldId}…`);
  }

  /**
   * Sends a request and resolves with its reply (a message object), or rejects with the server's error
   * ({code, message, errors, …}) or a client-side one (code OFFLINE, DISCONNECTED, TIMEOUT).
   * @param {string} type the message type
   * @param {object} fields the message's other fields
   * @param {{onProgress?: (message: object) => void}} options onProgress gets messages such as llm_progress
   */
  request(type, fields = {}, options = {}) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN || !this.welcome) {
      return Promise.reject(clientError('OFFLINE', 'not connected: the page reconnects by itself, try again shortly'));
    }
    const requestId = `c${this.nextRequest++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(clientError('TIMEOUT', `no answer to ${type} within ${REQUEST_TIMEOUT_MS / 1000} s`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(requestId, { resolve, reject, onProgress: options.onProgress, timer });
      this.socket.send(JSON.stringify({ ...fields, type, requestId }));
    });
  }

  /** Every page of a paged list (list_configs, list_behaviors), gathered: resolves with the entries. */
  async listAll(type, key) {
    const entries = [];
    let cursor = null;
    do {
      const page = await this.request(type, cursor ? { cursor, limit: 100 } : { limit: 100 });
      entries.push(...page[key]);
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  }

  /** Calls handler(message) for every message of this type (pushed events and replies alike). Returns an unsubscribe. */
  on(type, handler) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type).add(handler);
    return () => this.handlers.get(type).delete(handler);
  }

  /**
   * Calls handler(welcome) with the current welcome now (when connected) and with every welcome after: a part of
   * the page that starts late sees the connection it joined exactly as one that started first.
   */
  onWelcome(handler) {
    const unsubscribe = this.on('welcome', handler);
    if (this.welcome) handler(this.welcome);
    return unsubscribe;
  }

  /** Calls handler(world, conn) for every decoded snapshot (see snapshot-decoder.js for the world's fields). */
  onState(handler) {
    this.stateHandlers.add(handler);
    return () => this.stateHandlers.delete(handler);
  }

  /**
   * Calls handler(status) now and on every change; status.state is one of connecting, online, reconnecting,
   * refused (the server turned this world down; status.code says why), and status.message says it for people.
   */
  onStatus(handler) {
    this.statusHandlers.add(handler);
    handler(this.status);
    return () => this.statusHandlers.delete(handler);
  }

  /** The name (behavior id or rule label) a snapshot numbers `index`; undefined before the first keyframe. */
  name(index) {
    return this.decoder ? this.decoder.name(index) : undefined;
  }

  /** Leaves this world for another: pending requests fail with DISCONNECTED, the new world starts afresh. */
  switchWorld(worldId) {
    this.drop();
    this.worldId = worldId;
    this.resumeToken = null;
    this.retryMs = FIRST_RETRY_MS;
    this.connect();
  }

  /** Closes for good (until connect()). */
  close() {
    this.drop();
    this.setStatus('closed', 'disconnected');
  }

  drop() {
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    this.welcome = null;
    // Closing a socket still connecting makes the browser log an error: let it open, then close it.
    if (socket && socket.readyState === WebSocket.CONNECTING) socket.onopen = () => socket.close(1000, 'leaving');
    else if (socket) socket.close(1000, 'leaving');
    this.failPending('DISCONNECTED', 'the connection was closed before the answer came');
  }

  receive(data) {
    if (data instanceof ArrayBuffer) {
      this.received.bytes += data.byteLength;
      this.snapshot(data);
      return;
    }
    this.received.bytes += data.length;
    let message;
    try { message = JSON.parse(data); } catch { this.dispatch(clientError('BAD_JSON', 'unreadable frame from the server')); return; }
    if (message.type === 'welcome') this.welcomed(message);
    else if (message.type === 'world_moved' && !this.welcome) {
      // The world runs on another engine: go there at once (the server closes this connection).
      this.engine = message.url;
      this.moved = true;
      return;
    }
    else if (message.type === 'resumed' && message.requestId === this.resumeRequest) {
      this.backlog = message.missed;
      if (this.backlog === 0) this.resumeDone();
    }
    else if (message.type === 'error' && message.requestId && message.requestId === this.resumeRequest) {
      // The server no longer keeps the session (it restarted, or the window passed): a fresh start.
      this.resumeDone();
      this.dispatch({ type: 'resume_failed', message: message.message });
      return;
    } else if (message.type === 'error' && !this.welcome && message.code !== 'UNAVAILABLE') {
      // Refused before the welcome (an unknown world, too many connections): the server closes; say why.
      // UNAVAILABLE (the world is moving between engines) is no refusal: the retry finds it.
      this.refusal = message;
    }
    this.settle(message);
    this.dispatch(message);
    if (message.type !== 'resumed' && this.backlog !== null && --this.backlog <= 0) this.resumeDone();
  }

  /** The resumed session's backlog is in: what it did not answer was lost with the old connection. */
  resumeDone() {
    this.backlog = null;
    this.resumeRequest = null;
    for (const requestId of this.unanswered) this.failOne(requestId, 'DISCONNECTED', 'the request was lost with the connection: try again');
    this.unanswered = new Set();
  }

  welcomed(message) {
    const previous = this.resumeToken;
    this.welcome = message;
    this.opened = true;
    if (Array.isArray(message.engines)) this.engines = message.engines;
    this.resumeToken = message.resumeToken;
    this.retryMs = FIRST_RETRY_MS;
    this.refusal = null;
    if (previous) {
      // Requests sent before the drop: the resumed session answers them, or they fail once its backlog is in.
      this.unanswered = new Set(this.pending.keys());
      this.resumeRequest = `c${this.nextRequest++}`;
      this.socket.send(JSON.stringify({ type: 'resume', requestId: this.resumeRequest, resumeToken: previous }));
    } else {
      this.failPending('DISCONNECTED', 'the connection was lost before the answer came');
    }
    this.setStatus('online', `connected to world ${this.worldId}`);
  }

  settle(message) {
    const waiting = message.requestId ? this.pending.get(message.requestId) : null;
    if (!waiting) return;
    if (PROGRESS_TYPES.has(message.type)) { if (waiting.onProgress) waiting.onProgress(message); return; }
    this.pending.delete(message.requestId);
    clearTimeout(waiting.timer);
    if (message.type === 'error') waiting.reject(message);
    else waiting.resolve(message);
  }

  dispatch(message) {
    const handlers = this.handlers.get(message.type);
    if (!handlers) return;
    for (const handler of [...handlers]) {
      try { handler(message); } catch (e) { console.error(`handler of ${message.type} failed`, e); }
    }
  }

  snapshot(buffer) {
    let world;
    try {
      world = this.decoder.decode(buffer);
    } catch (e) {
      if (!(e instanceof SnapshotGapError)) throw e;
      // A delta this decoder cannot apply: the next frame will be a keyframe.
      this.socket.send(JSON.stringify({ type: 'request_keyframe' }));
      return;
    }
    this.received.snapshots++;
    this.world = world;
    for (const handler of [...this.stateHandlers]) {
      try { handler(world, this); } catch (e) { console.error('state handler failed', e); }
    }
  }

  closed(event) {
    this.socket = null;
    this.welcome = null;
    if (this.refusal) {
      const refusal = this.refusal;
      this.refusal = null;
      this.failPending('DISCONNECTED', refusal.message);
      this.setStatus('refused', refusal.message, { code: refusal.code });
      return;
    }
    if (this.moved) {
      this.moved = false;
      this.setStatus('reconnecting', `world ${this.worldId} runs on another engine: connecting there…`);
      this.connect(true);
      return;
    }
    if (!this.opened && this.engines.length > 1) {
      // This engine cannot be reached (or refused for now): the next time, try the next one the welcome listed.
      const at = this.engines.indexOf(this.engine || '');
      this.engine = this.engines[(at + 1) % this.engines.length];
    }
    const seconds = Math.round(this.retryMs / 100) / 10;
    this.setStatus('reconnecting', `connection lost${event.reason ? ` (${event.reason})` : ''}: reconnecting in ${seconds} s…`,
      { retryInMs: this.retryMs });
    this.retryTimer = setTimeout(() => this.connect(true), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  failPending(code, message) {
    for (const requestId of [...this.pending.keys()]) this.failOne(requestId, code, message);
  }

  failOne(requestId, code, message) {
    const waiting = this.pending.get(requestId);
    if (!waiting) return;
    this.pending.delete(requestId);
    clearTimeout(waiting.timer);
    waiting.reject(clientError(code, message));
  }

  setStatus(state, message, extra = {}) {
    this.status = { state, message, worldId: this.worldId, ...extra };
    for (const handler of [...this.statusHandlers]) handler(this.status);
  }
}

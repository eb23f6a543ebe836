// Agent Arena web client: renders the world's state and speaks protocol v1 (docs/protocol.md).
// Everything received is shown with textContent, never as HTML: LLM and player text is data.
// Snapshots arrive as binary frames (snapshot-decoder.js); agents are drawn at the display rate, interpolated
// between the last two snapshots.
import { SnapshotDecoder, SnapshotGapError, POSITION_STEPS_PER_UNIT } from './snapshot-decoder.js';

const TEAM_COLORS = ['#ef4444', '#3b82f6', '#22c55e', '#eab308', '#a855f7', '#f97316', '#14b8a6', '#ec4899'];
const worldId = new URLSearchParams(location.search).get('world') || 'default';
const $ = (id) => document.getElementById(id);
const canvas = $('canvas');
const ctx = canvas.getContext('2d');

let socket;
let decoder;
let latest = null;
let frameAt = 0; // when the latest snapshot arrived (performance.now())
let frameInterval = 50; // smoothed time between snapshots, ms
let nextRequest = 1;
let configs = [];
let behaviors = [];
let retryMs = 500;
// The last welcome's resume token: after a reconnect it brings back the answers this page missed meanwhile.
let resumeToken = null;
let resumeRequest = null;

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/ws/worlds/${encodeURIComponent(worldId)}`);
  socket.binaryType = 'arraybuffer';
  decoder = new SnapshotDecoder();
  socket.onopen = () => { retryMs = 500; setStatus(true); list('list_configs'); list('list_behaviors'); };
  socket.onclose = () => {
    setStatus(false, `reconnecting in ${Math.round(retryMs / 100) / 10} s…`);
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  };
  socket.onmessage = (event) => {
    if (event.data instanceof ArrayBuffer) { snapshot(event.data); return; }
    if (typeof event.data !== 'string') return;
    let message;
    try { message = JSON.parse(event.data); } catch { log('unreadable frame from server', true); return; }
    handle(message);
  };
}

function snapshot(buffer) {
  try {
    latest = decoder.decode(buffer);
  } catch (e) {
    if (!(e instanceof SnapshotGapError)) throw e;
    log(`snapshot not applicable (${e.message}); asking for a keyframe`, true);
    send('request_keyframe');
    return;
  }
  const now = performance.now();
  if (frameAt) frameInterval = 0.8 * frameInterval + 0.2 * Math.min(500, now - frameAt);
  frameAt = now;
  renderTeamChoice();
}

function send(type, body = {}) {
  if (!socket || socket.readyState !== WebSocket.OPEN) { log('not connected', true); return null; }
  const requestId = `r${nextRequest++}`;
  socket.send(JSON.stringify({ type, requestId, ...body }));
  return requestId;
}

// Lists come in pages (docs/protocol.md): gather a list's pages, then show it; a newer listing supersedes one under way.
const listings = {};
function list(type, cursor = null, gathered = []) {
  const requestId = send(type, cursor ? { cursor, limit: 100 } : { limit: 100 });
  listings[type] = { requestId, gathered };
}
function listPage(type, message, entries) {
  const listing = listings[type];
  if (!listing || listing.requestId !== message.requestId) return null;
  const gathered = listing.gathered.concat(entries);
  if (message.nextCursor) { list(type, message.nextCursor, gathered); return null; }
  delete listings[type];
  return gathered;
}

function handle(message) {
  switch (message.type) {
    case 'welcome':
      if (resumeToken) resumeRequest = send('resume', { resumeToken });
      resumeToken = message.resumeToken;
      $('user').textContent = `${message.user.username} · world ${worldId} · protocol v${message.protocolVersion}`;
      break;
    case 'viewport_set': case 'keyframe_requested': break;
    case 'resumed': if (message.missed > 0) log(`reconnected: ${message.missed} answers arrived while away`); break;
    case 'behavior_error': log(`behavior ${message.behaviorId} failed for agent ${message.agentId}: ${message.code} ${message.message}`, true); break;
    case 'config_list': { const all = listPage('list_configs', message, message.configs); if (all) { configs = all; renderConfigs(); } break; }
    case 'config_saved': log(`config "${message.config.name}" saved (v${message.config.version})`); list('list_configs'); break;
    case 'config_deleted': log('config deleted'); list('list_configs'); break;
    case 'config_list_changed': list('list_configs'); break;
    case 'behavior_list': { const all = listPage('list_behaviors', message, message.behaviors); if (all) { behaviors = all; renderBehaviors(); } break; }
    case 'behavior_saved': log(`behavior "${message.behavior.name}" saved (v${message.behavior.version})`); list('list_behaviors'); break;
    case 'behavior_deleted': log('behavior deleted'); list('list_behaviors'); break;
    case 'behavior_list_changed': list('list_behaviors'); break;
    case 'behavior_validation': renderDiagnostics(message.ok, message.diagnostics); break;
    case 'behavior_assigned': log(`behavior ${behaviorName(message.behaviorId)} assigned to ${message.team !== null && message.team !== undefined ? teamName(message.team) : `${message.agentIds.length} agents`}`); break;
    case 'llm_progress': chatLine('q', `… ${message.stage}`); break;
    case 'llm_response': chatAnswer(message.text, message.offline); break;
    case 'command_accepted': break;
    case 'error':
      // A session the server no longer keeps (it restarted, or the window passed) is simply a fresh start.
      if (message.requestId && message.requestId === resumeRequest) { log('reconnected (nothing kept from before)'); break; }
      log(`${message.code}: ${message.message}${formatErrors(message.errors)}`, true);
      if (message.diagnostics) renderDiagnostics(false, message.diagnostics);
      break;
    default: log(`unhandled message ${message.type}`);
  }
}

function formatErrors(errors) {
  return errors && errors.length ? ' — ' + errors.map((e) => `${e.path} ${e.message}`).join('; ') : '';
}

function setStatus(online, detail = '') {
  const status = $('status');
  status.textContent = online ? 'connected' : `disconnected${detail ? ' · ' + detail : ''}`;
  status.className = `status ${online ? 'online' : 'offline'}`;
}

function log(text, isError = false) {
  const item = document.createElement('li');
  item.textContent = text;
  if (isError) item.className = 'error';
  const list = $('log');
  list.prepend(item);
  while (list.children.length > 50) list.lastChild.remove();
}

function chatLine(cls, text) {
  const line = document.createElement('div');
  line.className = cls;
  line.textContent = text;
  $('chat').append(line);
  $('chat').scrollTop = $('chat').scrollHeight;
}

function chatAnswer(text, offline) {
  const answer = document.createElement('p');
  answer.className = offline ? 'a offline' : 'a';
  answer.textContent = text;
  $('chat').append(answer);
  $('chat').scrollTop = $('chat').scrollHeight;
}

function renderConfigs() {
  const list = $('configs');
  list.replaceChildren();
  for (const config of configs) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = `${config.name}${config.isDefault ? ' (default)' : ''} v${config.version} `;
    const apply = document.createElement('button');
    apply.textContent = 'apply';
    apply.onclick = () => send('apply_config', { configId: config.id });
    const edit = document.createElement('button');
    edit.textContent = 'edit';
    edit.onclick = () => {
      $('config-name').value = config.isDefault ? `${config.name} copy` : config.name;
      $('config-settings').value = JSON.stringify(config.settings, null, 2);
      $('config-form').dataset.id = config.isDefault ? '' : config.id;
      $('config-form').dataset.version = config.isDefault ? '' : config.version;
    };
    item.append(label, apply, edit);
    list.append(item);
  }
}

function behaviorName(id) {
  const behavior = behaviors.find((b) => b.id === id);
  return behavior ? `"${behavior.name}"` : id;
}

function teamName(team) {
  const info = latest && latest.teams ? latest.teams[team] : null;
  return info ? info.name : `team ${team}`;
}

// The team choice follows the world's teams; rebuilt only when their count changes.
function renderTeamChoice() {
  const select = $('behavior-team');
  const teams = latest.teams || [];
  if (select.options.length === teams.length) return;
  select.replaceChildren();
  for (const team of teams) {
    const option = document.createElement('option');
    option.value = String(team.team);
    option.textContent = team.name;
    select.append(option);
  }
}

function renderBehaviors() {
  const list = $('behaviors');
  list.replaceChildren();
  for (const behavior of behaviors) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = `${behavior.name}${behavior.builtIn ? ' (built-in)' : ` v${behavior.version}`} `;
    const assign = document.createElement('button');
    assign.textContent = 'assign';
    assign.onclick = () => {
      const team = Number($('behavior-team').value);
      if (Number.isNaN(team) || $('behavior-team').value === '') { log('no team to assign to yet', true); return; }
      send('assign_behavior', { behaviorId: behavior.id, team });
    };
    const edit = document.createElement('button');
    edit.textContent = behavior.builtIn ? 'copy' : 'edit';
    edit.onclick = () => {
      $('behavior-document').value = JSON.stringify(behavior.document, null, 2);
      $('behavior-form').dataset.id = behavior.builtIn ? '' : behavior.id;
      $('behavior-form').dataset.version = behavior.builtIn ? '' : behavior.version;
    };
    item.append(label, assign, edit);
    if (!behavior.builtIn) {
      const remove = document.createElement('button');
      remove.textContent = 'delete';
      remove.onclick = () => send('delete_behavior', { behaviorId: behavior.id, version: behavior.version });
      item.append(remove);
    }
    list.append(item);
  }
}

function renderDiagnostics(ok, diagnostics) {
  const list = $('behavior-diagnostics');
  list.replaceChildren();
  if (ok) {
    const item = document.createElement('li');
    item.textContent = 'the behavior is valid';
    list.append(item);
    return;
  }
  for (const d of diagnostics || []) {
    const item = document.createElement('li');
    item.className = 'error';
    item.textContent = `${d.code} at ${d.path || '/'}${d.line ? ` ${d.line}:${d.column}` : ''}: ${d.message}`;
    list.append(item);
  }
}

// Sent as text, so that diagnostics of JSON errors point at the lines and columns of the editor.
$('validate-behavior').onclick = () => send('validate_behavior', { behavior: $('behavior-document').value });

$('behavior-form').onsubmit = (event) => {
  event.preventDefault();
  const form = $('behavior-form');
  const behavior = { document: $('behavior-document').value };
  if (form.dataset.id) { behavior.id = form.dataset.id; behavior.version = Number(form.dataset.version); }
  send('save_behavior', { behavior });
};

$('config-form').onsubmit = (event) => {
  event.preventDefault();
  let settings;
  try { settings = JSON.parse($('config-settings').value || '{}'); } catch (e) { log(`settings are not JSON: ${e.message}`, true); return; }
  const form = $('config-form');
  const config = { name: $('config-name').value, settings };
  if (form.dataset.id) { config.id = form.dataset.id; config.version = Number(form.dataset.version); }
  send('save_config', { config });
};

$('chat-form').onsubmit = (event) => {
  event.preventDefault();
  const query = $('chat-input').value.trim();
  if (!query) return;
  chatLine('q', `you: ${query}`);
  send('llm_query', { query, context: { panel: 'game', running: latest ? latest.running : null } });
  $('chat-input').value = '';
};

$('toggle').onclick = () => send(latest && latest.running ? 'pause' : 'start');
$('step').onclick = () => send('step');
$('reset').onclick = () => send('reset');
$('add-red').onclick = () => send('add_agent', { team: 0 });
$('add-blue').onclick = () => send('add_agent', { team: 1 });

function draw() {
  requestAnimationFrame(draw);
  if (!latest) return;
  const world = latest;
  if (canvas.width !== world.width || canvas.height !== world.height) { canvas.width = world.width; canvas.height = world.height; }
  $('toggle').textContent = world.running ? 'Pause' : 'Start';
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if ($('show-grid').checked) drawGrid(world);
  ctx.fillStyle = '#475569';
  for (const wall of world.walls || []) ctx.fillRect(wall.x, wall.y, wall.width, wall.height);
  // Between two snapshots, each agent moves from where it was to where it is now.
  const t = Math.min(1, (performance.now() - frameAt) / frameInterval);
  for (const agent of world.agents.values()) drawAgent(world, agent, t);
  const teams = (world.teams || []).map((t) => `${t.name}: ${t.alive} alive, ${t.kills} kills`).join(' · ');
  $('stats').textContent = `tick ${world.tick} · ${teams}`;
}

function drawGrid(world) {
  ctx.strokeStyle = '#1e293b';
  for (let x = 0; x < world.width; x += 50) { ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, world.height); ctx.stroke(); }
  for (let y = 0; y < world.height; y += 50) { ctx.beginPath(); ctx.moveTo(0, y); ctx.lineTo(world.width, y); ctx.stroke(); }
}

function drawAgent(world, agent, t) {
  if (!agent.alive) return;
  const color = (world.teams[agent.team] && world.teams[agent.team].color) || TEAM_COLORS[agent.team % TEAM_COLORS.length];
  const r = world.radius || 10;
  const x = (agent.px + (agent.x - agent.px) * t) / POSITION_STEPS_PER_UNIT;
  const y = (agent.py + (agent.y - agent.py) * t) / POSITION_STEPS_PER_UNIT;
  if ($('show-zones').checked) {
    ctx.strokeStyle = color + '33';
    for (const zone of [world.zones.visual, world.zones.recognition, world.zones.attack]) {
      ctx.beginPath(); ctx.arc(x, y, zone, 0, Math.PI * 2); ctx.stroke();
    }
  }
  ctx.fillStyle = color;
  ctx.beginPath(); ctx.arc(x, y, r, 0, Math.PI * 2); ctx.fill();
  ctx.strokeStyle = '#f8fafc';
  ctx.beginPath(); ctx.moveTo(x, y);
  ctx.lineTo(x + Math.cos(agent.heading) * r * 1.6, y + Math.sin(agent.heading) * r * 1.6); ctx.stroke();
  const ratio = Math.max(0, agent.health / world.maxHealth);
  ctx.fillStyle = '#334155'; ctx.fillRect(x - r, y - r - 6, 2 * r, 3);
  ctx.fillStyle = ratio > 0.3 ? '#22c55e' : '#ef4444'; ctx.fillRect(x - r, y - r - 6, 2 * r * ratio, 3);
}

connect();
requestAnimationFrame(draw);

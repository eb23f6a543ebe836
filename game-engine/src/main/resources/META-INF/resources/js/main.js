// Agent Arena's page: wires the connection, the canvas, the HUD and the panels.
// Each panel is a <section data-panel="name"> in index.html, mounted by `mount(section, conn, ctx)` exported
// from js/panels/<name>.js: conn is the ArenaConnection (request, on, onState, onStatus), ctx the PageContext
// (world id, welcome, latest snapshot, selected agent, notices).
import { ArenaConnection } from './connection.js';
import { PageContext } from './context.js';
import { ArenaRenderer } from './render/arena-renderer.js';
import { Hud } from './hud.js';
import { el } from './dom.js';

const params = new URLSearchParams(location.search);
const conn = new ArenaConnection(params.get('world') || 'default');
const ctx = new PageContext(conn);
const renderer = new ArenaRenderer(document.getElementById('canvas'), conn, ctx);
const hud = new Hud(document.getElementById('hud'), conn, renderer, ctx);
ctx.renderer = renderer;

showStatus();
followWorldInUrl();
markBuiltInBehaviors();
// Panels load while the connection opens: each hears the welcome it joined through conn.onWelcome, however late.
conn.connect();
mountPanels();
requestAnimationFrame(function frame() {
  requestAnimationFrame(frame);
  if (renderer.draw()) hud.frameDrawn();
});

function showStatus() {
  const status = document.getElementById('status');
  const user = document.getElementById('user');
  // Over the canvas while there is nothing live to show: the page is never left frozen without a word.
  const notice = document.getElementById('notice');
  const box = notice.parentElement;
  let drawing = false;
  const live = (on) => { drawing = on; notice.hidden = on; box.classList.toggle('stale', !on); };
  conn.onState(() => { if (!drawing) live(true); });
  conn.onStatus((s) => {
    live(s.state === 'online' && drawing);
    notice.textContent = s.state === 'online' ? 'waiting for the world\'s first snapshot…' : s.message;
    status.textContent = s.message;
    status.className = `status ${s.state}`;
    status.dataset.state = s.state;
    // An unknown or refused world: back to the one that always exists, and say so.
    if (s.state === 'refused' && conn.worldId !== 'default') {
      ctx.notify(`world ${conn.worldId}: ${s.message}; back to world default`, true);
      ctx.joinWorld('default');
    } else if (s.state === 'refused') {
      ctx.notify(s.message, true);
    }
  });
  conn.onWelcome((welcome) => showUser(user, welcome.user));
  conn.on('signed_out', (event) => showUser(user, event.user));
  conn.on('resumed', (message) => { if (message.missed > 0) ctx.notify(`reconnected: ${message.missed} answers arrived while away`); });
  conn.on('resume_failed', () => ctx.notify('reconnected to a restarted engine: nothing was kept from before'));
  conn.on('behavior_error', (e) => ctx.notify(`behavior ${e.behaviorId} failed for agent ${e.agentId} at ${e.path || '/'}: ${e.code} ${e.message}`, true));
  conn.on('world_deleted', (message) => {
    if (message.worldId !== conn.worldId || message.requestId) return;
    ctx.notify(`world ${message.worldId} was deleted; back to world default`, true);
    ctx.joinWorld('default');
  });
}

// Who the page acts as; a guest is named so, with what a guest can and cannot do (the server's words) and a way
// to the sign-in panel.
function showUser(user, who) {
  const world = el('span', { className: 'muted', text: ` · world ${conn.worldId}` });
  if (!who.guest) {
    user.replaceChildren(el('span', { text: who.username }), world);
    user.removeAttribute('title');
    user.dataset.guest = 'false';
    return;
  }
  const signIn = el('button', { className: 'link', text: 'sign in', attrs: { 'data-testid': 'header-signin' },
    on: { click: () => document.querySelector('[data-testid=signin-name]').focus() } });
  user.replaceChildren(el('span', { text: 'guest' }), el('span', { className: 'muted', text: ' · ' }), signIn, world);
  user.dataset.guest = 'true';
  ctx.withLimits((limits) => { user.title = `${limits.guest.can}\n${limits.guest.cannot}`; });
}

function followWorldInUrl() {
  conn.onWelcome(() => {
    const url = new URL(location.href);
    if (conn.worldId === 'default') url.searchParams.delete('world');
    else url.searchParams.set('world', conn.worldId);
    history.replaceState(null, '', url);
  });
}

// Agents on a behavior the engine does not ship get a mark: which ones ship comes from the behavior list.
function markBuiltInBehaviors() {
  const refresh = () => conn.listAll('list_behaviors', 'behaviors')
    .then((behaviors) => renderer.setBuiltIns(behaviors.filter((b) => b.builtIn).map((b) => b.id)))
    .catch((error) => ctx.reportError('listing behaviors', error));
  conn.onWelcome(refresh);
}

function mountPanels() {
  return Promise.all([...document.querySelectorAll('[data-panel]')].map((section) => {
    const name = section.dataset.panel;
    return import(`./panels/${name}.js`)
      .then((panel) => panel.mount(section, conn, ctx))
      .catch((error) => {
        console.error(`panel ${name} failed to start`, error);
        section.append(el('p', { className: 'error', text: `this panel failed to start: ${error.message}` }));
      });
  }));
}

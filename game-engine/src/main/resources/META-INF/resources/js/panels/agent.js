// Agent details: click an agent on the canvas (the one in focus, when several are selected) and its figures stream here (watch_agent → agent_details, about
// 4 per second) while it stays selected: team, health, kills, deaths, damage dealt and taken, lifetime, its
// behavior and the rule it runs now.
import { el } from '../dom.js';

const FIGURES = [
  ['team', (d, ctx) => ctx.team(d.team).name],
  ['state', (d) => (d.alive ? (d.spawnProtected ? 'alive, spawn-protected' : 'alive') : 'dead')],
  ['health', (d) => `${Math.round(d.health)} / ${d.maxHealth}`],
  ['kills', (d) => d.kills],
  ['deaths', (d) => d.deaths],
  ['damage dealt', (d) => Math.round(d.damageDealt)],
  ['damage taken', (d) => Math.round(d.damageTaken)],
  ['lifetime', (d) => `${d.lifetime.toFixed(1)} s`],
  ['behavior', (d) => d.behavior],
  ['rule', (d) => d.rule],
  ['position', (d) => `${Math.round(d.x)}, ${Math.round(d.y)}`],
];

export function mount(section, conn, ctx) {
  const title = el('h2', { text: 'Agent' });
  const body = el('dl', { className: 'details', attrs: { 'data-testid': 'agent-details' } });
  const hint = el('p', { className: 'muted', text: 'click an agent on the canvas to follow it' });
  section.append(title, hint, body);

  let watched = null;
  async function watch(agentId) {
    watched = agentId;
    body.replaceChildren();
    body.dataset.agentId = agentId === null ? '' : String(agentId);
    hint.hidden = agentId !== null;
    title.textContent = agentId === null ? 'Agent' : `Agent #${agentId}`;
    try {
      await conn.request('watch_agent', { agentId });
    } catch (error) {
      if (error.code !== 'OFFLINE') ctx.reportError(`following agent ${agentId}`, error);
    }
  }

  conn.on('agent_details', (details) => {
    if (String(details.agentId) !== body.dataset.agentId) return;
    if (details.gone) {
      body.replaceChildren(el('p', { className: 'muted', text: 'this agent is no longer in the world' }));
      return;
    }
    body.replaceChildren(...FIGURES.flatMap(([label, value]) => [el('dt', { text: label }),
      el('dd', { dataset: { figure: label.replace(' ', '-') }, text: String(value(details, ctx)) })]));
  });
  ctx.onSelect((focused) => { if (focused !== watched) watch(focused); });
  // A new connection watches nothing: ask again for the agent in focus.
  conn.onWelcome(() => { if (ctx.selectedAgentId !== null) watch(ctx.selectedAgentId); });
}

// Match history of this world: its finished rounds, newest first (list_matches → match_list), with the winner
// and each team's kills, deaths and survivors. Refreshed when a round ends; "older" pages back.
import { el } from '../dom.js';

const PAGE = 10;

export function mount(section, conn, ctx) {
  const list = el('ul', { className: 'matches', attrs: { 'data-testid': 'match-list' } });
  const older = el('button', { text: 'older', hidden: true, on: { click: () => load(older.dataset.cursor) } });
  const refreshButton = el('button', { text: '↻', title: 'refresh', on: { click: () => load(null) } });
  section.append(el('div', { className: 'panel-head' }, el('h2', { text: 'Match history' }), refreshButton), list, older);
  let round = null;

  async function load(cursor) {
    try {
      const page = await conn.request('list_matches', { worldId: ctx.worldId, limit: PAGE, ...(cursor ? { before: cursor } : {}) });
      const items = page.matches.map(item);
      if (cursor) list.append(...items);
      else list.replaceChildren(...(items.length ? items : [el('li', { className: 'muted', text: 'no finished round yet' })]));
      older.hidden = !page.nextCursor;
      older.dataset.cursor = page.nextCursor || '';
    } catch (error) {
      if (error.code !== 'OFFLINE') list.replaceChildren(el('li', { className: 'error', text: `history unavailable: ${error.code} ${error.message}` }));
    }
  }

  function item(match) {
    const winner = match.winnerTeam === null || match.winnerTeam === undefined ? 'draw' : `${ctx.team(match.winnerTeam).name} won`;
    const ended = new Date(match.endedAt).toLocaleTimeString();
    const teams = match.teams.map((t) => `${ctx.team(t.team).name} ${t.kills}k/${t.deaths}d/${t.survivors} left`).join(' · ');
    return el('li', { dataset: { match: match.eventId } }, el('span', { className: 'name', text: `${ended} ${winner}` }),
      el('div', { className: 'muted', text: teams }));
  }

  conn.onState((world) => {
    if (round !== null && world.round !== round) setTimeout(() => load(null), 1000);
    round = world.round;
  });
  conn.onWelcome(() => { round = null; load(null); });
}

// World picker: the engine's worlds (agents, viewers, running or not), join one, create one (with the default
// config or one of the user's), delete one. What a world id may be comes from the server (get_limits).
import { el } from '../dom.js';

export function mount(section, conn, ctx) {
  const list = el('ul', { className: 'worlds', attrs: { 'data-testid': 'world-list' } });
  const id = el('input', { placeholder: 'new world id', required: true,
    attrs: { 'aria-label': 'new world id', 'data-testid': 'new-world-id' } });
  const config = el('select', { title: 'the config the new world runs', attrs: { 'aria-label': 'config of the new world', 'data-testid': 'new-world-config' } });
  const form = el('form', { className: 'row', on: { submit: (event) => { event.preventDefault(); create(); } } },
    id, config, el('button', { type: 'submit', text: 'Create', attrs: { 'data-testid': 'create-world' } }));
  const refreshButton = el('button', { text: '↻', title: 'refresh the list', on: { click: () => refresh() } });
  section.append(el('div', { className: 'panel-head' }, el('h2', { text: 'Worlds' }), refreshButton), list, form);

  // Every world_list shows, also the HUD's periodic ones.
  function refresh() {
    conn.request('list_worlds').catch((error) => { if (error.code !== 'OFFLINE') ctx.reportError('listing worlds', error); });
  }

  function show(worlds) {
    list.replaceChildren(...worlds.map((world) => {
      const current = world.id === ctx.worldId;
      const summary = `${world.agents} agents · ${world.viewers} watching · ${world.running ? 'running' : 'paused'}`;
      const item = el('li', { className: current ? 'current' : '', dataset: { world: world.id } },
        el('span', { className: 'name', text: world.id }), el('span', { className: 'muted', text: ` ${summary} ` }));
      if (!current) item.append(el('button', { text: 'join', on: { click: () => ctx.joinWorld(world.id) } }));
      if (world.id !== 'default') {
        item.append(el('button', { className: 'danger', text: 'delete', title: `delete world ${world.id} for everyone`,
          on: { click: () => remove(world.id) } }));
      }
      return item;
    }));
  }

  async function create() {
    const worldId = id.value.trim();
    try {
      await conn.request('create_world', config.value ? { worldId, configId: config.value } : { worldId });
      id.value = '';
      ctx.notify(`world ${worldId} created`);
      ctx.joinWorld(worldId);
    } catch (error) {
      ctx.reportError(`creating world ${worldId}`, error);
    }
  }

  async function remove(worldId) {
    if (!confirm(`Delete world ${worldId}? Everyone watching it is sent back to world default.`)) return;
    try {
      await conn.request('delete_world', { worldId });
      ctx.notify(`world ${worldId} deleted`);
      if (worldId === ctx.worldId) ctx.joinWorld('default');
      else refresh();
    } catch (error) {
      ctx.reportError(`deleting world ${worldId}`, error);
    }
  }

  // The configs a world can start with: the default ones and the user's own.
  function listConfigs() {
    conn.listAll('list_configs', 'configs').then((configs) => {
      const chosen = config.value;
      config.replaceChildren(...configs.map((c) => el('option', { value: c.id, text: c.name })));
      if ([...config.options].some((option) => option.value === chosen)) config.value = chosen;
    }).catch((error) => { if (error.code !== 'OFFLINE') ctx.reportError('listing configs', error); });
  }

  conn.on('world_list', (message) => show(message.worlds));
  // The form then refuses an id the server would (until the limits are known, the server alone checks).
  function learnIdRule() {
    ctx.withLimits((limits) => {
      id.pattern = limits.worldId.pattern;
      id.title = limits.worldId.description;
    });
  }

  conn.onWelcome(() => { refresh(); listConfigs(); learnIdRule(); });
  conn.on('config_list_changed', listConfigs);
  conn.on('config_saved', listConfigs);
  conn.on('config_deleted', listConfigs);
}

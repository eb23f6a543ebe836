// What the page's parts share besides the connection: the world watched, the welcome, the selected agents (one of
// them in focus), the server's limits, and notices for the messages panel. Every panel gets it as `ctx` in mount(section, conn, ctx).

export class PageContext {
  constructor(conn) {
    this.conn = conn;
    this.selectedAgentId = null; // the agent in focus: the last one picked, followed by the agent panel
    this.selectedIds = new Set(); // every selected agent, the focused one included
    this.selectionHandlers = new Set();
    this.noticeHandlers = new Set();
    this.limitsAsked = null;
  }

  /** The world watched now. */
  get worldId() { return this.conn.worldId; }

  /** The last welcome: {protocolVersion, connectionId, user, world, resumeToken}; null while not connected. */
  get welcome() { return this.conn.welcome; }

  /** The latest decoded snapshot (see snapshot-decoder.js), or null before the first one. */
  get world() { return this.conn.world; }

  /** The team's name and colour as the server sends them; a neutral fallback before the first keyframe. */
  team(index) {
    const teams = this.world ? this.world.teamInfo : null;
    return (teams && teams[index]) || { name: `team ${index}`, color: '#94a3b8' };
  }

  /** Selects this agent alone (null: none); the canvas rings it and handlers hear of it. */
  selectAgent(agentId) {
    this.select(agentId === null ? [] : [agentId], agentId);
  }

  /** Adds the agent to the selection, or takes it out when it is in (a shift-click). */
  toggleAgent(agentId) {
    const ids = new Set(this.selectedIds);
    if (ids.delete(agentId)) this.select(ids, this.selectedAgentId === agentId ? [...ids].pop() ?? null : this.selectedAgentId);
    else this.select([...ids, agentId], agentId);
  }

  /** Adds these agents to the selection (a box drawn on the canvas); the first becomes the focus if none is. */
  addAgents(agentIds) {
    if (!agentIds.length) return;
    this.select([...this.selectedIds, ...agentIds], this.selectedAgentId ?? agentIds[0]);
  }

  select(ids, focused) {
    const next = new Set(ids);
    if (focused === this.selectedAgentId && next.size === this.selectedIds.size && [...next].every((id) => this.selectedIds.has(id))) return;
    this.selectedIds = next;
    this.selectedAgentId = focused;
    for (const handler of [...this.selectionHandlers]) handler(focused, next);
  }

  /** Calls handler(focusedAgentId or null, selectedIds) on every change of selection. Returns an unsubscribe. */
  onSelect(handler) {
    this.selectionHandlers.add(handler);
    return () => this.selectionHandlers.delete(handler);
  }

  /** The agent in focus as the latest snapshot shows it, or null. */
  selectedAgent() {
    if (this.selectedAgentId === null || !this.world) return null;
    for (const agent of this.world.agents.values()) if (agent.id === this.selectedAgentId) return agent;
    return null;
  }

  /**
   * What the server accepts and what a guest may do (get_limits → limits: worldId, addAgentCount, guest), asked
   * once: resolves with the limits object; a failed ask (offline) is asked again next time.
   */
  limits() {
    if (!this.limitsAsked) {
      this.limitsAsked = this.conn.request('get_limits').then((reply) => reply.limits);
      this.limitsAsked.catch(() => { this.limitsAsked = null; });
    }
    return this.limitsAsked;
  }

  /** Calls use(limits) once they are known; a failure other than being offline (retried on the next welcome) is told. */
  withLimits(use) {
    this.limits().then(use).catch((error) => { if (error.code !== 'OFFLINE') this.reportError('reading the limits', error); });
  }

  /** Watches another world (the URL follows). */
  joinWorld(worldId) {
    this.selectAgent(null);
    this.conn.switchWorld(worldId);
  }

  /** A line for the messages panel; text only, never markup. */
  notify(text, isError = false) {
    for (const handler of [...this.noticeHandlers]) handler(text, isError);
  }

  /** Reports a failed request (the server's error object, or the connection's) as a notice. */
  reportError(what, error) {
    const fields = error.errors && error.errors.length ? ` (${error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})` : '';
    this.notify(`${what}: ${error.code || 'error'} ${error.message || error}${fields}`, true);
  }

  onNotice(handler) {
    this.noticeHandlers.add(handler);
    return () => this.noticeHandlers.delete(handler);
  }
}

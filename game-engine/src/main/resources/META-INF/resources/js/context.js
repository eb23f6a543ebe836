// What the page's parts share besides the connection: the world watched, the welcome, the selected agent, and
// notices for the messages panel. Every panel gets it as `ctx` in mount(section, conn, ctx).

export class PageContext {
  constructor(conn) {
    this.conn = conn;
    this.selectedAgentId = null;
    this.selectionHandlers = new Set();
    this.noticeHandlers = new Set();
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

  /** Selects an agent by id (null: none); the canvas rings it and handlers hear of it. */
  selectAgent(agentId) {
    if (agentId === this.selectedAgentId) return;
    this.selectedAgentId = agentId;
    for (const handler of [...this.selectionHandlers]) handler(agentId);
  }

  /** Calls handler(agentId or null) on every change of selection. Returns an unsubscribe. */
  onSelect(handler) {
    this.selectionHandlers.add(handler);
    return () => this.selectionHandlers.delete(handler);
  }

  /** The selected agent as the latest snapshot shows it, or null. */
  selectedAgent() {
    if (this.selectedAgentId === null || !this.world) return null;
    for (const agent of this.world.agents.values()) if (agent.id === this.selectedAgentId) return agent;
    return null;
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

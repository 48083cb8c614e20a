/** A CX agent's full name, projects/P/locations/L/agents/ID (groups: project, location, agent id). */
export const CX_AGENT_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/agents\/([^/]+)$/;

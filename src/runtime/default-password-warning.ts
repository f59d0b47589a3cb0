import { DEFAULT_NEO4J_PASSWORD } from '../env/fields.ts';

/**
 * What `db:start` and `up` print when Neo4j runs with the password the README publishes:
 * anyone who can reach its ports can log in. Several lines on purpose, so it is not lost
 * among the start-up lines; null when the password is one of the developer's own.
 */
export function defaultPasswordWarning(password: string): string | null {
  if (password !== DEFAULT_NEO4J_PASSWORD) return null;
  return [
    '!!! WARNING: Neo4j uses the default password "geograph-local", published in the README.',
    '!!! Every local user and process can log in on its Bolt and HTTP ports, and read or change the graph.',
    '!!! Set NEO4J_PASSWORD to a password of your own before a new instance starts for the first time;',
    "!!! an existing instance keeps its password: change it in Browser (ALTER CURRENT USER SET PASSWORD FROM 'old' TO 'new').",
  ].join('\n');
}

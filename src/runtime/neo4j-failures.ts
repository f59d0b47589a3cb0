import { RuntimeError } from './runtime-settings.ts';

/**
 * Failures the runtime and the commands share, with the sentence that tells the fix. A port
 * error carries its port and variable, so that the command the user ran can be named in the
 * hint (run-command.ts): `up` and `db:start` meet the same taken port.
 */
export class PortTakenError extends RuntimeError {
  constructor(
    readonly port: number,
    readonly variable: string,
    /** Who holds it, when known: "the API a previous npm run up started (pid 123)". */
    readonly holder = 'another process',
  ) {
    super(`Port ${port} (${variable}) is already taken by ${holder}.`);
  }

  /** The sentence, with the command to run again on another port. */
  hint(invocation: string): string {
    return `${this.message} Stop it, or choose another port, e.g. ${this.variable}=${this.port + 1000} ${invocation}.`;
  }
}

export interface PasswordRefusal {
  uri: string;
  user: string;
  /** The local instance's folder, when the database is one the runtime started. */
  home?: string;
}

export function wrongPasswordMessage({ uri, user, home }: PasswordRefusal): string {
  const where = home
    ? `The password of the local instance in ${home} was set at its first start: use that one, or delete the folder to start empty.`
    : "Set NEO4J_PASSWORD (and NEO4J_USER) to that database's; a local instance keeps the password of its first start.";
  return `Neo4j at ${uri} refused user "${user}" with the password in NEO4J_PASSWORD. ${where}`;
}

/**
 * Mutations need `Authorization: Bearer <API_TOKEN>`. Without API_TOKEN in the environment
 * they are disabled, never open: a forgotten variable must not publish a write endpoint.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError } from './errors.ts';

export interface AuthState {
  mutationsEnabled: boolean;
  tokenPresented: boolean;
  authenticated: boolean;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function authenticate(authorization: string | null, apiToken: string | undefined): AuthState {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const presented = match?.[1] ?? null;
  // Equal-length digests: the comparison takes the same time whatever the token's prefix.
  const authenticated =
    apiToken !== undefined && presented !== null && timingSafeEqual(digest(presented), digest(apiToken));
  return { mutationsEnabled: apiToken !== undefined, tokenPresented: presented !== null, authenticated };
}

export function requireMutationAccess(auth: AuthState): void {
  if (!auth.mutationsEnabled) {
    throw new UnauthenticatedError(
      'Mutations are disabled on this server: it was started without API_TOKEN.',
      'MUTATIONS_DISABLED',
    );
  }
  if (!auth.tokenPresented) {
    throw new UnauthenticatedError('Mutations need the header Authorization: Bearer <API_TOKEN>.', 'MISSING_TOKEN');
  }
  if (!auth.authenticated) throw new UnauthenticatedError('The bearer token is not valid.', 'INVALID_TOKEN');
}

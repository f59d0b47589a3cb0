import type { CORSOptions } from 'graphql-yoga';
import { BROWSER_KIT_PREFIX } from './browser-kit.ts';

/**
 * Who may call the API from a web page. By default no other origin: no CORS header at all, so
 * a page elsewhere cannot read answers. Origins listed in CORS_ORIGINS may, without
 * credentials (the API authenticates with a bearer token, never a cookie). The Neo4j Browser
 * kit is public and fetched cross-origin by Browser, so it answers every origin with `*`.
 */
export function corsPolicy(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return (request: Request): CORSOptions | false => {
    if (new URL(request.url).pathname.startsWith(`${BROWSER_KIT_PREFIX}/`)) {
      return { origin: '*', credentials: false, methods: ['GET', 'HEAD', 'OPTIONS'], allowedHeaders: ['*'], maxAge: 600 };
    }
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return { origin, credentials: false, methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['content-type', 'authorization', 'accept'], maxAge: 600 };
  };
}

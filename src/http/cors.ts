import type { CORSOptions } from 'graphql-yoga';
import { isBrowserKitPath } from './browser-kit.ts';

/**
 * Who may call the API from a web page. By default no other origin: no CORS header at all, so
 * a page elsewhere cannot read answers. Origins listed in CORS_ORIGINS may, without
 * credentials (the API authenticates with a bearer token, never a cookie). The Neo4j Browser
 * kit is public and fetched cross-origin by Browser: it keeps its own `*` headers
 * (src/http/browser-kit.ts), which this policy leaves alone.
 */
export function corsPolicy(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return (request: Request): CORSOptions | false => {
    if (isBrowserKitPath(new URL(request.url).pathname)) return false;
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin,
      credentials: false,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'accept'],
      maxAge: 600,
    };
  };
}

import { readFileSync } from 'node:fs';

/**
 * The Neo4j Browser kit: the graph style and the guide the API serves at /browser/*, which
 * neo4j.conf's `browser.post_connect_cmd` (`style <url>/style.grass; play <url>/guide.html`)
 * loads right after login. Browser runs on another origin (the Neo4j HTTP port) and fetches them
 * cross-origin, so every answer carries CORS headers; its guide request sends `Cache-Control`
 * and `Pragma` headers, which makes the web browser send a preflight OPTIONS first.
 */
export const BROWSER_KIT_PREFIX = '/browser';

interface KitFile {
  readonly body: string;
  readonly contentType: string;
}

// Read once, when the module loads: the files ship with the code, and a missing one (say, an
// image built without schema/) fails the server's start rather than its first Browser login.
const readKitFile = (name: string): string =>
  readFileSync(new URL(`../../schema/browser/${name}`, import.meta.url), 'utf8');

// A Map, not an object literal: a path such as /constructor must not find anything.
const KIT_FILES: ReadonlyMap<string, KitFile> = new Map([
  [`${BROWSER_KIT_PREFIX}/style.grass`, { body: readKitFile('style.grass'), contentType: 'text/plain; charset=utf-8' }],
  [`${BROWSER_KIT_PREFIX}/guide.html`, { body: readKitFile('guide.html'), contentType: 'text/html; charset=utf-8' }],
]);

/** The kit's URL paths, e.g. for a route table or a test. */
export const BROWSER_KIT_PATHS: readonly string[] = [...KIT_FILES.keys()];

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Max-Age': '600',
} as const;

/**
 * The response for a Browser kit path, or null when `pathname` is not one (the caller routes
 * it elsewhere). `method` defaults to GET; pass the request's method so that the CORS
 * preflight (OPTIONS) and HEAD are answered too.
 */
export const isBrowserKitPath = (pathname: string): boolean => KIT_FILES.has(pathname);

export function browserKitResponse(pathname: string, method = 'GET'): Response | null {
  const kitFile = KIT_FILES.get(pathname);
  if (!kitFile) return null;

  const verb = method.toUpperCase();
  switch (verb) {
    case 'OPTIONS':
      return new Response(null, { status: 204, headers: CORS_HEADERS });
    case 'GET':
    case 'HEAD': {
      const headers = {
        ...CORS_HEADERS,
        'Content-Type': kitFile.contentType,
        // Browser asks for no-cache anyway; say so, so that an edited kit shows after a restart.
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      return new Response(verb === 'HEAD' ? null : kitFile.body, { status: 200, headers });
    }
    default:
      return new Response('Method Not Allowed\n', {
        status: 405,
        headers: { ...CORS_HEADERS, Allow: 'GET, HEAD, OPTIONS', 'Content-Type': 'text/plain; charset=utf-8' },
      });
  }
}

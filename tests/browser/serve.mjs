// A tiny static server for the built app (dist/) and test fixtures, with
// the right MIME types. Used by the browser tests and the benchmark; no
// dependencies. Usage: node tests/browser/serve.mjs [port] [root]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 8090);
const root = resolve(process.argv[3] ?? join(here, '..', '..', 'dist'));
const fixtures = resolve(here, 'fixtures');
// The example news articles that embed the app (docs/embedding.md).
const examples = resolve(here, '..', '..', 'examples');

// The Content-Security-Policy recommended in docs/embedding.md. Paths
// under /__csp__/ serve the app with it (network.spec.mjs).
const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

async function sendFile(res, path, headers = {}) {
  const info = await stat(path);
  if (info.isDirectory()) return sendFile(res, join(path, 'index.html'), headers);
  const body = await readFile(path);
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** Which directory serves a path, what is left of it, and extra headers. */
function route(path) {
  // Test fixtures live under /__fixtures__/ so they never shadow the app.
  if (path.startsWith('/__fixtures__/')) return [fixtures, path.slice('/__fixtures__/'.length), {}];
  // The app again, with the Content-Security-Policy header.
  if (path.startsWith('/__csp__/')) {
    return [root, path.slice('/__csp__/'.length), { 'content-security-policy': CSP }];
  }
  // The example articles, beside the app as on a news site.
  if (path.startsWith('/examples/')) return [examples, path.slice('/examples/'.length), {}];
  return [root, path.slice(1), {}];
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = decodeURIComponent(url.pathname);
  const [base, rel, headers] = route(path);
  const full = normalize(join(base, rel));
  if (!full.startsWith(base)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    await sendFile(res, full, headers);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} on http://127.0.0.1:${port}`);
});

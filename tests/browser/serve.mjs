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

async function sendFile(res, path) {
  const info = await stat(path);
  if (info.isDirectory()) return sendFile(res, join(path, 'index.html'));
  const body = await readFile(path);
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(body);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = decodeURIComponent(url.pathname);
  // Test fixtures live under /__fixtures__/ so they never shadow the app.
  const [base, rel] = path.startsWith('/__fixtures__/')
    ? [fixtures, path.slice('/__fixtures__/'.length)]
    : [root, path.slice(1)];
  const full = normalize(join(base, rel));
  if (!full.startsWith(base)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    await sendFile(res, full);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} on http://127.0.0.1:${port}`);
});

// Trunk post-build hook (Trunk.toml): moves the inline module script that
// trunk writes into index.html (it imports the wasm-bindgen glue and starts
// the app) into its own file, boot-<hash>.js, loaded with
// <script type="module" src> and a subresource-integrity hash. With no
// inline script left, the app runs under a Content-Security-Policy of
// `script-src 'self' 'wasm-unsafe-eval'` with no per-build hash or nonce
// (docs/embedding.md). No dependencies; runs on the staging directory.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('external-boot: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = await readFile(file, 'utf8');

// Trunk's loader: the only inline <script type="module"> in the page.
const inline = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length === 0) {
  console.log('external-boot: no inline module script in index.html; nothing to do');
  process.exit(0);
}
if (found.length > 1) {
  console.error(`external-boot: expected one inline module script, found ${found.length}`);
  process.exit(1);
}
const [whole, body] = found[0];
const code = `${body.trim()}\n`;
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
await writeFile(join(dir, name), code);
const tag = `<script type="module" src="./${name}" integrity="${integrity}" crossorigin="anonymous"></script>`;
await writeFile(file, html.replace(whole, () => tag));
console.log(`external-boot: moved the inline loader to ${name}`);

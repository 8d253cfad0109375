// Makes the social preview's addresses in a built index.html absolute,
// for a site whose address is known (social sites need absolute URLs):
//   node scripts/site-url.mjs dist/index.html https://example.org/atlas/
// Only http(s) addresses are accepted; og:url is added.
import { readFileSync, writeFileSync } from 'node:fs';

const [file, site] = process.argv.slice(2);
if (!file || !site || !/^https?:\/\//i.test(site)) {
  console.error('usage: node scripts/site-url.mjs dist/index.html https://example.org/atlas/');
  process.exit(2);
}
const base = site.endsWith('/') ? site : `${site}/`;
const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
let html = readFileSync(file, 'utf8');
html = html.replace(
  /(<meta (?:property="og:image"|name="twitter:image") content=")([^"]+)(")/g,
  (_, a, url, b) => `${a}${attr(new URL(url, base).href)}${b}`,
);
if (!html.includes('property="og:url"')) {
  html = html.replace('<meta property="og:type"', `<meta property="og:url" content="${attr(base)}">\n    <meta property="og:type"`);
}
writeFileSync(file, html);
console.log(`${file}: preview addresses under ${base}`);

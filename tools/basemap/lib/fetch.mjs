// Fetch pinned registry packages into a local cache and verify them.
// npm packages come through `npm pack`, PyPI wheels through `pip download`;
// each file is checked against a pinned digest before anything reads it.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

function digest(file, algo, encoding) {
  const h = crypto.createHash(algo);
  h.update(fs.readFileSync(file));
  return h.digest(encoding);
}

function verify(file, src) {
  if (src.integrity) {
    const [algo, want] = [src.integrity.slice(0, 6), src.integrity.slice(7)];
    if (algo !== 'sha512') throw new Error(`unsupported integrity ${src.integrity}`);
    const got = digest(file, 'sha512', 'base64');
    if (got !== want) throw new Error(`${path.basename(file)}: sha512 mismatch (got sha512-${got})`);
  }
  if (src.sha256) {
    const got = digest(file, 'sha256', 'hex');
    if (got !== src.sha256) throw new Error(`${path.basename(file)}: sha256 mismatch (got ${got})`);
  }
}

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], ...opts });
}

// Returns the path of the verified archive, downloading it only when the cache lacks it.
export function ensurePackage(src, cacheDir, log) {
  const dir = path.join(cacheDir, src.registry);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, src.file);
  if (fs.existsSync(file)) {
    try { verify(file, src); return file; } catch (e) { log(`  cached ${src.file} failed verification, fetching again`); fs.rmSync(file); }
  }
  log(`  fetching ${src.registry}:${src.name}@${src.version} ...`);
  if (src.registry === 'npm') {
    run('npm', ['pack', `${src.name}@${src.version}`, '--pack-destination', dir, '--silent',
      '--ignore-scripts', '--no-fund', '--no-audit'], { cwd: dir });
  } else if (src.registry === 'pypi') {
    // --require-hashes makes pip itself refuse a file that differs from the pin.
    const req = path.join(dir, `${src.name}.requirements.txt`);
    fs.writeFileSync(req, `${src.name}==${src.version} --hash=sha256:${src.sha256}\n`);
    run('python3', ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:',
      '--disable-pip-version-check', '--require-hashes', '-r', req, '--dest', dir]);
    fs.rmSync(req);
  } else {
    throw new Error(`unknown registry ${src.registry}`);
  }
  if (!fs.existsSync(file)) throw new Error(`download did not produce ${file}`);
  verify(file, src);
  return file;
}

// @vitest-environment node
/**
 * The sources zip that addons.mozilla.org asks for rebuilds the very Firefox build we ship: zip, unpack
 * the sources into an empty folder, `npm ci` and `npm run build:firefox` there, and compare the two
 * builds file by file, byte for byte. About 15 s here (npm ci from the npm cache takes most of it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Every file under `dir`, as relative path → sha256 of its bytes. */
function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function unzip(file: string, into: string): void {
  const viaUnzip = spawnSync('unzip', ['-q', file, '-d', into], { stdio: 'inherit' });
  if (viaUnzip.status === 0) return;
  execFileSync('python3', ['-m', 'zipfile', '-e', file, into], { stdio: 'inherit' });
}

function run(cwd: string, args: string[]): void {
  const result = spawnSync(npm, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (result.status !== 0) {
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  }
}

const work = mkdtempSync(join(tmpdir(), 'metoo-sources-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the sources zip', () => {
  it('rebuilds a Firefox build identical to the one zipped', { timeout: 300_000 }, () => {
    // `wxt zip -b firefox` builds .output/firefox-mv3 and zips it and the sources.
    run(root, ['exec', '--', 'wxt', 'zip', '-b', 'firefox']);
    const { version, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
      name: string;
    };
    const sourcesZip = join(root, '.output', `${name}-${version}-sources.zip`);
    expect(existsSync(sourcesZip), sourcesZip).toBe(true);
    const shipped = join(root, '.output', 'firefox-mv3');
    expect(existsSync(join(shipped, 'manifest.json'))).toBe(true);

    const sources = join(work, 'sources');
    unzip(sourcesZip, sources);
    // Nothing the build could take from here instead of rebuilding it.
    for (const absent of ['node_modules', '.output', '.wxt', 'e2e', 'test-results']) {
      expect(existsSync(join(sources, absent)), absent).toBe(false);
    }

    run(sources, ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
    run(sources, ['run', 'build:firefox']);

    const rebuilt = digest(join(sources, '.output', 'firefox-mv3'));
    const original = digest(shipped);
    expect(Object.keys(rebuilt)).toEqual(Object.keys(original));
    expect(rebuilt).toEqual(original);
  });
});

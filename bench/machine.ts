// The machine and software a run measured, for the report.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Meta } from './report.ts';

const PACKAGES = ['dexie', 'svelte', 'vite', 'playwright-core', 'minisearch', 'flexsearch', 'papaparse', 'tldts'];

export function machine(): Meta['machine'] {
  let os = `Linux ${release()}`;
  if (existsSync('/etc/os-release')) {
    const name = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (name) os = `${name} (kernel ${release()})`;
  }
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), os };
}

export function versions(root: string, chromium: string): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    out.Chromium = execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    out.Chromium = 'unknown';
  }
  for (const firefox of ['/usr/lib/firefox-esr/firefox-esr', process.env.FIREFOX_PATH]) {
    if (!firefox || !existsSync(firefox)) continue;
    try {
      out.Firefox = execFileSync(firefox, ['--version'], { encoding: 'utf8' }).trim();
      break;
    } catch {
      out.Firefox = 'unknown';
    }
  }
  out.Node = process.version;
  for (const p of PACKAGES) {
    const file = join(root, 'node_modules', p, 'package.json');
    if (existsSync(file)) out[p] = JSON.parse(readFileSync(file, 'utf8')).version;
  }
  return out;
}

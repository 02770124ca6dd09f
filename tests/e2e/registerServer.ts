// The two public registers, played locally for the verify tests: recorded-shape answers from
// tests/fixtures/registers/ served over TLS under the registers' real hostnames. The certificate is
// made at test time with openssl and trusted only by the test browser (by its key's hash), so
// nothing about the machine's trust store changes. A test can script what a URL answers next
// (the maintenance page, 429, 5xx…) and slow every answer down.
import { createServer, type Server } from 'node:https';
import { createHash, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './harness.ts';

export const KRS_HOST = 'api-krs.ms.gov.pl';
export const WL_HOST = 'wl-api.mf.gov.pl';
const FIXTURES = join(ROOT, 'tests/fixtures/registers');

export type Scripted = 'maintenance' | 'malformed' | { status: number; body?: string; headers?: Record<string, string> };

export interface RegisterServer {
  port: number;
  /** Chromium flags and host rules that make the test browser reach this server as the registers. */
  launchExtras: { extraArgs: string[]; extraHostRules: string[] };
  /** The next answers for requests whose path contains `match` (each used once, in order). */
  script(match: string, ...answers: Scripted[]): void;
  /** Every request: `host` + path and query, in order. */
  log: { url: string; at: number }[];
  /** Delay before each answer (ms). */
  delayMs: number;
  close(): Promise<void>;
}

function certificate(): { key: string; cert: string; spki: string } {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('openssl is needed to make the test certificate of the register tests (apt-get install openssl).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'radar-es-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', `/CN=${KRS_HOST}`, '-addext', `subjectAltName=DNS:${KRS_HOST},DNS:${WL_HOST}`,
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    // Chromium trusts a certificate by the base64 SHA-256 of its public key (SubjectPublicKeyInfo).
    const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    return { key, cert, spki: createHash('sha256').update(der).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fixture(path: string): string | undefined {
  const file = resolve(FIXTURES, path);
  return file.startsWith(FIXTURES) && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** What the register would answer from the fixtures. */
function recorded(host: string, url: URL): { status: number; body: string; headers: Record<string, string> } {
  if (host === KRS_HOST) {
    const m = /^\/api\/krs\/OdpisAktualny\/(\d{10})$/.exec(url.pathname);
    const register = url.searchParams.get('rejestr');
    if (!m || (register !== 'P' && register !== 'S')) return { status: 400, body: '', headers: {} };
    const body = fixture(`krs/${m[1]}-${register}.json`) ?? (m[1].startsWith('00009991') && register === 'P' ? fixture('krs/template-P.json')!.replaceAll('{{KRS}}', m[1]) : undefined);
    // The KRS API answers 404 with an empty body for a number it does not hold in that register.
    return body ? { status: 200, body, headers: JSON_TYPE } : { status: 404, body: '', headers: {} };
  }
  const m = /^\/api\/search\/nip\/(\d{10})$/.exec(url.pathname);
  if (!m || !url.searchParams.get('date')) return { status: 400, body: fixture('wl/error-WL-113.json')!, headers: JSON_TYPE };
  return { status: 200, body: fixture(`wl/${m[1]}.json`) ?? fixture('wl/not-found.json')!, headers: JSON_TYPE };
}

export async function startRegisterServer(): Promise<RegisterServer> {
  const { key, cert, spki } = certificate();
  const scripts: { match: string; answers: Scripted[] }[] = [];
  const state = { delayMs: 0 };
  const log: RegisterServer['log'] = [];

  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    log.push({ url: `${host}${url.pathname}${url.search}`, at: Date.now() });
    const scripted = scripts.find((s) => s.answers.length && `${host}${url.pathname}${url.search}`.includes(s.match))?.answers.shift();
    setTimeout(() => {
      if (scripted === 'maintenance') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(fixture('maintenance.html'));
      } else if (scripted === 'malformed') {
        res.writeHead(200, JSON_TYPE);
        res.end(fixture('malformed.json'));
      } else if (scripted) {
        res.writeHead(scripted.status, { ...JSON_TYPE, ...scripted.headers });
        res.end(scripted.body ?? '');
      } else {
        const answer = recorded(host, url);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      }
    }, state.delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    launchExtras: {
      extraArgs: [`--ignore-certificate-errors-spki-list=${spki}`],
      extraHostRules: [`MAP ${KRS_HOST} 127.0.0.1:${port}`, `MAP ${WL_HOST} 127.0.0.1:${port}`],
    },
    script(match, ...answers) {
      scripts.push({ match, answers });
    },
    log,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

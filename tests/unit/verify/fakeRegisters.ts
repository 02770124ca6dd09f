// A stand-in for the network in unit tests: answers register URLs from tests/fixtures/registers/,
// or with whatever a test scripts for a URL. Records every request, so tests can check what was
// asked and how often.
import { readFileSync } from 'node:fs';
import type { CheckDeps } from '../../../shared/io/registers/check.ts';

export const FIXTURES = new URL('../../fixtures/registers/', import.meta.url);

export function fixture(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

export interface Scripted {
  status: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export const json = (path: string, status = 200): Scripted => ({ status, body: fixture(path), type: 'application/json' });
export const html = (status = 200): Scripted => ({ status, body: fixture('maintenance.html'), type: 'text/html; charset=utf-8' });

export function fakeRegisters(routes: Record<string, Scripted | Scripted[] | 'network-error'>, opts: { online?: boolean } = {}) {
  const requests: string[] = [];
  const turns: string[] = [];
  const deps: CheckDeps = {
    async fetch(url) {
      requests.push(url);
      const key = Object.keys(routes).find((k) => url.includes(k));
      const route = key === undefined ? undefined : routes[key];
      if (route === 'network-error') throw new TypeError('Failed to fetch');
      const answer = Array.isArray(route) ? (route.length > 1 ? route.shift()! : route[0]) : route;
      if (!answer) return new Response('', { status: 404 });
      return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.type ?? 'application/json', ...answer.headers } });
    },
    async turn(register) {
      turns.push(register);
    },
    online: () => opts.online ?? true,
    now: () => new Date('2026-11-22T10:00:00Z'),
  };
  return { deps, requests, turns };
}

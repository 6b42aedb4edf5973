import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../kernel/actor.ts';
import { Forbidden, Unauthenticated } from '../kernel/errors.ts';
import { can, type Action } from '../modules/identity/domain/permissions.ts';
import type { Html } from './jsx/jsx-runtime.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
    /** The CSRF token forms on this page must carry: the session's, or the anonymous cookie's. */
    csrfToken: string;
    sessionId: string | undefined;
    /** Set when the actor came from an API bearer token. */
    viaToken: boolean;
  }
}

export function sendHtml(reply: FastifyReply, html: Html, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html.value);
}

/** The signed-in actor allowed to perform `action`; throws 401/403 otherwise. */
export function requireActor(request: FastifyRequest, action?: Action): Actor {
  const actor = request.actor;
  if (!actor) throw new Unauthenticated();
  if (action && !can(actor.role, action)) throw new Forbidden('forbidden', { action });
  return actor;
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Constant-time comparison of the submitted CSRF token with the expected one. */
export function csrfMatches(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || submitted.length !== expected.length || expected.length === 0) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}

/** Redirect after POST, carrying a short notice code in the query string. */
export function redirectWithNotice(reply: FastifyReply, location: string, notice?: string): FastifyReply {
  const url = notice ? `${location}${location.includes('?') ? '&' : '?'}notice=${encodeURIComponent(notice)}` : location;
  return reply.redirect(url, 303);
}

/** Reads a form body as string fields (urlencoded); arrays keep their first value unless asked. */
export function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
    }
  return out;
}

export function formList(body: unknown, name: string): string[] {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof v === 'string') return v === '' ? [] : [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
  return [];
}

import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { DomainError, InvalidInput } from './kernel/errors.ts';
import type { Actor } from './kernel/actor.ts';
import { PlainLayout } from './web/layout.tsx';
import { message } from './web/messages.ts';
import { csrfMatches, isApiRequest, sendHtml } from './web/http.ts';

export const SESSION_COOKIE = 'gk_session';
export const ANON_CSRF_COOKIE = 'gk_csrf';
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** How requests are tied to people: console sessions (cookie) and API bearer tokens. */
export interface Authenticator {
  sessionFromCookie(token: string): Promise<{ sessionId: string; actor: Actor; csrfToken: string } | undefined>;
  actorFromBearer(token: string): Promise<Actor | undefined>;
}

export type RouteModule = (app: FastifyInstance) => void | Promise<void>;

/** Answers a request when it can (true), else leaves it alone (false): the portal's render-cache hits. */
export interface FastPath {
  /** On the HTTP server's sockets, before Fastify sees the request. */
  raw(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** First of the onRequest hooks, before cookies and sessions: for what `raw` leaves (and app.inject, which has no socket). */
  hook(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
}

export interface AppOptions {
  auth: Authenticator;
  routes: readonly RouteModule[];
  secureCookies?: boolean;
  logger?: boolean;
  /** Addresses of the reverse proxies whose X-Forwarded-For is believed (sign-in throttling is per address). */
  trustProxy?: string | false;
  /** The portal's render-cache hits, served ahead of everything else. */
  fastPath?: FastPath;
  /**
   * Run for every request the fast path leaves, after it and before cookies, sessions and routing: brings data
   * each instance caches up to date with changes made on another (the working-day calendar).
   */
  beforeRequest?: () => Promise<unknown>;
}

const anonCsrf = Symbol('anonymous CSRF token');
const replyOf = Symbol('reply, for minting the anonymous CSRF cookie');
type LazyCsrfRequest = FastifyRequest & { [anonCsrf]?: string; [replyOf]?: FastifyReply };

const CSS = readFileSync(new URL('./web/assets/site.css', import.meta.url), 'utf8');

/**
 * The HTTP app: body parsing with strict validation (unknown fields and wrong types are refused,
 * never coerced), sessions, CSRF on every form, OpenAPI, and one error handler for pages and API.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const fast = options.fastPath;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 300 },
    ...(fast && {
      // The server Fastify would make (its timeouts, fastify/lib/server.js), asking the fast path first.
      serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void, opts: Record<string, unknown>) => {
        const o = opts as { http?: object; keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket: number };
        const server = createServer(o.http ?? {}, (req, res) => {
          fast.raw(req, res).then(
            (served) => served || handler(req, res),
            () => handler(req, res),
          );
        });
        server.keepAliveTimeout = o.keepAliveTimeout;
        server.requestTimeout = o.requestTimeout;
        server.setTimeout(o.connectionTimeout);
        if (o.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = o.maxRequestsPerSocket;
        return server;
      },
    }),
  });
  const strict = addFormats.default(new Ajv.default({ allErrors: true, removeAdditional: false, coerceTypes: false, useDefaults: true, strict: false }));
  const coercing = addFormats.default(new Ajv.default({ allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true, strict: false }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));

  if (fast)
    app.addHook('onRequest', async (request, reply) => {
      if (await fast.hook(request, reply)) return reply;
    });
  const { beforeRequest } = options;
  if (beforeRequest)
    app.addHook('onRequest', async () => {
      await beforeRequest();
    });

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: MAX_BODY_BYTES });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 10, fields: 50 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'gongkai 政务公开平台 API', version: '1.0.0', description: '所有后台操作均可通过 /api/v1 调用，使用 Bearer 令牌认证。' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  app.decorateRequest('actor', undefined);
  // A visitor without a session gets an anonymous CSRF token (and its cookie) only when a page
  // asks for it to put in a form, so cached public pages cost no random bytes and set no cookie.
  const secure = options.secureCookies ?? false;
  app.decorateRequest('csrfToken', {
    getter(this: LazyCsrfRequest): string {
      if (this[anonCsrf] === undefined) {
        this[anonCsrf] = randomBytes(24).toString('base64url');
        this[replyOf]?.setCookie(ANON_CSRF_COOKIE, this[anonCsrf], { path: '/', httpOnly: true, sameSite: 'lax', secure });
      }
      return this[anonCsrf];
    },
    setter(this: LazyCsrfRequest, token: string): void {
      this[anonCsrf] = token;
    },
  });
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('viaToken', false);

  app.addHook('onRequest', async (request, reply) => {
    if (isApiRequest(request)) {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) {
        request.actor = await options.auth.actorFromBearer(header.slice(7).trim());
        request.viaToken = true;
        if (!request.actor) throw new DomainError('invalid-token', 401);
      }
      return;
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    const session = sessionToken ? await options.auth.sessionFromCookie(sessionToken) : undefined;
    if (session) {
      request.actor = session.actor;
      request.sessionId = session.sessionId;
      request.csrfToken = session.csrfToken;
      return;
    }
    const anon = request.cookies[ANON_CSRF_COOKIE];
    if (anon && /^[A-Za-z0-9_-]{32,64}$/.test(anon)) request.csrfToken = anon;
    else (request as LazyCsrfRequest)[replyOf] = reply;
  });

  // Every state-changing form post carries the CSRF token (multipart forms put it in the query).
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'POST' || isApiRequest(request)) return;
    const submitted = (request.body as Record<string, unknown> | undefined)?._csrf ?? (request.query as Record<string, unknown>)?._csrf;
    if (!csrfMatches(request.csrfToken, submitted)) throw new DomainError('csrf-failed', 403);
  });

  app.get('/assets/site.css', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request)) return reply.status(404).send(apiError('not-found'));
    return sendHtml(reply, errorPage('not-found'), 404);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, code, fields } = classify(error);
    if (status >= 500) request.log.error({ err: error, reqId: request.id }, 'unexpected error');
    if (status === 401 && !isApiRequest(request) && request.method === 'GET')
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    if (isApiRequest(request)) return reply.status(status).send(apiError(code, fields));
    return sendHtml(reply, errorPage(code, fields), status);
  });

  // Registered after the handlers above, so every route scope inherits them.
  for (const routes of options.routes) await app.register(async (scope) => routes(scope));
  return app;
}

function apiError(code: string, fields?: Record<string, string>) {
  return { error: { code, message: message(code), ...(fields ? { fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { code: v, message: message(v) }])) } : {}) } };
}

function errorPage(code: string, fields?: Record<string, string>) {
  return (
    <PlainLayout title="无法完成请求">
      <p class="notice error">{message(code)}</p>
      {fields && (
        <ul>
          {Object.entries(fields).map(([f, c]) => (
            <li>
              {f}：{message(c)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/">返回首页</a>　<a href="/console">返回管理后台</a>
      </p>
    </PlainLayout>
  );
}

/** Maps any error to a status and a stable code; unknown errors become 500 internal-error. */
function classify(error: FastifyError): { status: number; code: string; fields?: Record<string, string> } {
  if (error instanceof InvalidInput) return { status: 400, code: error.code, fields: error.fields };
  if (error instanceof DomainError) return { status: error.status, code: error.code };
  if (error.validation) {
    const fields: Record<string, string> = {};
    for (const v of error.validation) {
      const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
      const extra = (v.params as { additionalProperty?: string }).additionalProperty;
      const field = extra ? (path ? `${path}.${extra}` : extra) : path || (v.params as { missingProperty?: string }).missingProperty || '_';
      fields[field] = v.keyword === 'additionalProperties' ? 'unknown-field' : v.keyword === 'required' ? 'required' : v.keyword === 'type' ? 'wrong-type' : v.keyword === 'maxLength' ? 'too-long' : 'invalid-input';
    }
    return { status: 400, code: 'invalid-input', fields };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed-json' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return { status: 413, code: 'payload-too-large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported-media-type' };
  }
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) return { status: 400, code: 'malformed-json' };
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) return { status: error.statusCode, code: 'invalid-input' };
  return { status: 500, code: 'internal-error' };
}

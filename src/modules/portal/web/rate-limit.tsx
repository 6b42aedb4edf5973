import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../kernel/clock.ts';
import { isApiRequest } from '../../../web/http.ts';
import { PlainLayout } from '../../../web/layout.tsx';
import { TokenBuckets } from '../domain/token-bucket.ts';
import { portalOptionsFromEnv, type PortalOptions } from '../portal-options.ts';

export type RateLimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

const tooManyText = (seconds: number) => `访问过于频繁，请在 ${seconds} 秒后重试。`;

function TooManyRequestsPage({ seconds }: { seconds: number }) {
  return (
    <PlainLayout title="访问过于频繁">
      <p class="notice warn" role="alert">
        {tooManyText(seconds)}
      </p>
      <p>为保障所有访问者正常使用，本网站对检索和开放数据接口的访问频率作了限制。如需批量获取公开信息，请使用 Atom 订阅源或开放数据接口并适当降低请求频率。</p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </PlainLayout>
  );
}

/**
 * An onRequest/preHandler hook limiting each client address (request.ip: behind a reverse proxy set
 * TRUST_PROXY, or every visitor shares the proxy's bucket) with an in-memory token bucket of this
 * instance. Refused requests get 429 with Retry-After: JSON on /api/, a Chinese page elsewhere.
 * Returns undefined when limiting is off.
 */
export function rateLimitHook(clock: Clock, policy: PortalOptions['rateLimit'] = portalOptionsFromEnv().rateLimit): RateLimitHook | undefined {
  if (!policy) return undefined;
  const buckets = new TokenBuckets({ capacity: policy.burst, refillPerSecond: policy.requestsPerMinute / 60 });
  return async (request, reply) => {
    if (request.method === 'OPTIONS') return undefined;
    const verdict = buckets.take(request.ip, clock.now().getTime());
    if (verdict.allowed) return undefined;
    reply.code(429).header('retry-after', String(verdict.retryAfterSeconds)).header('cache-control', 'no-store');
    if (isApiRequest(request)) return reply.send({ error: { code: 'too-many-requests', message: tooManyText(verdict.retryAfterSeconds), retryAfterSeconds: verdict.retryAfterSeconds } });
    return reply.type('text/html; charset=utf-8').send(TooManyRequestsPage({ seconds: verdict.retryAfterSeconds }).value);
  };
}

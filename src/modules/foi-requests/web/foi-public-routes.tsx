import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import { InvalidInput } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { formFields, sendHtml } from '../../../web/http.ts';
import type { Child } from '../../../web/jsx/jsx-runtime.ts';
import { PortalLayout } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import { ApplicationForm, ApplyGuide, Receipt, StatusForm, StatusResult } from './public-views.tsx';
import { RateLimiter } from './rate-limit.ts';

const pageSchema = (summary: string) => ({ schema: { tags: ['依申请公开', '门户页面'], security: [] as never[], summary, produces: ['text/html'] } });

/** Form fields `applicant.kind` … → the nested shape the use case reads. */
function applicationFrom(f: Record<string, string>) {
  const applicant: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (k.startsWith('applicant.')) applicant[k.slice(10)] = v;
  return { applicant, description: f.description ?? '', informationName: f.informationName, documentNumber: f.documentNumber, provisionForm: f.provisionForm, deliveryMethod: f.deliveryMethod };
}

/** The public 依申请公开 pages: `/ysqgk/apply` (guide, form, receipt) and `/ysqgk/status` (code + phone's last four). */
export function foiPublicRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    // Light limits per address: a person applies a few times an hour at most; status checks a little more.
    const submissions = new RateLimiter(s.clock, 5, 10 * 60_000);
    const lookups = new RateLimiter(s.clock, 20, 10 * 60_000);
    const page = async (reply: FastifyReply, title: string, body: Child, status = 200) =>
      sendHtml(
        reply,
        <PortalLayout site={await s.site()} title={title} current="/ysqgk" meta={{ columnName: '依申请公开', columnType: '信息公开' }}>
          <nav class="breadcrumbs" aria-label="当前位置">
            <ol>
              <li><a href="/xxgk">政府信息公开</a></li>
              <li><a href="/ysqgk">依申请公开</a></li>
              <li aria-current="page">{title}</li>
            </ol>
          </nav>
          <h1>{title}</h1>
          {body}
        </PortalLayout>,
        status,
      );
    const form = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors?: Record<string, string>) =>
      page(reply, '网上申请政府信息公开', <><ApplyGuide /><ApplicationForm csrf={request.csrfToken} values={values} errors={errors} /></>, errors ? 400 : 200);

    app.get('/ysqgk/apply', pageSchema('网上申请表'), (request, reply) => form(request, reply, {}));

    app.post('/ysqgk/apply', pageSchema('提交申请'), async (request, reply) => {
      submissions.hit(request.ip);
      const f = formFields(request.body);
      try {
        const view = await s.foi.requests.registerOnline(applicationFrom(f));
        return page(reply, '申请已提交', <Receipt view={view} />);
      } catch (e) {
        if (e instanceof InvalidInput) return form(request, reply, f, e.fields);
        throw e;
      }
    });

    const statusPage = (request: FastifyRequest, reply: FastifyReply, body?: Child, code?: string, error?: string, status = 200) =>
      page(reply, '办理进度查询', <><StatusForm csrf={request.csrfToken} code={code} error={error} />{body}</>, status);

    app.get('/ysqgk/status', pageSchema('办理进度查询'), (request, reply) => statusPage(request, reply));

    app.post('/ysqgk/status', pageSchema('办理进度查询结果'), async (request, reply) => {
      lookups.hit(request.ip);
      const f = formFields(request.body);
      const view = await s.foi.requests.findForApplicant(f.trackingCode ?? '', f.phoneLast4 ?? '');
      // One answer for an unknown code and a wrong phone, so codes cannot be probed.
      if (!view) return statusPage(request, reply, <p class="notice error" role="alert">{message('foi-status-not-found')}</p>, f.trackingCode, 'foi-status-not-found', 404);
      return statusPage(request, reply, <StatusResult view={view} />, view.request.trackingCode);
    });
  };
}

import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../kernel/actor.ts';
import { InvalidInput } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { authorize } from '../identity/domain/authorize.ts';
import { isOutcomeCode, type OutcomeCode } from './domain/outcomes.ts';
import type { FoiDeps } from './foi-request-service.ts';
import { renderNotice } from './notice-document.tsx';
import { DEFAULT_NOTICE_TEMPLATES, NOTICE_OUTCOMES, unknownPlaceholders } from './notice-templates.ts';
import type { FoiRequestView } from './request-view.ts';
import { foiRequestRepository as repo } from './sql/foi-request-repository.ts';
import type { FoiDocument, NoticeTemplate } from './sql/foi-rows.ts';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A template as the office sees it: its stored version (0 while the shipped default applies). */
export type TemplateView = NoticeTemplate & { isDefault: boolean };

/** The per-outcome 告知书 templates the office edits, and the generation of a closed case's notice. */
export class NoticeService {
  constructor(private readonly deps: FoiDeps) {}

  /** Every outcome's template: the office's saved wording, else the shipped default. */
  async listTemplates(actor: Actor): Promise<TemplateView[]> {
    authorize(actor, 'foi.read');
    const saved = new Map((await repo.listTemplates(this.deps.db)).map((t) => [t.outcome, t]));
    return NOTICE_OUTCOMES.map((outcome) => this.withDefault(outcome, saved.get(outcome)));
  }

  private withDefault(outcome: OutcomeCode, saved: NoticeTemplate | undefined): TemplateView {
    if (saved) return { ...saved, isDefault: false };
    return { outcome, ...DEFAULT_NOTICE_TEMPLATES[outcome], version: 0, updatedAt: '', updatedBy: '', isDefault: true };
  }

  async templateFor(db: Executor, outcome: OutcomeCode): Promise<TemplateView> {
    return this.withDefault(outcome, await repo.findTemplate(db, outcome));
  }

  /** Saves one outcome's wording; `version` is the one the form showed (0 for the default), so a stale save is refused. */
  async saveTemplate(actor: Actor, outcome: string, input: { title: string; body: string; version: number }): Promise<TemplateView> {
    authorize(actor, 'foi.templates');
    if (!isOutcomeCode(outcome)) throw new InvalidInput({ outcome: 'unknown-outcome' });
    const errors: Record<string, string> = {};
    const title = input.title.trim();
    const body = input.body.replace(/\r\n/g, '\n').trim();
    if (!title) errors.title = 'required';
    else if (title.length > 100) errors.title = 'too-long';
    if (!body) errors.body = 'required';
    else if (body.length > 5000) errors.body = 'too-long';
    else if (unknownPlaceholders(body).length > 0) errors.body = 'notice-unknown-placeholder';
    if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await this.templateFor(trx, outcome);
      const after: NoticeTemplate = { outcome, title, body, version: input.version + 1, updatedAt: this.deps.clock.now().toISOString(), updatedBy: actor.displayName };
      await repo.saveTemplate(trx, after, input.version);
      await this.deps.audit(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'foi.template.save', subjectType: 'foi-notice-template', subjectId: outcome, before: { title: before.title, body: before.body }, after: { title, body } });
      return { ...after, isDefault: false };
    });
  }

  /** Generates the closed case's 告知书 (DOCX and HTML) from the outcome's template, inside the caller's transaction. */
  async generate(trx: Executor, actor: Actor, view: FoiRequestView, outcome: OutcomeCode): Promise<FoiDocument> {
    const template = await this.templateFor(trx, outcome);
    const organ = await trx.selectFrom('organs').select('name').where('id', '=', view.request.organId).executeTakeFirstOrThrow();
    const released = (await repo.listDocuments(trx, view.request.id)).filter((d) => d.kind === 'released');
    const notice = await renderNotice({
      request: view.request,
      events: view.events.map((e) => e.event),
      outcome,
      deadline: view.deadline,
      organName: organ.name,
      template,
      releasedFilenames: released.map((d) => d.filename),
    });
    const stored = await this.deps.blobs.put(notice.docx);
    const document: FoiDocument = {
      id: newId(),
      requestId: view.request.id,
      kind: 'notice',
      outcome,
      title: notice.title,
      filename: `${view.request.trackingCode}-${notice.title}.docx`,
      mediaType: DOCX_MEDIA_TYPE,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      htmlText: notice.html,
      createdAt: this.deps.clock.now().toISOString(),
      createdBy: actor.displayName,
    };
    await repo.insertDocument(trx, document);
    return document;
  }

  /** The latest generated notice of a request, if any. */
  async latest(db: Executor, requestId: string): Promise<FoiDocument | undefined> {
    return (await repo.listDocuments(db, requestId)).filter((d) => d.kind === 'notice').at(-1);
  }
}

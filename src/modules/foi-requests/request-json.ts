/** The JSON shape of a request for API clients and exports (issue 4): derived status and deadline, ID masked. */
import { APPLICANT_KIND_LABELS } from './domain/applicant.ts';
import { OUTCOMES } from './domain/outcomes.ts';
import { CHANNEL_LABELS } from './domain/request-events.ts';
import { REQUEST_STATE_LABELS } from './domain/request-workflow.ts';
import type { FoiRequestView } from './request-view.ts';

export function requestJson(v: FoiRequestView) {
  const r = v.request;
  const d = v.deadline;
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    organId: r.organId,
    channel: r.channel,
    channelLabel: CHANNEL_LABELS[r.channel],
    receivedOn: r.receivedOn,
    receiptBasis: r.intake.receiptBasis,
    arrivedAt: r.arrivedAt,
    applicant: { ...r.applicant, kindLabel: APPLICANT_KIND_LABELS[r.applicantKind], identityNumberMasked: r.idNumberMasked },
    missing: r.intake.missing,
    informationName: r.informationName,
    documentNumber: r.documentNumber,
    description: r.description,
    provisionForm: r.provisionForm,
    deliveryMethod: r.deliveryMethod,
    duplicateOf: r.duplicateOf,
    status: v.state,
    statusLabel: REQUEST_STATE_LABELS[v.state],
    outcome: v.outcome,
    outcomeLabel: v.outcome ? OUTCOMES[v.outcome].label : null,
    annualReportRow: v.outcome ? OUTCOMES[v.outcome].row : null,
    deadlineStatus: d.status,
    replyDueOn: d.dueOn,
    isProvisional: d.isProvisional,
    isOverdue: d.isOverdue,
    limitWorkingDays: d.limitWorkingDays,
    workingDaysUsed: d.workingDaysUsed,
    workingDaysLeft: d.workingDaysLeft,
    correctionNoticeDueOn: d.correctionNoticeDueOn,
    correctionDueOn: d.correctionDueOn,
    consulteeDueOn: d.consulteeDueOn,
    feePaymentDueOn: d.feePaymentDueOn,
    explanation: d.explanation,
    allowedEvents: v.allowed,
    events: v.events.map((e) => ({ seq: e.seq, ...e.event, recordedAt: e.recordedAt, recordedBy: e.recordedByName })),
    promotedItemId: r.promotedItemId,
    inconsistency: v.inconsistency,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

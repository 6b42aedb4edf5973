/** The self-inspection indicator the site-health module registers: share of timed columns updated within their limit. */
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../kernel/clock.ts';
import { MAX_EVIDENCE_LINES, measuredOn, shareText, withRemainder, type IndicatorDefinition } from '../annual-report/index.ts';
import { COLUMN_TYPE_NAMES, FRESHNESS_LIMITS, isStale, limitText } from './domain/freshness.ts';
import { freshColumnShare } from './domain/site-assessment.ts';
import { scanColumns } from './sql/column-scan.ts';

/**
 * 国办秘函〔2019〕19号 栏目不更新, measured on 31 December (or today for the current year). Weight 0 by default so the
 * office's existing weighting is unchanged until it chooses to count it. Site-wide: the portal has one 专栏.
 */
export function columnFreshnessIndicator(deps: { db: Db; clock: Clock }): IndicatorDefinition {
  return {
    key: 'column-freshness',
    label: '栏目按期更新率',
    weight: 0,
    description: '信息公开专栏中有更新时限的栏目（动态要闻2周，通知公告、政策文件6个月，人事、规划计划1年）在年末（本年度为今天）仍在时限内更新的比例（国办秘函〔2019〕19号“栏目不更新”）。',
    async compute(_organId, year) {
      const asOf = measuredOn(deps.clock.today(), year);
      const columns = await scanColumns(deps.db, asOf);
      const { fresh, timed } = freshColumnShare(columns, asOf);
      if (timed === 0) return { score: null, value: '无数据', evidence: [`截至${asOf}没有需要定期更新的栏目。`], problems: [] };
      const stale = columns.filter((c) => c.itemCount > 0 && isStale(FRESHNESS_LIMITS[c.columnType], c.newestOn, asOf));
      const lines = stale.slice(0, MAX_EVIDENCE_LINES).map((c) => `栏目“${c.name}”（${COLUMN_TYPE_NAMES[c.columnType]}，时限${limitText(FRESHNESS_LIMITS[c.columnType])}）最新信息发布于${c.newestOn}`);
      return {
        score: fresh / timed,
        value: shareText(fresh, timed),
        evidence: [`截至${asOf}，按期更新${fresh}个，未按期更新${stale.length}个。`, ...withRemainder(lines, stale.length, '个')],
        problems: stale.length > 0 ? [`${stale.length}个栏目未按期更新。`] : [],
      };
    },
  };
}

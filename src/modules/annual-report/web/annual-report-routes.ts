/** Every route of the module: the console pages and the /api/v1 endpoints. */
import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Services } from '../../../services.ts';
import { annualReportApiRoutes } from './annual-report-api.ts';
import { annualReportConsoleRoutes } from './annual-report-console.tsx';
import { inspectionConsoleRoutes } from './inspection-console.tsx';
import { reportCorrectionApiRoutes } from './report-correction-api.ts';

export function annualReportRoutes(s: Services): RouteModule {
  const modules = [annualReportConsoleRoutes(s), inspectionConsoleRoutes(s), annualReportApiRoutes(s), reportCorrectionApiRoutes(s)];
  return async (app: FastifyInstance) => {
    for (const m of modules) await m(app);
  };
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { registerReportingWorkspaceRoutes } from './reporting-workspace.routes.ts';
import { registerMilestoneReportRoutes } from './milestone-report.routes.ts';
import { registerReportingRoundRoutes } from './reporting-round.routes.ts';

/** Every route of reporting rounds (decision 013): the workspace, the report and verdict forms, the public round page. */
export function registerReportingRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerReportingWorkspaceRoutes(app, deps);
  registerMilestoneReportRoutes(app, deps);
  registerReportingRoundRoutes(app, deps);
}

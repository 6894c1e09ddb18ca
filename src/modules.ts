import { accountsRoutes } from './accounts/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { exchangeRoutes } from './exchange/routes.js';
import { agencyRoutes } from './organisation/agencies/routes.js';
import { divisionRoutes } from './organisation/divisions/routes.js';
import { counselRoutes } from './organisation/counsel/routes.js';
import { peopleRoutes } from './organisation/people/routes.js';
import { groupRoutes } from './organisation/groups/routes.js';
import { regionRoutes } from './organisation/regions/routes.js';
import type { Module } from './platform/http/app.js';
import { deviceRoutes } from './recording/devices/routes.js';
import { evidenceRoutes } from './recording/evidence/routes.js';
import { evidenceUploadRoutes } from './recording/evidence/uploads.js';
import { webAppRoutes } from './platform/http/web-app.js';
import { portalRoutes } from './portal/routes.js';
import { archiveRoutes } from './recording/archive/routes.js';
import { caseRoutes } from './recording/cases/routes.js';
import { documentRoutes } from './recording/documents/routes.js';

/** Every HTTP module of the application, in registration order. A new domain module adds one line. */
export const modules: Module[] = [accountsRoutes, calendarRoutes, dashboardRoutes, regionRoutes, agencyRoutes, divisionRoutes, peopleRoutes, counselRoutes, groupRoutes, caseRoutes, documentRoutes, archiveRoutes, evidenceUploadRoutes, evidenceRoutes, deviceRoutes, exchangeRoutes, portalRoutes, webAppRoutes];

import { sessionOrTokenAuthentication } from './accounts/auth-hook.js';
import { may, type Capabilities } from './accounts/capabilities.js';
import { accountsPolicy } from './accounts/policy.js';
import { accountsRoutes } from './accounts/routes.js';
import { tokenRoutes } from './accounts/token-routes.js';
import { calendarPolicy } from './calendar/policy.js';
import { calendarRoutes } from './calendar/routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { exchangeRoutes } from './exchange/routes.js';
import { lawRoutes } from './lists/laws/routes.js';
import { agencyRoutes } from './organisation/agencies/routes.js';
import { divisionRoutes } from './organisation/divisions/routes.js';
import { counselRoutes } from './organisation/counsel/routes.js';
import { peopleRoutes } from './organisation/people/routes.js';
import { groupRoutes } from './organisation/groups/routes.js';
import { regionRoutes } from './organisation/regions/routes.js';
import type { AppModule } from './deps.js';
import { listsPolicy } from './lists/policy.js';
import { organisationPolicy } from './organisation/policy.js';
import { recordingPolicy } from './recording/policy.js';
import { deviceRoutes } from './recording/devices/routes.js';
import { evidenceRoutes } from './recording/evidence/routes.js';
import { evidenceUploadRoutes } from './recording/evidence/upload-routes.js';
import { webAppRoutes } from './platform/http/web-app.js';
import { portalRoutes } from './portal/routes.js';
import { archiveRoutes } from './recording/archive/routes.js';
import { caseRoutes } from './recording/cases/routes.js';
import { documentRoutes } from './recording/documents/routes.js';

/** What `/api/auth/me` tells the UI the user may do, each decided by its own module's policy. */
const capabilities: Capabilities = {
  manageRegions: may(organisationPolicy, 'region.manage'),
  createAgencies: may(organisationPolicy, 'agency.create'),
  confirmAgencies: may(organisationPolicy, 'agency.confirm'),
  managePeople: may(organisationPolicy, 'person.manage'),
  manageUsers: may(accountsPolicy, 'user.manage'),
  readAudit: may(accountsPolicy, 'audit.read'),
  manageCalendar: may(calendarPolicy, 'calendar.manage'),
  importExport: may(organisationPolicy, 'exchange.import'),
  readCases: may(recordingPolicy, 'case.read'),
  workCases: may(recordingPolicy, 'case.work'),
  manageDevices: may(recordingPolicy, 'device.manage'),
  manageArchive: may(recordingPolicy, 'archive.manage'),
  manageAvList: may(recordingPolicy, 'av_list.manage'),
  requestAccess: may(recordingPolicy, 'access.request'),
  giveAccessOpinion: may(recordingPolicy, 'access.opinion'),
  decideAccess: may(recordingPolicy, 'access.decide'),
  readLaws: may(listsPolicy, 'law.read'),
};

/** How every request is authenticated (the accounts module's session/token hook), handed to the app builder. */
export const authentication = sessionOrTokenAuthentication;

/** Every HTTP module of the application, in registration order. A new domain module adds one line. */
export const modules: AppModule[] = [accountsRoutes(capabilities), tokenRoutes, calendarRoutes, dashboardRoutes, regionRoutes, agencyRoutes, divisionRoutes, peopleRoutes, counselRoutes, groupRoutes, caseRoutes, documentRoutes, archiveRoutes, evidenceUploadRoutes, evidenceRoutes, deviceRoutes, lawRoutes, exchangeRoutes, portalRoutes, webAppRoutes];

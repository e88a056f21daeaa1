/**
 * Gateway module: the province's LGSP on X-Road's REST profile — registry of members, subsystems and
 * services, client credentials (OAuth 2.0 client credentials, mutual TLS), deny-by-default access rights,
 * the `/r1/…` message protocol, metaservices (X-Road and GovStack Information Mediator), the signed,
 * hash-chained and time-stamped message log with X-Road archives, and operational monitoring.
 */
import { defineModule } from '../../platform/module.ts';
import { REGISTRY_PROBLEMS } from './registry-problems.ts';
import { registerGatewayCommands } from './cli.ts';
import { GATEWAY_ADMIN_ROLES, gatewayAdminRoutes } from './admin-routes.ts';
import { allows } from '../../platform/auth.ts';
import { gatewayPages } from './routes.ts';
import { openMessageLog } from './log/index.ts';
import { createMonitor } from './monitoring.ts';
import { logJobs } from './log/timestamp.ts';
import { monitoringRoutes } from './monitoring-routes.ts';

export { formatServiceId, formatSubsystemId, parseServiceId, parseSubsystemId } from './identifiers.ts';
export type { ServiceId, SubsystemId } from './identifiers.ts';
export {
  addCertificateClient, addClient, addGroup, addGroupMember, addMember, addService, addSubsystem, allow, deny, revokeClient,
} from './registry.ts';

export const gatewayModule = defineModule({
  name: 'gateway',
  tables: [
    'gateway_members', 'gateway_subsystems', 'gateway_credentials', 'gateway_services', 'gateway_endpoints',
    'gateway_groups', 'gateway_group_members', 'gateway_access_rights', 'gateway_monitoring',
    'gateway_log_records', 'gateway_log_batches', 'gateway_log_timestamps', 'gateway_log_head', 'gateway_log_archives',
    'gateway_registry_version', 'gateway_token_keys',
  ],
  migrations: new URL('./migrations/', import.meta.url),
  problems: { ...REGISTRY_PROBLEMS },
  routes: (ctx) => async (api) => {
    await api.register(gatewayAdminRoutes(ctx));
    await api.register(monitoringRoutes(ctx));
  },
  abilities: {
    // The admin API under /gateway/ (policy `{ roles: ['province_admin'] }`) and the web admin pages.
    gateway_admin: (p) => allows({ roles: GATEWAY_ADMIN_ROLES }, p),
  },
  commands: (program, cli) => {
    registerGatewayCommands(program, cli);
  },
  pages: (ctx) => gatewayPages(ctx),
  // The running parts the proxy calls: the message log and the monitor (contracts.ts).
  provides: async (ctx) => ({ gateway: { log: await openMessageLog(ctx), monitor: createMonitor(ctx) } }),
  // The message log's batch time-stamping (log/timestamp.ts), once across nodes.
  jobs: (ctx) => logJobs(ctx),
});

/**
 * Payments module (issue 16): fees and charges as data from the catalogue, payment requests carried
 * by the officer's `request_payment` action, payments on each channel (VNPay, the national payment
 * platform, the counter) confirmed exactly once, the return page, the status query job.
 */
import { allows } from '../../platform/auth.ts';
import { defineModule } from '../../platform/module.ts';
import { PAYMENT_PROBLEMS } from './problems.ts';
import { paymentRoutes } from './routes.ts';
import { returnPageRoutes } from './return-page.ts';
import { paymentJobs } from './confirm.ts';
import { registerPaymentCommands } from './cli.ts';

export { advanceDossier, queryPending, vnpayIpn } from './confirm.ts';
export { issueReceipt } from './receipts.ts';
export { compareLedgers, confirmedOn, reconcileDay } from './reconcile.ts';
export { paymentConfirmed, paymentRefunded } from './events.ts';
export { startDemoPaymentSimulators, startVnpaySimulator } from './simulators.ts';
export type { VnpayFault, VnpaySimulator } from './simulators.ts';
export type { PaymentTables } from './store.ts';

export const paymentsModule = defineModule({
  name: 'payments',
  tables: ['payee_accounts', 'payment_requests', 'payments'],
  migrations: new URL('./migrations/', import.meta.url),
  problems: PAYMENT_PROBLEMS,
  routes: (ctx) => paymentRoutes(ctx),
  pages: (ctx) => returnPageRoutes(ctx),
  jobs: (ctx) => paymentJobs(ctx),
  commands: registerPaymentCommands,
  abilities: {
    // POST /dossiers/{code}/payments/counter
    record_counter_payment: (p) => allows({ roles: ['counter_officer', 'specialist', 'agency_leader', 'province_admin'] }, p),
  },
});

/**
 * How a simulator stops: on SIGTERM or SIGINT, and — when the launcher asks (SIM_EXIT_WITH_PARENT, see
 * src/platform/simulators.ts) — when its parent goes, even one that crashed or a test run that never
 * stopped it. Open connections (a hanging request) do not hold it up.
 */
import type { Server } from 'node:http';

export function stopWithParent(server: Server): void {
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 200).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.env.SIM_EXIT_WITH_PARENT === '1') process.stdin.on('close', stop).resume();
}

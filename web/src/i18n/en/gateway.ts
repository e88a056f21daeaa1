/** English: the integration gateway (LGSP) admin pages. */
export const gateway = {
  gw: {
    title: 'Integration and data-sharing platform (LGSP)',
    nav: { label: 'LGSP administration', members: 'Members', services: 'Services', credentials: 'Credentials', log: 'Message log', monitoring: 'Monitoring' },
    health: {
      unhealthy: 'The message log is not being time-stamped in time',
      last: 'Last time-stamp: {{at}} ({{age}} ago). Records without a time-stamp: {{count}}.',
      never: 'No time-stamp yet. Records without a time-stamp: {{count}}.',
      refusing: 'The gateway refuses all requests until time-stamping works again.',
      healthy: 'The message log is healthy (last time-stamp {{at}}).',
      unknown: 'The message log status could not be read.',
    },
    members: {
      title: 'Members and subsystems', lead: 'Each agency or organisation is a member (INSTANCE/CLASS/MEMBER); each of its information systems is a subsystem.',
      add: 'Register a subsystem', id: 'Subsystem identifier', idHint: 'Like VN/GOV/000.00.44.H56/MOTCUA', name: 'System name', memberName: 'Member name (when new)',
      save: 'Register', saved: 'Registered {{id}}', none: 'No members yet.', subsystems: 'Subsystems', credentials: '{{count}} credential(s)',
    },
    services: {
      title: 'Services', lead: 'Services that subsystems offer through the gateway; import an OpenAPI document to list their endpoints.',
      add: 'Register or update a service', id: 'Service identifier', idHint: 'Like VN/GOV/000.00.44.H56/MOTCUA/dossier-status',
      url: 'Service backend address (URL)', urlHint: 'Leave empty to use the first server of the OpenAPI document', openapi: 'OpenAPI document (JSON or YAML)',
      serviceTitle: 'Service title', digestOnly: 'Keep only body digests (do not store message bodies)', timeout: 'Timeout (ms)',
      save: 'Save service', saved: 'Saved service {{id}} ({{count}} endpoints)', none: 'No services yet.',
      endpoints: 'Endpoints', noEndpoints: 'No endpoints declared (the whole service)', disabled: 'Disabled', enabled: 'Enabled',
      disable: 'Disable service', enable: 'Enable service', digest: 'Digest only', rights: 'Access rights', manage: 'Manage rights',
    },
    rights: {
      title: 'Access rights of {{id}}', lead: 'By default nobody may call a service; grant rights to a subsystem, a group or a client id.',
      subject: 'Granted to', subjectHint: 'Subsystem identifier, group:GROUP-CODE or a client_id', method: 'Method', path: 'Path',
      pathHint: '* for any path; /dossiers/* or /dossiers/{code}', grant: 'Grant', granted: 'Granted to {{subject}}', already: '{{subject}} already has this right',
      revoke: 'Revoke', revoked: 'Revoked the rights of {{subject}}', none: 'No rights granted yet.', any: 'any', back: 'Back to services', notFound: 'No such service.',
    },
    credentials: {
      title: 'Credentials', lead: 'Client ids and secrets (OAuth 2.0) or TLS certificates for subsystems calling through the gateway.',
      add: 'Create a credential', subsystem: 'Subsystem', choose: 'Choose a subsystem', certificate: 'Certificate (PEM); leave empty for a secret',
      create: 'Create', createdTitle: 'Credential created', secretOnce: 'The secret is shown only this once. Copy it and hand it securely to the system\'s owner.',
      clientId: 'Client id', secret: 'Client secret', fingerprint: 'SHA-256 fingerprint', copy: 'Copy', copied: 'Copied',
      kind: 'Kind', kinds: { secret: 'Secret', certificate: 'Certificate' }, created: 'Created', state: 'State', active: 'Active',
      revokedAt: 'Revoked {{at}}', revoke: 'Revoke', revoked: 'Revoked {{id}}', none: 'No credentials yet.', dismiss: 'Saved it, hide the secret',
    },
    log: {
      title: 'Message log', lead: 'Every request and response through the gateway, signed, hash-chained and time-stamped.',
      xRoadId: 'Message id (X-Road-Id)', client: 'Client', service: 'Service', from: 'From', to: 'To', search: 'Search', more: 'Show more',
      at: 'Time', kind: 'Kind', kinds: { request: 'Request', response: 'Response' }, status: 'Status', size: 'Size', none: 'No matching records.',
      timestamped: 'Time-stamped', pending: 'Awaiting time-stamp', open: 'View', detail: 'Record {{id}}', headers: 'Headers', body: 'Body',
      digestOnly: 'Digest-only service: the body was not stored.', noBody: 'No body.', binary: 'Binary body ({{size}})', sha: 'Body SHA-512',
      error: 'Error', requestId: 'X-Road-Request-Id', method: 'Method', path: 'Path', close: 'Close',
    },
    monitoring: {
      title: 'Operational monitoring', lead: 'Requests, errors, bytes and latency by client and service.', period: 'Period',
      periods: { h1: 'Last hour', h24: 'Last 24 hours', d7: 'Last 7 days' }, requests: 'Requests', errors: 'Errors', bytesIn: 'Bytes in', bytesOut: 'Bytes out',
      p50: 'Median (ms)', p95: 'P95 (ms)', p99: 'P99 (ms)', traffic: 'Traffic over time', latency: 'P95 latency over time (ms)',
      histogram: 'Latency distribution', table: 'By client and service', none: 'No traffic in this period.', le: '≤ {{ms}} ms', over: '> {{ms}} ms',
    },
  },
};

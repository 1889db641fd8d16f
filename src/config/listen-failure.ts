/**
 * Why the HTTP endpoint or the metrics server could not listen, in words an operator acts on and
 * without the values (the configuration's rule): Node's own messages quote the host and port.
 */

export function listenFailure(err: unknown, portName: 'PORT' | 'METRICS_PORT'): string {
  switch ((err as { code?: unknown } | null)?.code) {
    case 'EADDRINUSE':
      return `${portName} is already in use by another process`;
    case 'EACCES':
      return `this process may not listen on ${portName} (ports below 1024 need privileges)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'HOST does not resolve to an address';
    case 'EADDRNOTAVAIL':
      return 'HOST is not an address of this machine';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

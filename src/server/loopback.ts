import { isIPv4 } from 'node:net';

/**
 * True for a host name or address that can only mean this machine: `localhost`, `::1` (with or
 * without brackets) or an IPv4 address in 127.0.0.0/8. `127.0.0.1.evil.example` is not one.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || (isIPv4(h) && h.startsWith('127.'));
}

/** True for an http(s) URL or web origin whose host is loopback (any port); false for anything unparseable. */
export function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHost(u.hostname);
}

import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-side fetch must not reach unless told to (SSRF): loopback, private, link-local (cloud metadata
 * at 169.254.169.254), carrier-grade NAT, unspecified, multicast, reserved and documentation ranges, and IPv6's
 * unique-local and link-local ones. BlockList checks an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) against the
 * IPv4 rules, and an IPv4 address against IPv6 rules of mapped ranges: so no `::ffff:0:0/96` rule (it would match
 * every IPv4 address).
 */
const BLOCKED = new BlockList();
const BLOCKED_IPV4 = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const;
for (const [network, prefix] of BLOCKED_IPV4) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
  // The same hosts inside the IPv6 addresses that lead to IPv4 ones: on an IPv6-only host, a name that resolves to
  // NAT64's 64:ff9b::10.0.0.1 reaches 10.0.0.1 through the gateway; 6to4 (2002::/16) carries one the same way.
  BLOCKED.addSubnet(`64:ff9b::${network}`, 96 + prefix, 'ipv6');
  BLOCKED.addSubnet(sixToFour(network), 16 + prefix, 'ipv6');
}
for (const [network, prefix] of [
  // ::/96 holds ::, ::1 and the deprecated IPv4-compatible addresses (::10.0.0.1), which no public site uses.
  ['::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7],
  ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) BLOCKED.addSubnet(network, prefix, 'ipv6');

/** The 6to4 network of an IPv4 one: 10.0.0.0 → 2002:a00:0::. */
function sixToFour(ipv4: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split('.').map(Number);
  return `2002:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}::`;
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never connect to it
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

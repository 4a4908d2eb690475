import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which network addresses the page fetcher may connect to. A moderator's link must never make the bot
 * reach into the machine it runs on or the network around it (loopback services, the cloud metadata
 * endpoint, a router's admin page), so only ordinary public unicast addresses pass by default.
 */

/** An address in canonical text form (what we connect to) and its family. */
export type CanonicalAddress = { readonly address: string; readonly family: 4 | 6 };

/** Why an address is not public: ipaddr.js's range name ("loopback", "private", "linkLocal", …). */
export type AddressVerdict =
  | { readonly public: true; readonly canonical: CanonicalAddress }
  | { readonly public: false; readonly canonical: CanonicalAddress; readonly range: string }
  | { readonly public: false; readonly canonical?: undefined; readonly range: 'invalid' };

/** IPv4 ranges are judged by ipaddr.js; anything but plain unicast (private, CGNAT, reserved, …) is refused. */
function verdictForIPv4(ip: ipaddr.IPv4): AddressVerdict {
  const canonical: CanonicalAddress = { address: ip.toString(), family: 4 };
  const range = ip.range();
  return range === 'unicast' ? { public: true, canonical } : { public: false, canonical, range };
}

/** The deprecated IPv4-compatible block ::/96 (::7f00:1 and friends), which ipaddr.js calls "unicast". */
const isIPv4Compatible = (ip: ipaddr.IPv6): boolean => ip.parts.slice(0, 6).every((part) => part === 0);

function verdictForIPv6(ip: ipaddr.IPv6): AddressVerdict {
  // ::ffff:a.b.c.d reaches the IPv4 host a.b.c.d, so it is judged as that host. We connect to the
  // mapped form ipaddr.js understood, so what we checked is exactly what we dial.
  if (ip.isIPv4MappedAddress()) {
    const inner = verdictForIPv4(ip.toIPv4Address());
    const canonical: CanonicalAddress = { address: ip.toString(), family: 6 };
    return inner.public ? { public: true, canonical } : { public: false, canonical, range: `ipv4Mapped ${inner.range}` };
  }
  const canonical: CanonicalAddress = { address: ip.toString(), family: 6 };
  if (ip.zoneId !== undefined) return { public: false, canonical, range: 'linkLocal' };
  if (isIPv4Compatible(ip)) return { public: false, canonical, range: 'ipv4Compatible' };
  const range = ip.range();
  return range === 'unicast' ? { public: true, canonical } : { public: false, canonical, range };
}

/**
 * Classifies one literal IP address (no brackets). Only strings Node itself accepts as IPs are parsed:
 * ipaddr.js alone also takes shorthand forms such as "127.1", and we never want two parsers to disagree.
 */
export function judgeAddress(address: string): AddressVerdict {
  const kind = net.isIP(address);
  if (kind === 0) return { public: false, range: 'invalid' };
  const ip = ipaddr.parse(address);
  return ip.kind() === 'ipv4' ? verdictForIPv4(ip as ipaddr.IPv4) : verdictForIPv6(ip as ipaddr.IPv6);
}

/** True when the address is an ordinary public unicast address (IPv4 or IPv6). */
export const isPublicAddress = (address: string): boolean => judgeAddress(address).public;

/** Human words for ipaddr.js range names, for error messages a moderator reads. */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  uniqueLocal: 'a private network address',
  linkLocal: 'a link-local address',
  unspecified: 'the unspecified address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  ipv4Compatible: 'a deprecated IPv4-compatible IPv6 address',
  invalid: 'not a valid IP address',
};

/** Describes a refused range in words, e.g. "a link-local address". */
export function describeRange(range: string): string {
  const mapped = /^ipv4Mapped (.+)$/.exec(range);
  if (mapped?.[1] !== undefined) return `an IPv4-mapped form of ${describeRange(mapped[1])}`;
  return RANGE_WORDS[range] ?? `a non-public address (${range})`;
}

/**
 * Which network addresses `sitrep` may fetch from, and a DNS lookup that checks them.
 *
 * A URL handed to `sitrep ingest` or `watch`, or a link inside a feed, must not make sitrep reach
 * into the machine or network it runs on (a router page, a cloud metadata service at 169.254.169.254,
 * a database on localhost). So by default every address a host name resolves to is checked, and the
 * connection is made to the checked address itself: the lookup hands the socket exactly the addresses
 * it approved, so a second DNS answer (DNS rebinding) cannot switch it afterwards. `--allow-private`
 * lifts the rule for intranet sources and tests.
 *
 * Limits: an HTTP proxy is not used (a proxy would do its own lookup); IPv4 embedded in IPv6
 * (mapped, NAT64, 6to4) is judged by the IPv4 address inside it.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

interface Range {
  /** The network as a number (IPv4: 32 bits, IPv6: 128 bits). */
  base: bigint;
  bits: number;
  reason: string;
}

function ipv4ToBigInt(ip: string): bigint | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || +p > 255) return null;
    n = (n << 8n) | BigInt(+p);
  }
  return n;
}

function ipv6ToBigInt(ip: string): bigint | null {
  let s = ip.replace(/%.*$/, ''); // zone id: fe80::1%eth0
  // a dotted IPv4 tail (::ffff:1.2.3.4) becomes two groups
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const v4 = ipv4ToBigInt(tail[1]);
    if (v4 === null) return null;
    s = s.slice(0, -tail[1].length) + `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

function ranges(list: [string, string][], v6: boolean): Range[] {
  return list.map(([cidr, reason]) => {
    const [net, bits] = cidr.split('/');
    const base = v6 ? ipv6ToBigInt(net) : ipv4ToBigInt(net);
    if (base === null) throw new Error(`bad range ${cidr}`);
    return { base, bits: +bits, reason };
  });
}

// IANA special-purpose registries (RFC 6890 and successors): nothing here is a public web server.
const V4 = ranges(
  [
    ['0.0.0.0/8', 'unspecified address'],
    ['10.0.0.0/8', 'private address'],
    ['100.64.0.0/10', 'carrier-grade NAT address'],
    ['127.0.0.0/8', 'loopback address'],
    ['169.254.0.0/16', 'link-local address'],
    ['172.16.0.0/12', 'private address'],
    ['192.0.0.0/24', 'IETF protocol address'],
    ['192.0.2.0/24', 'documentation address'],
    ['192.168.0.0/16', 'private address'],
    ['198.18.0.0/15', 'benchmarking address'],
    ['198.51.100.0/24', 'documentation address'],
    ['203.0.113.0/24', 'documentation address'],
    ['224.0.0.0/4', 'multicast address'],
    ['240.0.0.0/4', 'reserved address'],
  ],
  false,
);

const V6 = ranges(
  [
    ['::/128', 'unspecified address'],
    ['::1/128', 'loopback address'],
    ['100::/64', 'discard-only address'],
    ['2001:db8::/32', 'documentation address'],
    ['fc00::/7', 'unique local (private) address'],
    ['fe80::/10', 'link-local address'],
    ['fec0::/10', 'site-local address'],
    ['ff00::/8', 'multicast address'],
  ],
  true,
);

function inRange(n: bigint, r: Range, width: number): boolean {
  const shift = BigInt(width - r.bits);
  return n >> shift === r.base >> shift;
}

/**
 * Why an address may not be fetched from ("loopback address"), or null when it is public.
 * Anything that does not parse as an IP address is refused too.
 */
export function blockedAddressReason(address: string): string | null {
  const family = isIP(address.replace(/%.*$/, ''));
  if (family === 4) {
    const n = ipv4ToBigInt(address)!;
    return V4.find((r) => inRange(n, r, 32))?.reason ?? null;
  }
  if (family !== 6) return 'not an IP address';
  const n = ipv6ToBigInt(address);
  if (n === null) return 'not an IP address';
  // IPv4 carried inside IPv6 is judged as that IPv4 address
  const embedded =
    n >> 32n === 0xffffn ? n & 0xffffffffn // ::ffff:a.b.c.d (mapped)
    : n >> 32n === 0n && n > 1n ? n & 0xffffffffn // ::a.b.c.d (deprecated compatible form)
    : n >> 32n === 0x64ff9b0000000000000000n ? n & 0xffffffffn // 64:ff9b::/96 NAT64
    : n >> 112n === 0x2002n ? (n >> 80n) & 0xffffffffn // 2002::/16 6to4
    : null;
  if (embedded !== null) {
    const reason = V4.find((r) => inRange(embedded, r, 32))?.reason;
    if (reason) return reason;
  }
  return V6.find((r) => inRange(n, r, 128))?.reason ?? null;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Thrown when a host is refused; the message names host, address and reason in one line. */
export class UnsafeAddressError extends Error {
  override name = 'UnsafeAddressError';
}

/**
 * Every address of a host, checked. A host name that resolves to any refused address is refused as
 * a whole: a name that answers both public and private addresses is not one to trust.
 */
export async function resolveChecked(
  host: string,
  allowPrivate: boolean,
  lookup: typeof dnsLookup = dnsLookup,
  check: (address: string) => string | null = blockedAddressReason,
): Promise<ResolvedAddress[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const literal = isIP(bare);
  const found: ResolvedAddress[] = literal
    ? [{ address: bare, family: literal as 4 | 6 }]
    : (await lookup(bare, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
  if (!found.length) throw new UnsafeAddressError(`${bare} has no address`);
  if (!allowPrivate) {
    for (const a of found) {
      const reason = check(a.address);
      if (reason) throw new UnsafeAddressError(`${bare === a.address ? bare : `${bare} resolves to ${a.address}`}: ${reason} refused (use --allow-private to fetch it)`);
    }
  }
  return found;
}

/**
 * A `lookup` for `http.request` that answers only with addresses already checked: the socket
 * connects to what was approved, whatever DNS would say now. Handles both the single-answer and
 * the `all: true` form Node uses (the latter for happy-eyeballs connection attempts).
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return ((_host: string, options: { all?: boolean; family?: number } | number, callback: (...args: unknown[]) => void) => {
    const opts = typeof options === 'number' ? { family: options } : (options ?? {});
    const family = opts.family === 4 || opts.family === 6 ? opts.family : 0;
    const list = family ? addresses.filter((a) => a.family === family) : addresses;
    if (!list.length) {
      const e = Object.assign(new Error(`no IPv${family} address`), { code: 'ENOTFOUND' });
      callback(e, opts.all ? [] : undefined, undefined);
      return;
    }
    if (opts.all) callback(null, list.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, list[0].address, list[0].family);
  }) as LookupFunction;
}

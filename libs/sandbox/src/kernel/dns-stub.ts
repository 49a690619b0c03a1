import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

export interface DnsStub {
  /** `127.0.0.1:<port>`, for `Resolver.setServers` or `<NAME>_SERVICE_DNS_SERVERS`. */
  server: string;
  /** Replaces a name's A records (an empty list: the name has none, NXDOMAIN). */
  setRecords(name: string, addresses: string[], ttlSeconds?: number): void;
  /** A queries answered so far. */
  readonly queries: number;
  close(): Promise<void>;
}

const TYPE_A = 1;
const CLASS_IN = 1;

/**
 * A DNS server on UDP 127.0.0.1 that answers A queries from a table the test changes, as a
 * Kubernetes headless Service's records change when pods come and go. Other types get an empty
 * answer. Just enough of RFC 1035 for a resolver: one question, answers pointing back at it.
 */
export async function startDnsStub(): Promise<DnsStub> {
  const records = new Map<string, { addresses: string[]; ttl: number }>();
  const socket = createSocket('udp4');
  let queries = 0;

  socket.on('message', (query, peer) => {
    if (query.length < 12) return;
    let offset = 12;
    const labels: string[] = [];
    while (offset < query.length && query[offset] !== 0) {
      const length = query[offset];
      labels.push(query.subarray(offset + 1, offset + 1 + length).toString('ascii'));
      offset += length + 1;
    }
    const questionEnd = offset + 5;
    if (questionEnd > query.length) return;
    const type = query.readUInt16BE(offset + 1);
    const name = labels.join('.').toLowerCase();
    const entry = records.get(name);
    if (type === TYPE_A) queries++;
    const answers = type === TYPE_A && entry ? entry.addresses : [];
    const header = Buffer.alloc(12);
    header.writeUInt16BE(query.readUInt16BE(0), 0);
    // QR, RD and RA set; RCODE 3 (NXDOMAIN) for a name we do not know.
    header.writeUInt16BE(0x8180 | (entry ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const body = answers.map((address) => {
      const answer = Buffer.alloc(16);
      answer.writeUInt16BE(0xc00c, 0);
      answer.writeUInt16BE(TYPE_A, 2);
      answer.writeUInt16BE(CLASS_IN, 4);
      answer.writeUInt32BE(entry?.ttl ?? 1, 6);
      answer.writeUInt16BE(4, 10);
      address.split('.').forEach((octet, i) => answer.writeUInt8(Number(octet), 12 + i));
      return answer;
    });
    socket.send(Buffer.concat([header, query.subarray(12, questionEnd), ...body]), peer.port, peer.address);
  });

  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    server: `127.0.0.1:${port}`,
    setRecords: (name, addresses, ttlSeconds = 1) => {
      if (addresses.length === 0) records.delete(name.toLowerCase());
      else records.set(name.toLowerCase(), { addresses, ttl: ttlSeconds });
    },
    get queries() {
      return queries;
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

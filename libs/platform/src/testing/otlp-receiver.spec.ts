import { startOtlpReceiver } from './otlp-receiver';
import type { OtlpReceiver } from './otlp-receiver';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

/** An OTLP/JSON export request as @opentelemetry/exporter-trace-otlp-http sends it. */
const exportRequest = {
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'download' } }] },
      scopeSpans: [
        {
          scope: { name: '@keel/platform' },
          spans: [
            {
              traceId: TRACE,
              spanId: '00f067aa0ba902b7',
              parentSpanId: '',
              name: 'POST /api/v1/downloads',
              kind: 2,
              attributes: [{ key: 'http.response.status_code', value: { intValue: '201' } }],
              status: {},
            },
            {
              traceId: TRACE,
              spanId: 'b7ad6b7169203331',
              parentSpanId: '00f067aa0ba902b7',
              name: 'library attempt',
              kind: 3,
              attributes: [
                { key: 'keel.attempt', value: { intValue: 2 } },
                { key: 'keel.circuit.state', value: { stringValue: 'closed' } },
                { key: 'keel.retried', value: { boolValue: true } },
                { key: 'keel.tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { doubleValue: 1.5 }] } } },
              ],
              status: { code: 2, message: 'server_error' },
            },
          ],
        },
      ],
    },
  ],
};

describe(startOtlpReceiver.name, () => {
  let receiver: OtlpReceiver;
  beforeEach(async () => {
    receiver = await startOtlpReceiver();
  });
  afterEach(() => receiver.close());

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${receiver.url}/v1/traces`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('collects the spans of an OTLP/JSON export, flattened with their service and attributes', async () => {
    const waiting = receiver.waitFor((spans) => spans.length === 2);

    const res = await post(JSON.stringify(exportRequest));
    const spans = await waiting;

    expect(res.status).toBe(200);
    expect(spans).toEqual([
      {
        service: 'download',
        traceId: TRACE,
        spanId: '00f067aa0ba902b7',
        parentSpanId: undefined,
        name: 'POST /api/v1/downloads',
        kind: 2,
        attributes: { 'http.response.status_code': 201 },
        status: {},
      },
      {
        service: 'download',
        traceId: TRACE,
        spanId: 'b7ad6b7169203331',
        parentSpanId: '00f067aa0ba902b7',
        name: 'library attempt',
        kind: 3,
        attributes: {
          'keel.attempt': 2,
          'keel.circuit.state': 'closed',
          'keel.retried': true,
          'keel.tags': ['a', 1.5],
        },
        status: { code: 2, message: 'server_error' },
      },
    ]);
  });

  it('answers 415 to protobuf, naming the setting to change, and 400 to broken JSON', async () => {
    const protobuf = await post('\u0000\u0001', 'application/x-protobuf');
    const broken = await post('{');

    expect(protobuf.status).toBe(415);
    expect(await protobuf.text()).toContain('OTEL_EXPORTER_OTLP_PROTOCOL=http/json');
    expect(broken.status).toBe(400);
    expect(receiver.spans()).toEqual([]);
  });

  it('rejects a wait whose condition never holds, listing what arrived', async () => {
    await post(JSON.stringify(exportRequest));

    await expect(receiver.waitFor((spans) => spans.length > 5, 50)).rejects.toThrow(
      /received 2 spans: POST \/api\/v1\/downloads, library attempt/,
    );
  });
});

import { RequestContext } from './request-context';

describe('RequestContext', () => {
  it('exposes the store to async work started inside run() and to nothing outside', async () => {
    const seen = await RequestContext.run({ requestId: 'r1', token: 't' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return RequestContext.current();
    });

    expect(seen).toEqual({ requestId: 'r1', token: 't' });
    expect(RequestContext.current()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const read = (id: string) =>
      RequestContext.run({ requestId: id }, async () => {
        await new Promise((resolve) => setTimeout(resolve, id === 'a' ? 10 : 1));
        return RequestContext.current()?.requestId;
      });

    await expect(Promise.all([read('a'), read('b')])).resolves.toEqual(['a', 'b']);
  });
});

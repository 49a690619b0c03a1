import fs from 'node:fs';

export interface CapturedOutput {
  /** Everything written to stdout and stderr since capture began. */
  text(): string;
  restore(): void;
}

/**
 * Captures what the process writes to stdout and stderr, for tests that check the logs (e.g. that no
 * token or API key reaches them). pino writes through the platform's StdioLogSink with fs.write on
 * fd 1 (fs.writeSync at exit), which Jest does not intercept; Nest's console fallback uses the streams.
 */
export function captureProcessOutput(): CapturedOutput {
  const chunks: string[] = [];
  const text = (chunk: unknown) =>
    typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
  const realWriteSync = fs.writeSync;
  const writeSync = jest.spyOn(fs, 'writeSync').mockImplementation(((
    fd: number,
    chunk: unknown,
    ...rest: unknown[]
  ) => {
    if (fd !== 1 && fd !== 2) return (realWriteSync as (...args: unknown[]) => number)(fd, chunk, ...rest);
    chunks.push(text(chunk));
    return typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Buffer).length;
  }) as typeof fs.writeSync);
  const realWrite = fs.write;
  const write = jest.spyOn(fs, 'write').mockImplementation(((fd: number, chunk: unknown, ...rest: unknown[]) => {
    if (fd !== 1 && fd !== 2) return (realWrite as (...args: unknown[]) => void)(fd, chunk, ...rest);
    // StdioLogSink calls fs.write(fd, buffer, offset, length, position, callback).
    const [offset = 0, length] = rest as [number | undefined, number | undefined];
    const bytes = Buffer.isBuffer(chunk)
      ? chunk.subarray(offset, length === undefined ? undefined : offset + length)
      : Buffer.from(String(chunk));
    chunks.push(bytes.toString('utf8'));
    const callback = rest[rest.length - 1] as (error: null, written: number) => void;
    process.nextTick(callback, null, bytes.length);
  }) as typeof fs.write);
  const stdout = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation(((chunk: unknown) => (chunks.push(text(chunk)), true)) as typeof process.stdout.write);
  const stderr = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation(((chunk: unknown) => (chunks.push(text(chunk)), true)) as typeof process.stderr.write);
  return {
    text: () => chunks.join(''),
    restore: () => [writeSync, write, stdout, stderr].forEach((spy) => spy.mockRestore()),
  };
}

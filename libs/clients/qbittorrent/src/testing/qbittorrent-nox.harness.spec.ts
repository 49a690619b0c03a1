import { qbittorrentNoxBinary, qbittorrentNoxForTests } from './qbittorrent-nox.harness';

/** A newcomer's machine has no qbittorrent-nox; QBITTORRENT_NOX_BIN points at a path that is not there. */
describe('qbittorrentNoxForTests', () => {
  const saved = { bin: process.env['QBITTORRENT_NOX_BIN'], ci: process.env['CI'] };
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    process.env['QBITTORRENT_NOX_BIN'] = '/nonexistent/qbittorrent-nox';
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    stderr.mockRestore();
    for (const [key, value] of [
      ['QBITTORRENT_NOX_BIN', saved.bin],
      ['CI', saved.ci],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('runs the binary QBITTORRENT_NOX_BIN names', () => {
    expect(qbittorrentNoxBinary()).toBe('/nonexistent/qbittorrent-nox');
  });

  it('skips a local run without the binary, with a one-line notice', () => {
    // Arrange
    delete process.env['CI'];

    // Act
    const runnable = qbittorrentNoxForTests('qbittorrent contract');

    // Assert
    expect(runnable).toBe(false);
    expect(stderr).toHaveBeenCalledTimes(1);
    const notice = String(stderr.mock.calls[0][0]);
    expect(notice).toMatch(
      new RegExp(
        String.raw`^\[qbittorrent contract\] skipped: /nonexistent/qbittorrent-nox is not installed ` +
          String.raw`\(apt-get install -y qbittorrent-nox`,
      ),
    );
    expect(notice.trimEnd()).not.toContain('\n');
  });

  it('fails in CI without the binary: there the real-qbittorrent suite is mandatory', () => {
    // Arrange
    process.env['CI'] = 'true';

    // Act
    const check = () => qbittorrentNoxForTests('qbittorrent contract');

    // Assert
    expect(check).toThrow(
      'qbittorrent contract needs /nonexistent/qbittorrent-nox in CI (apt-get install -y qbittorrent-nox)',
    );
  });
});

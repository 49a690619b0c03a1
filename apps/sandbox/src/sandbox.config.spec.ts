import { readSandboxEnv } from './sandbox.config';

describe(readSandboxEnv.name, () => {
  it('defaults to loopback and leaves ports to the library defaults', () => {
    // Act
    const options = readSandboxEnv({});

    // Assert
    expect(options).toEqual({ host: '127.0.0.1' });
  });

  it('reads SANDBOX_HOST and a port per emulator', () => {
    // Arrange
    const env = { SANDBOX_HOST: '0.0.0.0', SANDBOX_LIBRARY_PORT: '4101', SANDBOX_LLM_PORT: '0' };

    // Act
    const options = readSandboxEnv(env);

    // Assert
    expect(options).toEqual({ host: '0.0.0.0', library: 4101, llm: 0 });
  });

  it.each(['abc', '70000', '-1', '3101.5'])('names the variable when a port is %s', (raw) => {
    // Act
    const read = () => readSandboxEnv({ SANDBOX_QBITTORRENT_PORT: raw });

    // Assert
    expect(read).toThrow(`SANDBOX_QBITTORRENT_PORT must be a port number from 0 to 65535, got '${raw}'`);
  });

  it('reads more instances of an emulator from SANDBOX_<NAME>_MORE_PORTS', () => {
    // Act
    const options = readSandboxEnv({ SANDBOX_LIBRARY_MORE_PORTS: '3111, 3121' });

    // Assert
    expect(options).toEqual({ host: '127.0.0.1', moreInstances: { library: [3111, 3121] } });
  });

  it('names SANDBOX_<NAME>_MORE_PORTS when one of its ports is bad', () => {
    // Act
    const read = () => readSandboxEnv({ SANDBOX_LIBRARY_MORE_PORTS: '3111,x' });

    // Assert
    expect(read).toThrow(/SANDBOX_LIBRARY_MORE_PORTS must be a comma list/);
  });
});

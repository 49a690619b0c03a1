// Some CJS builds load modules with dynamic import(): PGlite its helpers, OpenTelemetry's OTLP
// exporter `http`/`https`. Jest's CJS module system rejects import() without
// --experimental-vm-modules (and that flag breaks the jose transform), so route them to require().
module.exports = {
  process(src) {
    return {
      code:
        'const __cjsImport=(m)=>Promise.resolve().then(()=>require(m));' +
        src.replace(/\bimport\((["'])/g, '__cjsImport($1'),
    };
  },
};

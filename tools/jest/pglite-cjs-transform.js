// PGlite's CJS build loads its helpers with dynamic import(), which Jest's CJS module system rejects
// without --experimental-vm-modules (and that flag breaks the jose transform). Route them to require().
module.exports = {
  process(src) {
    return { code: 'const __pgliteImport=(m)=>Promise.resolve().then(()=>require(m));' + src.replace(/\bimport\("/g, '__pgliteImport("') };
  },
};

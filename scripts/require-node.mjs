// Runs before anything else on whatever Node the machine has, so it must stay plain
// JavaScript that even old Node versions parse: no optional chaining, no top-level await.
var required = [22, 12];
var parts = process.versions.node.split('.').map(Number);
var ok = parts[0] > required[0] || (parts[0] === required[0] && parts[1] >= required[1]);
if (!ok) {
  process.stderr.write(
    'Zerodraft needs Node.js ' +
      required.join('.') +
      ' or newer (Node.js 24 LTS recommended); this is Node.js ' +
      process.versions.node +
      '.\n' +
      'It uses the built-in node:sqlite module, which older versions do not have.\n' +
      'Install Node 24 with:  npm i -g --prefix /usr/local node@24   (then put /usr/local/bin first on PATH)\n' +
      'or with a version manager:  nvm install 24 && nvm use 24\n',
  );
  process.exit(1);
}

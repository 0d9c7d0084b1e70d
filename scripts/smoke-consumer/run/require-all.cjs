// Plain CommonJS: require() every published entry point and check what it exports.
const expected = {
  '@veeam-rest/client-core': 'createVeeamClient',
  '@veeam-rest/enterprise-manager': 'createClient',
  '@veeam-rest/m365': 'createClient',
  '@veeam-rest/m365/v8': 'createClient',
  '@veeam-rest/azure': 'createClient',
  '@veeam-rest/azure/v8.1': 'createClient',
  '@veeam-rest/contract-tests': 'createValidator',
  '@veeam-rest/contract-tests/mock': 'startMockServer',
};
const loaded = {};
for (const [id, fn] of Object.entries(expected)) {
  const mod = require(id);
  if (typeof mod[fn] !== 'function') throw new Error(`require('${id}').${fn} is ${typeof mod[fn]}`);
  loaded[id] = fn;
}
console.log(JSON.stringify(loaded));

// Redocly plugin for veeam-rest specs.
// Spec examples live as raw .xml/.json files (seed pages copied verbatim, with real line numbers for
// error messages) and are referenced with `externalValue`. Redoc and bundle consumers cannot load
// relative files offline, so this decorator inlines them as `value` whenever a spec is bundled or
// built into docs.
const fs = require('node:fs');
const path = require('node:path');

function InlineExternalExamples() {
  return {
    Example: {
      leave(example, ctx) {
        const ref = example.externalValue;
        if (typeof ref !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return;
        const file = path.resolve(path.dirname(ctx.location.source.absoluteRef), ref);
        let text;
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch {
          ctx.report({ message: `externalValue file not found: ${file}`, location: ctx.location.child('externalValue') });
          return;
        }
        try {
          example.value = file.endsWith('.json') ? JSON.parse(text) : text;
        } catch (e) {
          ctx.report({ message: `${file}: invalid JSON: ${e.message}`, location: ctx.location.child('externalValue') });
          return;
        }
        delete example.externalValue;
      },
    },
  };
}

// Redocly 2 plugin format: a function returning the plugin object.
module.exports = function veeamPlugin() {
  return {
    id: 'veeam',
    decorators: { oas3: { 'inline-external-examples': InlineExternalExamples } },
  };
};

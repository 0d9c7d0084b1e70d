// Redocly plugin for veeam-rest specs.
// Spec examples live as raw .xml/.json files (seed pages copied verbatim, with real line numbers for
// error messages) and are referenced with `externalValue`. Redoc and bundle consumers cannot load
// relative files offline, so this decorator inlines them as `value` whenever a spec is bundled or
// built into docs.
const fs = require('node:fs');
const path = require('node:path');

/** globalThis key of the Map example content -> Set of absolute source files (in-process consumers only). */
const EXAMPLE_FILES = Symbol.for('veeam-rest.exampleFiles');

/** `:line:column` of a JSON.parse error (V8 reports a character position), or ''. */
function jsonErrorPosition(text, message) {
  const m = /position (\d+)/.exec(message);
  const at = m ? Number(m[1]) : text.length;
  const before = text.slice(0, at).split('\n');
  return `:${before.length}:${before[before.length - 1].length + 1}`;
}

function InlineExternalExamples() {
  return {
    Example: {
      // `enter`, not `leave`: Redocly 2's bundler inlines externalValue itself on leave (as YAML or
      // text); doing it first keeps our JSON parsing, error positions and the file registry.
      enter(example, ctx) {
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
          // Tools that validate examples (spec checks) need the file for their messages. The bundler
          // copies nodes, so the file is kept in a process-wide registry keyed by the example content.
          const registry = (globalThis[EXAMPLE_FILES] ??= new Map());
          const key = typeof example.value === 'string' ? example.value : JSON.stringify(example.value);
          const files = registry.get(key) ?? new Set();
          files.add(file);
          registry.set(key, files);
        } catch (e) {
          ctx.report({ message: `${file}${jsonErrorPosition(text, e.message)}: invalid JSON example: ${e.message}`, location: ctx.location.child('externalValue') });
          return;
        }
        delete example.externalValue;
      },
    },
  };
}


// ---- Lint rules (enabled in redocly.yaml) ----

/** Verbs an operationId may start with (AGENTS.md). */
const VERBS = ['list', 'get', 'create', 'update', 'delete', 'start', 'stop', 'retry', 'enable', 'disable', 'export'];
const OPERATION_ID = new RegExp(`^(${VERBS.join('|')})[A-Z][A-Za-z0-9]*$`);

/** operationId is camelCase and starts with a verb from the closed list. */
function OperationIdVerb() {
  return {
    Operation(op, ctx) {
      if (typeof op.operationId !== 'string') return; // operation-operationId reports the absence
      if (!OPERATION_ID.test(op.operationId)) {
        ctx.report({
          message: `operationId "${op.operationId}" must be camelCase verb + noun, verb one of: ${VERBS.join(', ')}.`,
          location: ctx.location.child('operationId'),
        });
      }
    },
  };
}

/** Every operation states its security explicitly (`security: []` for token endpoints). */
function OperationSecurityExplicit() {
  return {
    Operation(op, ctx) {
      if (!Array.isArray(op.security)) {
        ctx.report({ message: 'Operation must declare `security` explicitly (an empty list for token/logon endpoints).', location: ctx.location.key() });
      }
    },
  };
}

/** Every response media type has at least one example. */
function ResponseMediaExamples() {
  return {
    Operation: {
      Response: {
        MediaType(media, ctx) {
          const hasExamples = media.examples && typeof media.examples === 'object' && Object.keys(media.examples).length > 0;
          if (!hasExamples && media.example === undefined) {
            ctx.report({ message: 'Response media type has no example (add `examples` with an externalValue file).', location: ctx.location.key() });
          }
        },
      },
    },
  };
}

/** Where each x-veeam-* extension may appear (docs/extensions.md) and what its value must look like. */
const EXTENSIONS = {
  'x-veeam-origin': { on: ['Example'], check: (v) => (v === 'seed' || v === 'constructed' ? null : 'must be "seed" or "constructed"') },
  'x-veeam-case-insensitive-paths': { on: ['Root'], check: (v) => (typeof v === 'boolean' ? null : 'must be a boolean') },
  'x-veeam-dead-links': {
    on: ['Root'],
    check: (v) =>
      Array.isArray(v) && v.every((d) => d && typeof d.template === 'string' && typeof d.rel === 'string' && typeof d.reason === 'string' && typeof d.source === 'string')
        ? null
        : 'must be a list of {template, rel, reason, source} strings',
  },
  'x-veeam-representations': {
    on: ['Operation'],
    check: (v) =>
      v && typeof v.parameter === 'string' && v.values && typeof v.values === 'object' && Object.values(v.values).every((n) => typeof n === 'string') && (v.default === undefined || typeof v.default === 'string')
        ? null
        : 'must be {parameter, default?, values: {value: SchemaName}}',
  },
  'x-veeam-pagination': {
    on: ['Operation'],
    check: (v) => {
      if (!v || typeof v !== 'object') return 'must be an object';
      if (v.style === 'offset-limit') return ['offset', 'limit', 'items'].every((k) => typeof v[k] === 'string') ? null : 'offset-limit needs offset, limit, items';
      if (v.style === 'page') return ['page', 'pageSize', 'pagingInfo', 'items'].every((k) => typeof v[k] === 'string') ? null : 'page needs page, pageSize, pagingInfo, items';
      return 'style must be "offset-limit" or "page"';
    },
  },
};

/** Redocly type names for the "Applies to" wording of docs/extensions.md. */
const APPLIES_TO = [
  [/example object/i, 'Example'],
  [/root/i, 'Root'],
  [/operation object/i, 'Operation'],
  [/xml object/i, 'Xml'],
  [/schema object|schema$/i, 'Schema'],
  [/parameter object/i, 'Parameter'],
  [/response object/i, 'Response'],
  [/media type object/i, 'MediaType'],
];

/**
 * Extensions documented in `<contentDir>/docs/extensions.md` (heading + "Applies to"), so a newly
 * documented extension is allowed without touching the plugin; value checks stay in EXTENSIONS.
 */
function documentedExtensions(contentDir) {
  const file = contentDir && path.join(contentDir, 'docs', 'extensions.md');
  if (!file || !fs.existsSync(file)) return EXTENSIONS;
  const out = {};
  const sections = fs.readFileSync(file, 'utf8').split(/^## /m).slice(1);
  for (const section of sections) {
    const name = /^`(x-veeam-[\w-]+)`/.exec(section)?.[1];
    const applies = /\*\*Applies to:\*\*(.*)/.exec(section)?.[1] ?? '';
    if (!name) continue;
    const on = APPLIES_TO.filter(([re]) => re.test(applies)).map(([, type]) => type);
    out[name] = { on, check: EXTENSIONS[name]?.check ?? (() => null) };
  }
  return out;
}

/** x-veeam-* extensions are used only as documented; every Example carries x-veeam-origin. */
function DocumentedExtensions(EXTENSIONS) {
  return {
    any: {
      enter(node, ctx) {
        if (!node || typeof node !== 'object' || Array.isArray(node)) return;
        const type = ctx.type && ctx.type.name;
        for (const key of Object.keys(node)) {
          if (!key.startsWith('x-veeam-')) continue;
          const spec = EXTENSIONS[key];
          if (!spec) {
            ctx.report({ message: `${key} is not documented in docs/extensions.md (document it there first).`, location: ctx.location.child(key).key() });
          } else if (!spec.on.includes(type)) {
            ctx.report({ message: `${key} applies to ${spec.on.join('/')} objects, not ${type}.`, location: ctx.location.child(key).key() });
          } else {
            const problem = spec.check(node[key]);
            if (problem) ctx.report({ message: `${key} ${problem}.`, location: ctx.location.child(key) });
          }
        }
        if (type === 'Example' && node['x-veeam-origin'] === undefined) {
          ctx.report({ message: 'Example must carry x-veeam-origin: seed | constructed.', location: ctx.location.key() });
        }
      },
    },
  };
}

// Redocly 2 plugin format: a function returning the plugin object.
module.exports = function veeamPlugin(options = {}) {
  const extensions = documentedExtensions(options.contentDir);
  return {
    id: 'veeam',
    decorators: { oas3: { 'inline-external-examples': InlineExternalExamples } },
    rules: {
      oas3: {
        'operation-id-verb': OperationIdVerb,
        'operation-security-explicit': OperationSecurityExplicit,
        'response-media-examples': ResponseMediaExamples,
        'documented-extensions': () => DocumentedExtensions(extensions),
      },
    },
  };
};



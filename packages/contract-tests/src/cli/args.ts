/**
 * A small hand-written argument parser: `--flag value`, `--flag=value`, boolean `--flag`, `--` ends
 * options, `-` is a positional (stdin). Every mistake is a UsageError with one clear sentence.
 */
import { UsageError } from './errors.js';

/** Describes one option of a command. */
export interface OptionSpec {
  /** `string` takes a value, `boolean` takes none. */
  type: 'string' | 'boolean';
  /** Allowed values (string options only). */
  choices?: readonly string[];
  /** The option may be given several times; values are collected in order. */
  multiple?: boolean;
}

/** Result of {@link parseArgs}: option values by name (without dashes) and positionals. */
export interface ParsedArgs {
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parses `argv` (the words after the command name) against `spec`.
 * @throws UsageError naming the command and the offending word.
 */
export function parseArgs(command: string, argv: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('--') || word === '-') {
      if (word.startsWith('-') && word !== '-') {
        throw new UsageError(`${command}: unknown option ${word} (options are written --name)`);
      }
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    const opt = spec[name];
    if (!opt) {
      const known = Object.keys(spec).map((k) => `--${k}`).join(', ');
      throw new UsageError(`${command}: unknown option --${name} (known: ${known || 'none'})`);
    }
    let value: string | boolean;
    if (opt.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`${command}: --${name} takes no value`);
      value = true;
    } else if (eq !== -1) {
      value = word.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`${command}: --${name} needs a value`);
      }
      value = next;
      i++;
    }
    if (typeof value === 'string' && opt.choices && !opt.choices.includes(value)) {
      throw new UsageError(`${command}: --${name} must be one of ${opt.choices.join(', ')}, got "${value}"`);
    }
    if (opt.multiple) {
      const list = (options[name] as string[] | undefined) ?? [];
      list.push(String(value));
      options[name] = list;
    } else {
      if (options[name] !== undefined) throw new UsageError(`${command}: --${name} given twice`);
      options[name] = value;
    }
  }
  return { options, positionals };
}

/** Reads a string option, throwing a UsageError when it is required and missing. */
export function stringOption(parsed: ParsedArgs, command: string, name: string, required: true): string;
export function stringOption(parsed: ParsedArgs, command: string, name: string, required?: false): string | undefined;
export function stringOption(parsed: ParsedArgs, command: string, name: string, required = false): string | undefined {
  const v = parsed.options[name];
  if (v === undefined) {
    if (required) throw new UsageError(`${command}: --${name} is required`);
    return undefined;
  }
  return String(v);
}

/** Parses a TCP port option (0..65535). */
export function portOption(parsed: ParsedArgs, command: string, name: string, fallback: number): number {
  const raw = stringOption(parsed, command, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new UsageError(`${command}: --${name} must be a port number 0..65535, got "${raw}"`);
  }
  return Number(raw);
}

/** One option of a command: how it parses and how `--help` shows it. */
export interface OptionDef extends OptionSpec {
  /** Placeholder of the value in the synopsis (`P`, `DIR`); choices are shown instead when given. */
  value?: string;
  /** One line for `--help`. */
  help: string;
  /** The command cannot run without it (a UsageError otherwise). */
  required?: boolean;
}

/** A subcommand, declared once: parsing, required options, the usage line and `--help` come from it. */
export interface CommandDef {
  name: string;
  /** Positional arguments as the synopsis shows them (`[paths...]`, `FILE`); absent: none accepted. */
  positionals?: string;
  /** What the command does, a few lines. */
  description: string;
  options: Record<string, OptionDef>;
  /**
   * Options recognized only to be refused, with the sentence why (`record --password`): checked before
   * anything else, so the refusal is what the user sees. Not shown by `--help`.
   */
  refused?: Record<string, string>;
  /** Exit codes in words. */
  exit: string;
  examples?: readonly string[];
}

/** `--name VALUE` as the synopsis writes it. */
function synopsisOf(name: string, o: OptionDef): string {
  const word = o.type === 'boolean' ? `--${name}` : `--${name} ${o.choices ? o.choices.join('|') : (o.value ?? 'VALUE')}`;
  const shown = o.required ? word : `[${word}]`;
  return o.multiple ? `${shown}...` : shown;
}

/** The usage line of a command: `usage: veeam-contract check [paths...] [--product P] ...`. */
export function usageLine(cmd: CommandDef): string {
  const opts = Object.entries(cmd.options).filter(([n]) => n !== 'help').map(([n, o]) => synopsisOf(n, o));
  const required = opts.filter((o) => !o.startsWith('['));
  const optional = opts.filter((o) => o.startsWith('['));
  return ['usage: veeam-contract', cmd.name, ...required, ...optional, ...(cmd.positionals ? [cmd.positionals] : [])].join(' ');
}

/** The full `--help` text of a command: usage line, description, one line per option, exit codes, examples. */
export function formatHelp(cmd: CommandDef): string {
  const entries = Object.entries(cmd.options).map(([n, o]) => [o.type === 'boolean' ? `--${n}` : `--${n} ${o.choices ? o.choices.join('|') : (o.value ?? 'VALUE')}`, o.help] as const);
  const width = Math.min(28, Math.max(...entries.map(([w]) => w.length)));
  const lines = [usageLine(cmd), indent(cmd.description), '', 'options:', ...entries.map(([w, h]) => `  ${w.padEnd(width)}  ${h}`), '', `exit: ${cmd.exit}`];
  if (cmd.examples?.length) lines.push('', 'examples:', ...cmd.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}

/** A short usage block for the overview (`veeam-contract --help`): usage line and description. */
export function formatSummary(cmd: CommandDef): string {
  return `${usageLine(cmd)}\n${indent(cmd.description)}`;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `  ${l}`).join('\n');
}

/**
 * Parses a command's words against its declaration.
 * @returns undefined when `--help` was asked for (the caller prints {@link formatHelp} and exits 0)
 * @throws UsageError for an unknown option, a missing value or required option, a bad choice, or a
 *   positional the command does not take
 */
export function parseCommand(cmd: CommandDef, argv: readonly string[]): ParsedArgs | undefined {
  const refused = Object.fromEntries(Object.keys(cmd.refused ?? {}).map((n) => [n, { type: 'string', help: '' } as OptionDef]));
  const spec = { ...cmd.options, ...refused, help: { type: 'boolean', help: 'this help' } as OptionDef };
  const parsed = parseArgs(cmd.name, argv, spec);
  for (const [name, why] of Object.entries(cmd.refused ?? {})) {
    if (parsed.options[name] !== undefined) throw new UsageError(`${cmd.name}: --${name} is not accepted (${why})`);
  }
  if (parsed.options.help) return undefined;
  for (const [name, o] of Object.entries(cmd.options)) {
    if (o.required && parsed.options[name] === undefined) throw new UsageError(`${cmd.name}: --${name} is required (see veeam-contract ${cmd.name} --help)`);
  }
  if (!cmd.positionals && parsed.positionals.length) throw new UsageError(`${cmd.name}: unexpected argument "${parsed.positionals[0]}"`);
  return parsed;
}

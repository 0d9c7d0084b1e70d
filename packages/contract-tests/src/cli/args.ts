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

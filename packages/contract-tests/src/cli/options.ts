/** Options several commands share, declared once (see {@link CommandDef}). */
import type { AllowedDrift } from '../types.js';
import { stringOption, type OptionDef, type ParsedArgs } from './args.js';

export const PRODUCT: OptionDef = { type: 'string', value: 'P', help: "only this product's API versions (enterprise-manager, m365, azure)" };
export const API: OptionDef = { type: 'string', value: 'P@V', help: 'one API version by its registry alias, e.g. m365@v8' };
export const ROOT: OptionDef = { type: 'string', value: 'DIR', help: "bundle the specs of this checkout's redocly.yaml instead of the shipped ones" };
export const MAX_BODY_MB: OptionDef = { type: 'string', value: 'N', help: 'body limit in MiB (default 16); a larger body is malformed, never read whole' };
export const ALLOW: OptionDef = {
  type: 'string',
  choices: ['additive'],
  help: 'additive: new members and new enum values are drift (listed, not failing); default strict',
};
export const XML_WITHOUT_JDK: OptionDef = {
  type: 'string',
  choices: ['fail', 'skip'],
  help: 'without a JDK 17+, XML bodies are not validated: fail (default) or skip (listed, exit 0 if all else is valid)',
};

/** `--allow` as the validator's `allow` option. */
export function allowOption(args: ParsedArgs, command: string): AllowedDrift[] {
  const v = stringOption(args, command, 'allow');
  return v === undefined ? [] : [v as AllowedDrift];
}

/** `--xml-without-jdk` (default `fail`). */
export function xmlWithoutJdkOption(args: ParsedArgs, command: string): 'fail' | 'skip' {
  return (stringOption(args, command, 'xml-without-jdk') as 'fail' | 'skip' | undefined) ?? 'fail';
}

/** `starcheck rules [--standard …] [--format text|markdown|json] [-o file]`: a standard's requirement matrix with its readings, then its catalogue (rules-catalogue.ts). */
import { UsageError } from '../../check/errors.js';
import { DEFAULT_STANDARD, loadStandard } from '../../validate/standard.js';
import { didYouMean } from '../../core/suggest.js';
import { ruleFormats } from '../../report/rules.js';
import type { CliIo } from '../io.js';
import { writeResult } from '../output.js';

export interface RulesFlags {
  standard?: string;
  format?: string;
  output?: string;
}

function isRuleFormat(format: string): format is keyof typeof ruleFormats {
  return Object.hasOwn(ruleFormats, format);
}

export async function runRules(flags: RulesFlags, io: CliIo): Promise<number> {
  const { format = 'text' } = flags;
  if (!isRuleFormat(format)) {
    const names = Object.keys(ruleFormats);
    throw new UsageError(`unknown format "${format}" for rules${didYouMean(format, names) || ` — expected one of ${names.join(', ')}`}`);
  }
  const { catalogue } = loadStandard(flags.standard ?? DEFAULT_STANDARD);
  await writeResult(ruleFormats[format](catalogue), flags.output, io);
  return 0;
}

/**
 * Applying the config file to a command: `.starcheck.yaml` in the working
 * directory or the nearest folder above it (up to the file system's root),
 * or the file `--config` names; `--no-config` skips it. Its values become
 * the command's option values wherever the command line gave none (commander
 * tells which came from the command line), so a flag always wins. Paths in
 * it — a standard file, a format's file, ignore globs — are relative to its
 * own folder. `check` takes every key; `validate` its standard and ignore.
 */
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE, loadConfig, type Config } from '../check/config.js';
import { isShipped } from '../validate/standard.js';

/** The config file nearest to `cwd`, upward, if any. */
export function findConfig(cwd: string): string | undefined {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    const file = join(folder, CONFIG_FILE);
    // Whatever is there is the config: a directory or FIFO of that name is refused when read, not passed over.
    if (statSync(file, { throwIfNoEntry: false }) !== undefined) return file;
    if (dirname(folder) === folder) return undefined;
  }
}

/** The config's values as option values of `command`, by option key. */
function optionValues(config: Config, base: string, command: string): Record<string, unknown> {
  // A path from the config's folder, made absolute: the same file from whatever folder starcheck runs in.
  const fromBase = (path: string): string => resolve(base, path);
  const values: Record<string, unknown> = {};
  // A standard file, by its path or extension; anything else is an id, a typo of one included ("clasic": did you mean classic?).
  const isFile = (ref: string): boolean => !isShipped(ref) && /[/\\]|\.(ya?ml|json)$/i.test(ref);
  if (config.standard !== undefined) values.standard = isFile(config.standard) ? fromBase(config.standard) : config.standard;
  if (config.ignore !== undefined) values.configIgnore = config.ignore.map((pattern) => ({ pattern, base }));
  if (command !== 'check') return values;
  if (config.require !== undefined) values.require = config.require;
  if (config.warnWithin !== undefined) values.warnWithin = String(config.warnWithin);
  if (config.tiers !== undefined) values.tiers = config.tiers === 'all' ? 'all' : config.tiers.join(',');
  if (config.formats !== undefined) {
    values.format = config.formats.map((spec) => {
      const eq = spec.indexOf('=');
      const file = spec.slice(eq + 1);
      return eq < 0 || file === '-' ? spec : `${spec.slice(0, eq)}=${fromBase(file)}`;
    });
  }
  return values;
}

/** Sets the config's defaults on a check or validate command about to run. */
export function applyConfig(command: Command, cwd: string): void {
  const given = command.opts().config as string | false | undefined;
  if (given === false) return;
  const file = given === undefined ? findConfig(cwd) : resolve(cwd, given);
  if (file === undefined) return;
  // Named as the user would: as given, or from the working directory.
  const shown = given ?? relative(cwd, file);
  const config = loadConfig(file, shown, { regularOnly: given === undefined });
  for (const [key, value] of Object.entries(optionValues(config, dirname(file), command.name()))) {
    if (command.getOptionValueSource(key) !== 'cli') command.setOptionValueWithSource(key, value, 'config');
  }
}

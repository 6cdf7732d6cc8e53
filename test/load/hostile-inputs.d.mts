/** Types of the hostile generators (hostile-inputs.mjs), for the tests. */
export interface HostileCase {
  case: string;
  /** How many of the repeated thing the case holds: links of a chain, keys, certificates. */
  links: number;
  /** File name → text; `dossier.yaml` always, `standard.yaml` when the case is the standard. */
  files: Record<string, string>;
}
export const BUDGET: number;
export function dossierYaml(options: { standard?: string; engineers?: string[]; extra?: string }): string;
export function replacesChain(): HostileCase;
export function replacesFan(): HostileCase;
export function satisfiesChain(): HostileCase;
export function aliasCatalogue(): HostileCase;
export function tierGrid(): HostileCase;
export function misspeltKeys(): HostileCase;
export function unknownCodes(): HostileCase;
export function duplicateNumbers(): HostileCase;
export function duplicateIds(): HostileCase;
export function manySlots(): HostileCase;
export const CASES: Record<string, () => HostileCase>;

/** Types of the synthetic dossier generator (generate.mjs), for the tests. */
export function random(seed: number): () => number;
export function dossierData(seed: number, index: number): Record<string, unknown>;
export function dossierText(seed: number, index: number): { extension: 'yaml' | 'json'; text: string };

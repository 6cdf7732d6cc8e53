/**
 * Channel credits (the 2025 standard's credits path): the sum of `credits`
 * over the registered engineers, those listed who have not left. An engineer
 * who left takes their credits along.
 */
import { absence, absentOn, eachLeavingDate } from '../facts.js';
import type { Engineer } from '../model.js';
import { engineerLabel, groupDigits } from '../words.js';
import { rowResult, type KindEvaluator } from './kind.js';

function creditsOf(engineers: readonly Engineer[], registered: (e: number) => boolean): number {
  let sum = 0;
  engineers.forEach((engineer, e) => {
    if (registered(e)) sum += engineer.credits ?? 0;
  });
  return sum;
}

export const credits: KindEvaluator<'credits'> = {
  evaluate(rows, facts) {
    const have = creditsOf(facts.dossier.engineers, (e) => facts.engineers[e]!.registered);
    return rows.map(({ row, need }) => {
      if (have >= need) return rowResult(row, need, '/engineers', true, have);
      const sentences = [`has ${groupDigits(have)} channel credits over the registered engineers, needs ${groupDigits(need)} — ${groupDigits(need - have)} more`];
      // The gap sits at the first engineer whose credits left with them, else at the list.
      let at: string | undefined;
      for (const status of facts.engineers) {
        const own = status.engineer.credits ?? 0;
        if (!status.registered && own > 0) {
          const tail = absentOn(status.engineer, facts.date) === 'not-yet-joined' ? 'do not count yet' : 'no longer count';
          sentences.push(`${engineerLabel(status.engineer)} ${absence(status.engineer, facts.date)}; their ${groupDigits(own)} credits ${tail}`);
          at ??= status.pointer;
        }
      }
      return rowResult(row, need, at ?? '/engineers', false, have, sentences.join('. ') + '.');
    });
  },
  allMet(rows, standing) {
    const have = creditsOf(standing.dossier.engineers, (e) => standing.registered[e]!);
    return rows.every(({ need }) => have >= need);
  },
  lossDates: (_rows, dossier, _catalogue, add) => eachLeavingDate(dossier.engineers.filter((e) => (e.credits ?? 0) > 0), add),
};

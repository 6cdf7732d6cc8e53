/**
 * Channel credits (the 2025 standard's credits path): the sum of `credits`
 * over the registered engineers, those listed who have not left. An engineer
 * who left takes their credits along.
 */
import { leavingDates } from '../facts.js';
import { engineerLabel, groupDigits } from '../words.js';
import { baseResult, type KindEvaluator } from './kind.js';

export const credits: KindEvaluator<'credits'> = {
  evaluate(rows, facts) {
    const registered = facts.engineers.filter((e) => e.registered);
    const have = registered.reduce((sum, e) => sum + (e.engineer.credits ?? 0), 0);
    return rows.map(({ row, need }) => {
      const base = baseResult(row, need, '/engineers');
      if (have >= need) return { ...base, met: true, have };
      const sentences = [`has ${groupDigits(have)} channel credits over the registered engineers, needs ${groupDigits(need)} — ${groupDigits(need - have)} more`];
      for (const status of facts.engineers) {
        const own = status.engineer.credits ?? 0;
        if (!status.registered && own > 0) sentences.push(`${engineerLabel(status.engineer)} left on ${status.engineer.leftOn}; their ${groupDigits(own)} credits no longer count`);
      }
      return { ...base, met: false, have, gap: sentences.join('. ') + '.' };
    });
  },
  lossDates: (_rows, dossier) => leavingDates(dossier.engineers.filter((e) => (e.credits ?? 0) > 0)),
};

/**
 * Minimum personnel (rule 5): distinct engineers still with the company,
 * either holding at least one certificate that counts ("certified", the
 * classic standard) or merely listed ("registered", the 2025 standard).
 */
import { certificateLossDates, leavingDates } from '../facts.js';
import { engineerLabel, plural } from '../words.js';
import { baseResult, type KindEvaluator } from './kind.js';

export const personnel: KindEvaluator<'personnel'> = {
  evaluate(rows, facts) {
    return rows.map(({ row, need }) => {
      const counted = facts.engineers.filter((e) => (row.counts === 'certified' ? e.certified : e.registered));
      const have = counted.length;
      const base = baseResult(row, need, '/engineers');
      if (have >= need) return { ...base, met: true, have };
      const adjective = row.counts === 'certified' ? 'certified' : 'registered';
      const sentences = [`has ${plural(have, `${adjective} engineer`)}, needs ${need} — add ${need - have} more`];
      for (const status of facts.engineers) {
        if (!status.registered) sentences.push(`${engineerLabel(status.engineer)} left on ${status.engineer.leftOn}`);
        else if (row.counts === 'certified' && !status.certified) sentences.push(`${engineerLabel(status.engineer)} holds no certificate that counts on ${facts.date}`);
      }
      return { ...base, met: false, have, gap: sentences.join('. ') + '.' };
    });
  },
  // A certified engineer also stops counting when the last certificate that counts lapses.
  lossDates: (rows, dossier, catalogue) =>
    rows.some((row) => row.counts === 'certified') ? certificateLossDates(dossier, catalogue).concat(leavingDates(dossier.engineers)) : leavingDates(dossier.engineers),
};

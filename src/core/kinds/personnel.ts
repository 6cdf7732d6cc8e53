/**
 * Minimum personnel (rule 5): distinct engineers still with the company,
 * either holding at least one certificate that counts ("certified", the
 * classic standard) or merely listed ("registered", the 2025 standard).
 */
import { absence, eachCertificateLossDate, eachLeavingDate } from '../facts.js';
import type { RequirementOf } from '../model.js';
import { engineerLabel, plural } from '../words.js';
import { rowResult, type KindEvaluator } from './kind.js';

function counted(row: RequirementOf<'personnel'>, certified: readonly boolean[], registered: readonly boolean[]): number {
  const counts = row.counts === 'certified' ? certified : registered;
  let have = 0;
  for (const yes of counts) if (yes) have += 1;
  return have;
}

export const personnel: KindEvaluator<'personnel'> = {
  evaluate(rows, facts) {
    const certified = facts.engineers.map((e) => e.certified);
    const registered = facts.engineers.map((e) => e.registered);
    return rows.map(({ row, need }) => {
      const have = counted(row, certified, registered);
      if (have >= need) return rowResult(row, need, '/engineers', true, have);
      const adjective = row.counts === 'certified' ? 'certified' : 'registered';
      const sentences = [`has ${plural(have, `${adjective} engineer`)}, needs ${need} — add ${need - have} more`];
      // The gap sits at the first engineer who does not count, else at the list.
      let at: string | undefined;
      for (const status of facts.engineers) {
        if (!status.registered) sentences.push(`${engineerLabel(status.engineer)} ${absence(status.engineer, facts.date)}`);
        else if (row.counts === 'certified' && !status.certified) sentences.push(`${engineerLabel(status.engineer)} holds no certificate that counts on ${facts.date}`);
        else continue;
        at ??= status.pointer;
      }
      return rowResult(row, need, at ?? '/engineers', false, have, sentences.join('. ') + '.');
    });
  },
  allMet: (rows, standing) => rows.every(({ row, need }) => counted(row, standing.certified, standing.registered) >= need),
  // A certified engineer also stops counting when the last certificate that counts lapses.
  lossDates(rows, dossier, catalogue, add) {
    if (rows.some((row) => row.counts === 'certified')) eachCertificateLossDate(dossier, catalogue, add);
    eachLeavingDate(dossier.engineers, add);
  },
};

/**
 * Service platform rows: hotline, service manager, issue tracking, support
 * e-mail. A need of `true` asks for the item to be present; a level asks for
 * at least that level of the row's `levels` (7x24 satisfies 5x8, automatic
 * satisfies manual).
 *
 * What "present" means differs between the two kinds of need, on purpose:
 * - hotline: a phone number, always; a level need also reads its hours.
 * - issue tracking: a `true` need is the classic row "tracking system and
 *   handling process", so it takes a named system and `handlingProcess:
 *   true`. A level need is the 2025 row, which asks for a tracking *mode*:
 *   it takes a named system whose mode reaches the level, and does not ask
 *   for the documented process (the 2025 standard file marks this reading).
 */
import type { Dossier, RequirementOf } from '../model.js';
import { rowResult, type KindEvaluator } from './kind.js';

type Item = RequirementOf<'platform'>['item'];

interface ItemState {
  /** Present as a `true` need asks. */
  present: boolean;
  /** The level the dossier gives, once the item exists for a level need. */
  level?: string;
  at: string;
  /** Why a `true` need is not met. */
  missing: string;
  /** Why a level need is not met although its level is unknown. */
  noLevel: string;
}

function itemState(dossier: Dossier, item: Item): ItemState {
  const platform = dossier.servicePlatform;
  switch (item) {
    case 'hotline': {
      const hotline = platform?.hotline;
      const missing = hotline ? 'the after-sales hotline has no phone number — add its phone' : 'no after-sales hotline — add a hotline with its phone number to the service platform';
      const hasPhone = hotline?.phone !== undefined;
      return {
        present: hasPhone,
        level: hasPhone ? hotline?.hours : undefined,
        at: hotline ? '/servicePlatform/hotline' : platform ? '/servicePlatform' : '',
        missing,
        noLevel: hasPhone ? 'the hotline hours are not given — add its hours' : missing,
      };
    }
    case 'serviceManager': {
      const missing = 'no service manager named — add a serviceManager with a name and e-mail';
      const named = dossier.serviceManager !== undefined;
      return { present: named, at: named ? '/serviceManager' : '', missing, noLevel: missing };
    }
    case 'supportEmail': {
      const missing = 'no support e-mail address — add a supportEmail to the service platform';
      return { present: platform?.supportEmail !== undefined, at: platform ? '/servicePlatform' : '', missing, noLevel: missing };
    }
    case 'issueTracking': {
      const tracking = platform?.issueTracking;
      const hasSystem = tracking?.system !== undefined;
      const noSystem = tracking ? 'no issue-tracking system named — add its system' : 'no issue tracking — add issueTracking with its system to the service platform';
      return {
        present: hasSystem && tracking?.handlingProcess === true,
        level: hasSystem ? tracking?.mode : undefined,
        at: tracking ? '/servicePlatform/issueTracking' : platform ? '/servicePlatform' : '',
        missing: !hasSystem ? noSystem : 'no documented customer-issue handling process — set handlingProcess to true once it is documented',
        noLevel: !hasSystem ? noSystem : 'the issue-tracking mode is not given — add its mode',
      };
    }
  }
}

/** Whether a row is met by the state of its item, and what it has. */
function judge(state: ItemState, levels: readonly string[], need: true | string): { met: boolean; have: boolean | string } {
  if (need === true) return { met: state.present, have: state.present };
  if (state.level === undefined) return { met: false, have: 'none' };
  // The standard's catalogue check guarantees `need` is one of the levels.
  return { met: levels.indexOf(state.level) >= levels.indexOf(need), have: state.level };
}

export const platform: KindEvaluator<'platform'> = {
  evaluate(rows, facts) {
    return rows.map(({ row, need }) => {
      const state = itemState(facts.dossier, row.item);
      const { met, have } = judge(state, row.levels ?? [], need);
      if (met) return rowResult(row, need, state.at, true, have);
      const gap = need === true ? `${state.missing}.` : state.level === undefined ? `${state.noLevel}; ${need} needed.` : `${have} given; ${need} or better needed.`;
      return rowResult(row, need, state.at, false, have, gap);
    });
  },
  allMet: (rows, standing) => rows.every(({ row, need }) => judge(itemState(standing.dossier, row.item), row.levels ?? [], need).met),
};

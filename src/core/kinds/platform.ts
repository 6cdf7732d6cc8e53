/**
 * Service platform rows: hotline, service manager, issue tracking, support
 * e-mail. A need of `true` asks for the item to be present; a level asks for
 * at least that level of the row's `levels` (7x24 satisfies 5x8).
 */
import type { Dossier, RequirementOf } from '../model.js';
import { baseResult, type KindEvaluator } from './kind.js';

type Item = RequirementOf<'platform'>['item'];

interface ItemState {
  present: boolean;
  level?: string;
  at: string;
  missing: string;
}

function itemState(dossier: Dossier, item: Item): ItemState {
  const platform = dossier.servicePlatform;
  switch (item) {
    case 'hotline':
      return {
        present: platform?.hotline?.phone !== undefined,
        ...(platform?.hotline?.hours !== undefined ? { level: platform.hotline.hours } : {}),
        at: platform?.hotline ? '/servicePlatform/hotline' : '/servicePlatform',
        missing: 'no after-sales hotline with a phone number (servicePlatform.hotline.phone)',
      };
    case 'serviceManager':
      return { present: dossier.serviceManager !== undefined, at: '/serviceManager', missing: 'no service manager named (serviceManager)' };
    case 'supportEmail':
      return { present: platform?.supportEmail !== undefined, at: '/servicePlatform', missing: 'no support e-mail address (servicePlatform.supportEmail)' };
    case 'issueTracking': {
      const tracking = platform?.issueTracking;
      const hasSystem = tracking?.system !== undefined;
      return {
        present: hasSystem && tracking?.handlingProcess === true,
        ...(hasSystem && tracking?.mode !== undefined ? { level: tracking.mode } : {}),
        at: tracking ? '/servicePlatform/issueTracking' : '/servicePlatform',
        missing: !hasSystem
          ? 'no issue-tracking system named (servicePlatform.issueTracking.system)'
          : 'no documented customer-issue handling process (servicePlatform.issueTracking.handlingProcess is not true)',
      };
    }
  }
}

export const platform: KindEvaluator<'platform'> = {
  evaluate(rows, facts) {
    return rows.map(({ row, need }) => {
      const state = itemState(facts.dossier, row.item);
      const base = baseResult(row, need, state.at);
      if (need === true) {
        return state.present ? { ...base, met: true, have: true } : { ...base, met: false, have: false, gap: `${state.missing}.` };
      }
      const levels = row.levels ?? [];
      const have = state.level ?? 'none';
      const met = state.level !== undefined && levels.indexOf(state.level) >= levels.indexOf(need);
      if (met) return { ...base, met, have };
      const gap = state.level === undefined ? `no ${row.label.toLowerCase()} level given; ${need} needed.` : `${row.label} is ${state.level}; ${need} or better needed.`;
      return { ...base, met, have, gap };
    });
  },
};

/**
 * Every gap is located at what it is about, as the engine's own evaluation
 * finds it: the certificate that nearly counts, the engineer who does not,
 * the lab list, or the top of the dossier where a missing block goes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDossier } from '../../src/index.js';
import { evaluate } from '../../src/core/evaluate.js';
import type { Dossier } from '../../src/core/model.js';
import { dossier, engineer, root, shippedCatalogue } from '../helpers.js';

const classic = shippedCatalogue('classic');
const DATE = '2026-12-01';
const FAR = '2029-01-01';

function gapAt(d: Dossier, tier: string, id: string, standard = classic): string {
  const row = evaluate(d, standard, DATE).tiers.find((t) => t.id === tier)!.requirements.find((r) => r.id === id)!;
  expect(row.met).toBe(false);
  return row.at;
}

describe('where each kind of gap points', () => {
  it.each<[string, Dossier, string, string]>([
    // certificates: the accepted one that does not count (lapses inside the margin), before one that counts elsewhere
    ['a lapsing certificate', dossier({ engineers: [engineer('E01', [['H3CNE', FAR]]), engineer('E02', [['PMP', '2027-03-01']])] }), 'project-management-certificate', '/engineers/1/certificates/0'],
    ['a certificate not issued yet', dossier({ engineers: [engineer('E01', [['H3CNE', FAR], ['PMP', FAR, '2027-01-01']])] }), 'project-management-certificate', '/engineers/0/certificates/1'],
    // a second certificate of a type already counted in a "different types" row
    ['a repeated special type', dossier({ engineers: [engineer('E01', [['H3CS-IMC', FAR]]), engineer('E02', [['H3CS-IMC', FAR]])] }), 'special-certificates', '/engineers/1/certificates/0'],
    ['no certificate the row accepts', dossier({ engineers: [engineer('E01', [['H3CNE', FAR]])] }), 'project-management-certificate', '/engineers'],
    // personnel: the first engineer who does not count
    ['an engineer without a certificate that counts', dossier({ engineers: [engineer('E01', [['H3CNE', FAR]]), engineer('E02', [['H3CNE', '2027-01-01']])] }), 'certified-personnel', '/engineers/1'],
    ['an engineer who left', dossier({ engineers: [engineer('E01', [['H3CNE', FAR]], { leftOn: '2026-11-01' }), engineer('E02', [['H3CNE', FAR]])] }), 'certified-personnel', '/engineers/0'],
    ['too few engineers, all counting', dossier({ engineers: [engineer('E01', [['H3CNE', FAR]])] }), 'certified-personnel', '/engineers'],
    // lab: the list, or the top of the dossier when there is none
    ['a lab short of a unit', dossier({ lab: [{ category: 'router', model: 'MSR' }] }), 'lab-l3-switch', '/lab'],
    ['no lab at all', dossier({ lab: undefined }), 'lab-l3-switch', ''],
    // projects: the largest delivered one, which falls short; the top when none is listed
    ['a project too small', dossier({ projects: [{ name: 'Small', listPriceUsd: 10_000 }, { name: 'Larger', listPriceUsd: 50_000 }] }), 'project-experience', '/projects/1'],
    ['a project not delivered yet', dossier({ projects: [{ name: 'Later', listPriceUsd: 5_000_000, completed: '2027-01-01' }] }), 'project-experience', '/projects/0'],
    ['no projects', dossier({ projects: undefined }), 'project-experience', ''],
    // platform: the item, its block, or the top
    ['a hotline without a phone', dossier({ servicePlatform: { hotline: { hours: '5x8' } } as Dossier['servicePlatform'] }), 'hotline', '/servicePlatform/hotline'],
    ['a platform without a hotline', dossier({ servicePlatform: { supportEmail: 'a@b.example' } }), 'hotline', '/servicePlatform'],
    ['no platform', dossier({ servicePlatform: undefined }), 'hotline', ''],
    ['no service manager', dossier({ serviceManager: undefined }), 'service-manager', ''],
  ])('%s', (_name, d, id, at) => {
    const tier = ['hotline', 'service-manager', 'certified-personnel'].includes(id) ? 'two-star' : 'four-star';
    expect(gapAt(d, tier, id)).toBe(at);
  });

  it('says what to add when a block is missing, without quoting field paths in brackets', () => {
    const tiers = evaluate(dossier({ projects: undefined, lab: undefined, servicePlatform: undefined, serviceManager: undefined }), classic, DATE).tiers;
    const gaps = tiers.flatMap((t) => t.requirements.flatMap((r) => (r.gap === undefined ? [] : [r.gap])));
    expect(gaps).toContain('needs a delivered project with an equipment list price of USD 1,000,000 or more (major); no project is listed — add a projects list.');
    expect(gaps.some((g) => g.endsWith('no lab is listed — add a lab list.'))).toBe(true);
    expect(gaps).toContain('no service manager named — add a serviceManager with a name and e-mail.');
    for (const gap of gaps) expect(gap).not.toMatch(/\([a-zA-Z]+(\.[a-zA-Z]+)+\)/);
  });
});

describe('examples/three-star.yaml against four-star', () => {
  it('puts the PMP gap at Bo Lim\'s PMP, the special-types gap at the second iMC, and personnel at Bo Lim', () => {
    const report = checkDossier(readFileSync(`${root}examples/three-star.yaml`, 'utf8'), { file: 'three-star.yaml' });
    const four = report.tiers.find((t) => t.id === 'four-star')!;
    const place = (id: string) => {
      const r = four.requirements.find((row) => row.id === id)!;
      return [r.at, r.line, r.column];
    };
    expect(place('project-management-certificate')).toEqual(['/engineers/1/certificates/0', 34, 9]);
    expect(place('special-certificates')).toEqual(['/engineers/3/certificates/0', 48, 9]);
    expect(place('certified-personnel')).toEqual(['/engineers/1', 31, 5]);
  });
});

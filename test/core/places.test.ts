/** A JSON pointer into a dossier, in a person's words: the table the messages rely on. */
import { describe, expect, it } from 'vitest';
import { placeWords } from '../../src/core/places.js';

const doc = {
  partner: { name: 'Borneo Netcom' },
  application: { date: '2026-12-01' },
  engineers: [
    { id: 'E01', name: 'Ahmad Faizal', certificates: [{ type: 'H3CNE-RS' }] },
    { name: 'No Id' },
    { id: 'E03', name: 'Le Minh Khoa', certificates: [{ type: 'H3CNE' }, { type: 'H3CSE-RS', expires: 'never' }] },
    { id: 'E\u001b[31m04\n', name: `Mallory\u202e${'x'.repeat(200)}`, certificates: [{ type: '::add-mask::x' }] },
    { id: 7, certificates: [{}] },
  ],
  servicePlatform: { hotline: { phone: '1' } },
  lab: [{ category: 'router', model: 'MSR' }, { category: 'ap', quantity: 1.5 }],
  projects: [{ name: 'Hospital wireless' }],
  training: [{ title: 'Forum' }],
  serviceEvents: [{ date: '2026-03-04', summary: 'Core switch outage' }],
  'x-notes': ['a'],
};

describe('placeWords', () => {
  it.each([
    ['', 'the dossier'],
    ['/partner', 'partner'],
    ['/partner/name', 'partner.name'],
    ['/application/date', 'application.date'],
    ['/servicePlatform/hotline/phone', 'servicePlatform.hotline.phone'],
    ['/engineers', 'engineers'],
    ['/engineers/0', 'engineer E01 (Ahmad Faizal)'],
    ['/engineers/0/name', 'engineer E01 (Ahmad Faizal): name'],
    ['/engineers/0/certificates', 'engineer E01 (Ahmad Faizal): certificates'],
    ['/engineers/2/certificates/1/expires', 'engineer E03 (Le Minh Khoa), certificate 2 (H3CSE-RS): expires'],
    ['/engineers/2/certificates/1', 'engineer E03 (Le Minh Khoa), certificate 2 (H3CSE-RS)'],
    // Without an id an engineer is counted from 1.
    ['/engineers/1/id', 'engineer 2 (No Id): id'],
    ['/engineers/4/certificates/0/type', 'engineer 7, certificate 1: type'],
    // Past the end of a list (a missing item) and beyond a scalar, the words still come.
    ['/engineers/9/name', 'engineer 10: name'],
    ['/partner/name/first', 'partner.name.first'],
    ['/lab/0/category', 'lab item 1 (MSR): category'],
    ['/lab/1/quantity', 'lab item 2: quantity'],
    ['/projects/0/listPriceUsd', 'project 1 (Hospital wireless): listPriceUsd'],
    ['/training/0/date', 'training event 1 (Forum): date'],
    ['/serviceEvents/0/severity', 'service event 1 (2026-03-04): severity'],
    ['/x-notes/0', 'x-notes.0'],
    // Escaped keys read as written in the file.
    ['/partner/a~1b~0c', 'partner.a/b~c'],
  ])('%j reads as %j', (pointer, words) => {
    expect(placeWords(pointer, doc)).toBe(words);
  });

  it('keeps hostile ids, names and keys on one escaped line, cut short', () => {
    const words = placeWords('/engineers/3/certificates/0/type', doc);
    expect(words).toBe(`engineer E\\u001b[31m04\\u000a (Mallory\\u202e${'x'.repeat(26)}…), certificate 1 (\\u003a:add-mask::x): type`);
    expect(words).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(placeWords('/partner/\u0007bell', doc)).toBe('partner.\\u0007bell');
    // A workflow command cannot start the line even when the key is all there is.
    expect(placeWords('/::set-output', doc)).toBe('\\u003a:set-output');
  });
});

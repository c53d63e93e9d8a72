import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scoresBelowFloors } from '../../scripts/figures/measure.js';

const SUMMARY = 'accuracy: types=100.0% recall=96.3% precision=99.1% typeAgree=98.0% enumAgree=89.3% (universe=2272)';
const TARGETS = { types: 99, recall: 97, precision: 98.5, typeAgree: 95, enumAgree: 85 };

const CASES: { given: string; summary: string; floors: Record<string, number>; want: string[] }[] = [
  { given: 'the README\'s targets, beta recall short of its 97%', summary: SUMMARY, floors: TARGETS, want: ['recall 96.3% is below 97%'] },
  { given: 'a lower recall floor', summary: SUMMARY, floors: { ...TARGETS, recall: 96 }, want: [] },
  { given: 'a score exactly at its floor', summary: SUMMARY, floors: { enumAgree: 89.3 }, want: [] },
  { given: 'several scores below', summary: SUMMARY, floors: { types: 100.1, typeAgree: 98.1 }, want: ['types 100% is below 100.1%', 'typeAgree 98% is below 98.1%'] },
  { given: 'a summary the tool did not print', summary: 'accuracy tool crashed', floors: { recall: 0 }, want: ['recall missing from the summary'] },
];

for (const { given, summary, floors, want } of CASES) {
  test(`accuracy floors: ${given}`, () => {
    assert.equal(scoresBelowFloors(summary, floors), want);
  });
}

test.run();

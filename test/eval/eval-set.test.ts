import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { meetsExpectation, normalizeForMatch, readEvalSet, type EvalQuestion } from '../../src/eval/eval-set.ts';

const q = (expect: EvalQuestion['expect']): EvalQuestion => ({ id: 't1', lang: 'en', q: 'question', expect });

describe('meetsExpectation', () => {
  it('GIVEN an expected alternative in another case THEN matches', () => {
    expect(meetsExpectation(q([['CONFUCIUS']]), true, 'There are 5 Confucius Institutes')).toBe(true);
    expect(meetsExpectation(q([['конфуция']]), true, 'Институтов КОНФУЦИЯ')).toBe(true);
    expect(meetsExpectation(q([['Қазақстан']]), true, 'ҚАЗАҚСТАНДА')).toBe(true);
  });

  it('GIVEN ё on either side THEN reads it as е', () => {
    expect(meetsExpectation(q([['Шёлковый']]), true, 'Шелковый путь')).toBe(true);
    expect(meetsExpectation(q([['шелковый']]), true, 'ШЁЛКОВЫЙ путь')).toBe(true);
    expect(meetsExpectation(q([['Гумилев']]), true, 'имени Л. Н. Гумилёва')).toBe(true);
  });

  it.each(['15,000', '15 000', '15\u00a0000', '15\u202f000', '15000'])('GIVEN the reply says %j THEN matches 15000 written any way', (reply) => {
    for (const expected of ['15000', '15,000', '15 000']) {
      expect(meetsExpectation(q([[expected]]), true, `nearly ${reply} students`)).toBe(true);
    }
  });

  it('GIVEN a decimal comma on either side THEN reads it as a point', () => {
    expect(meetsExpectation(q([['23.06']]), true, 'выросло на 23,06%')).toBe(true);
    expect(meetsExpectation(q([['23,06']]), true, 'increased by 23.06%')).toBe(true);
  });

  it('GIVEN a different number THEN no match, even when one contains the other', () => {
    expect(meetsExpectation(q([['23.06']]), true, 'increased by 23%')).toBe(false);
    expect(meetsExpectation(q([['108']]), true, 'signed 18 documents')).toBe(false);
  });

  it('GIVEN several groups THEN every group needs one of its alternatives', () => {
    const question = q([['2016'], ['october', 'октябр', 'қазан']]);
    expect(meetsExpectation(question, true, 'Founded in October 2016')).toBe(true);
    expect(meetsExpectation(question, true, 'Создан в октябре 2016 года')).toBe(true);
    expect(meetsExpectation(question, true, 'Founded in 2016')).toBe(false);
    expect(meetsExpectation(question, true, 'Founded in October')).toBe(false);
  });

  it('GIVEN null THEN only a decline meets it', () => {
    expect(meetsExpectation(q(null), false, 'I could not find that')).toBe(true);
    expect(meetsExpectation(q(null), true, 'Some fact')).toBe(false);
  });

  it('GIVEN an expectation and a decline THEN fails even if the decline text happens to contain it', () => {
    expect(meetsExpectation(q([['Confucius']]), false, 'How many Confucius Institutes are there?')).toBe(false);
  });

  it('GIVEN normalizeForMatch THEN applies every rule at once', () => {
    expect(normalizeForMatch('ЁЛКА 1,234,567 и 2,5')).toBe('елка 1234567 и 2.5');
  });
});

describe('readEvalSet', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-set-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, lines.join('\n'));
    return file;
  };
  const good = [
    JSON.stringify({ id: 'a1', lang: 'en', q: 'how many confucius institutes', expect: [['5']] }),
    JSON.stringify({ id: 'a2', lang: 'kk', q: 'ауа райы', expect: null }),
  ];

  it('GIVEN valid lines and blank lines THEN reads every question in order', () => {
    const file = write('good.jsonl', [good[0]!, '', '   ', good[1]!, '']);
    expect(readEvalSet(file).map((question) => question.id)).toEqual(['a1', 'a2']);
  });

  it('GIVEN a line that is not JSON THEN the error names the file and that line number', () => {
    const file = write('broken.jsonl', [good[0]!, '', '{"id": "a3", "lang": "en"', good[1]!]);
    expect(() => readEvalSet(file)).toThrow(`${file}:3:`);
  });

  it.each([
    ['an unknown language', { id: 'x', lang: 'de', q: 'frage', expect: null }, 'lang'],
    ['an empty group', { id: 'x', lang: 'en', q: 'question', expect: [[]] }, 'expect'],
    ['a missing question', { id: 'x', lang: 'en', expect: null }, 'q'],
    ['an extra field', { id: 'x', lang: 'en', q: 'question', expect: null, note: 'typo' }, ''],
  ])('GIVEN a line with %s THEN the error names the line number and the field', (_name, record, field) => {
    const file = write('invalid.jsonl', [good[0]!, JSON.stringify(record)]);
    expect(() => readEvalSet(file)).toThrow(new RegExp(`:2: ${field}`));
  });
});

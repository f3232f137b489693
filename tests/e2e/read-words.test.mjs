// 朗读's words (src/read-aloud.js, `spoken` and `sentences`): numbers worded the way a person says
// them, and text cut into sentences. Plain node, no browser: the reader exports both in node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const { spoken, sentences } = createRequire(import.meta.url)('../../src/read-aloud.js');

test('a range between numbers is read as 至', () => {
  assert.equal(spoken('3-5年'), '3至5年');
  assert.equal(spoken('5~10万元'), '5至10万元');
  assert.equal(spoken('2021—2025年'), '2021至2025年');
  assert.equal(spoken('3\uFF5E5年'), '3至5年');
  assert.equal(spoken('\uFF13\uFF0D\uFF15年'), '\uFF13至\uFF15年');
});

test('a dash that is not a range is kept', () => {
  assert.equal(spoken('民族团结—进步'), '民族团结—进步');
  assert.equal(spoken('A-B类'), 'A-B类');
});

test("a document number's year in brackets is read as a year and its number as an ordinal", () => {
  assert.equal(spoken('呼民宗发〔2023〕12号'), '呼民宗发2023年第12号');
  assert.equal(spoken('[2022]3号'), '2022年第3号');
  assert.equal(spoken('\uFF3B2022\uFF3D3号'), '2022年第3号');
  assert.equal(spoken('【2021】'), '2021年');
  assert.equal(spoken('〔064〕号'), '〔064〕号');
});

test('dotted dates are read as dates and decimals stay numbers', () => {
  assert.equal(spoken('2023.4.5召开'), '2023年4月5日召开');
  assert.equal(spoken('2023.12起'), '2023.12起');
  assert.equal(spoken('2023.4.5.6'), '2023.4.5.6');
  assert.equal(spoken('305.29万元'), '305.29万元');
  assert.equal(spoken('2023.5万元'), '2023.5万元');
  assert.equal(spoken('1234.56'), '1234.56');
});

test('numbers a voice reads well stay as written', () => {
  const text = '截至2023年4月,拨付305.29万元,“十四五”期间培训1531期、25%';
  assert.equal(spoken(text), text);
});

test('a rate is read with 每 and thousands separators go', () => {
  assert.equal(spoken('120万元/公里'), '120万元每公里');
  assert.equal(spoken('2万元/项'), '2万元每项');
  assert.equal(spoken('共1,531期'), '共1531期');
  assert.equal(spoken('1,2'), '1,2');
  assert.equal(spoken('一项…'), '一项');
});

test('sentences are cut after each stop and empty pieces are left out', () => {
  assert.deepEqual(sentences('第一句。第二句!第三句;第四句\uFF01第五句\uFF1F\n。'),
    ['第一句。', '第二句!', '第三句;', '第四句\uFF01', '第五句\uFF1F']);
  assert.deepEqual(sentences('无句号'), ['无句号']);
  assert.deepEqual(sentences('。 \n'), []);
});

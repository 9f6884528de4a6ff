import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText, LineMap } from '../server/src/engine';
import { tokenize } from '../server/src/engine/text';

test('sentence segmentation survives abbreviations: Nov., U.S., Mr.', () => {
  const p = parseText('Mr. Cameron met U.S. officials on Nov. 11 in London. He left on Friday. Dr. Fidan spoke.');
  assert.deepEqual(p.sentences.map((s) => s.text), ['Mr. Cameron met U.S. officials on Nov. 11 in London.', 'He left on Friday.', 'Dr. Fidan spoke.']);
});

test('a country\'s dotted letters before an office end no sentence: "U.S. President Joe Biden", "U.K. Foreign Secretary"', () => {
  const texts = (t: string) => parseText(t).sentences.map((s) => s.text);
  assert.deepEqual(texts('Last week U.S. President Joe Biden called. The U.K. Foreign Secretary agreed.'), ['Last week U.S. President Joe Biden called.', 'The U.K. Foreign Secretary agreed.']);
  // Any other capitalised word after them starts a sentence, as before.
  assert.deepEqual(texts('She moved to the U.S. Her brother stayed.'), ['She moved to the U.S.', 'Her brother stayed.']);
});

test('sentence offsets index the original text exactly, even with decomposed Unicode', () => {
  const raw = 'Tu\u0308rkiye said İstanbul talks went well. Erdog\u0306an agreed.';
  const p = parseText(raw);
  for (const s of p.sentences) {
    assert.equal(raw.slice(s.start, s.end), s.text);
    for (const t of s.tokens) assert.equal(raw.slice(t.start, t.end), t.text);
  }
  assert.equal(p.sentences[0].tokens[0].key, 'türkiye', 'keys are NFC');
  assert.equal(p.sentences[0].tokens[2].text, 'İstanbul', 'a dotted capital I keeps its one code unit in the range');
});

test('dateline and front matter give the text its date and are not prose', () => {
  assert.equal(parseText(' date 2023-11-22 Foreign Minister Hakan Fidan spoke.').date, '2023-11-22');
  const fm = parseText('---\ntitle: x\ndate: 2023-12-05\n---\nText here.', 'markdown');
  assert.equal(fm.date, '2023-12-05');
  assert.deepEqual(fm.sentences.map((s) => s.text), ['Text here.']);
  assert.equal(parseText(' date 2023-02-30 Bad date.').date, undefined, 'an impossible date is no date');
});

test('markdown syntax is not prose: headings, emphasis, links, code, comments', () => {
  const raw = '# Fidan in **London**\n\nHe met [David Cameron](https://example.com/x) at `10 Downing St`.\n\n```\n14,100 people\n```\n<!-- 5,800 -->\n';
  const p = parseText(raw, 'markdown');
  assert.deepEqual(p.sentences.map((s) => s.text), ['Fidan in **London', 'He met [David Cameron](https://example.com/x) at `10 Downing St`.']);
  assert.ok(!p.prose.includes('https'), 'link targets are blanked');
  assert.ok(!p.prose.includes('14,100'), 'code blocks are blanked');
  assert.ok(!p.prose.includes('5,800'), 'HTML comments are blanked');
  assert.equal(p.prose.length, raw.length, 'prose keeps every offset');
  assert.ok(p.sentences[0].heading);
});

test('LineMap converts offsets to LSP positions in UTF-16 code units and back', () => {
  const text = 'a😀b\ncd\n';
  const m = new LineMap(text);
  assert.deepEqual(m.position(3), { line: 0, character: 3 });
  assert.deepEqual(m.position(5), { line: 1, character: 0 });
  assert.equal(m.offset({ line: 1, character: 1 }), 6);
});

test('a sentence ends after the letter of "3G." and after an acronym in capitals ("MS."), not after an initial or "Ms."', () => {
  const texts = (t: string) => parseText(t).sentences.map((s) => s.text);
  assert.deepEqual(texts('It will compete with 3G. Broadband will grow. John G. Smith came.'), ['It will compete with 3G.', 'Broadband will grow.', 'John G. Smith came.']);
  assert.deepEqual(texts('It helps patients with MS. Final approval came. Ms. Jones agreed.'), ['It helps patients with MS.', 'Final approval came.', 'Ms. Jones agreed.']);
});

test('"U.S.-China" is one word, the same as "US-China"; "U.S.-led" one word too', () => {
  assert.deepEqual(tokenize('the U.S.-China commission').map((t) => [t.text, t.key]), [['the', 'the'], ['U.S.-China', 'us-china'], ['commission', 'commission']]);
  assert.deepEqual(tokenize('U.S.-led forces').map((t) => t.key), ['us-led', 'forces']);
  assert.deepEqual(tokenize('U.K. and U.S. firms').map((t) => t.key), ['uk', 'and', 'us', 'firms']);
});

test('a bracket that holds initials alone ends no sentence: "Philip Roth (U.S.) Muriel Spark (U.K.)"; a sentence that ends in a bracket still ends', () => {
  const list = parseText('The list: Philip Roth (U.S.) Muriel Spark (U.K.) Kenzaburo Oe (Japan). It has 18 names.');
  assert.deepEqual(list.sentences.map((s) => s.text), ['The list: Philip Roth (U.S.) Muriel Spark (U.K.) Kenzaburo Oe (Japan).', 'It has 18 names.']);
  assert.deepEqual(parseText('He studied in the US (at Yale.) Then he left.').sentences.length, 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topicOf, type Candidate } from '../server/src/engine/align';
import { SeedIndex, type SeedDoc, type SeedSentence } from '../server/src/engine/seeds';

// topicOf reads only each candidate's seed and score.
const docA = { path: 'a.txt' } as unknown as SeedDoc;
const docB = { path: 'b.txt' } as unknown as SeedDoc;
const cand = (seed: SeedDoc, score: number): Candidate => ({ sentence: { seed } as unknown as SeedSentence, score });
const index = new SeedIndex();

test("the draft's story: the seed its sentences restate weighs 1, another story less", () => {
  const topic = topicOf(index, [[cand(docA, 0.8), cand(docB, 0.3)], [cand(docA, 0.7)], [cand(docA, 0.6), cand(docB, 0.25)]]);
  assert.equal(topic.get(docA), 1);
  assert.ok(topic.get(docB)! < 0.6);
});

test('a draft that aligns only weakly with every seed has no story among them', () => {
  const weak = [[cand(docA, 0.25)], [cand(docA, 0.3), cand(docB, 0.2)], [cand(docB, 0.22)], [cand(docA, 0.21)]];
  const topic = topicOf(index, weak);
  assert.ok(topic.get(docA)! < 0.6, `weak story weight ${topic.get(docA)}`);
});

test("a long draft's sentences that align with nothing do not dilute the story it tells", () => {
  const told = [[cand(docA, 0.8)], [cand(docA, 0.75)], ...Array.from({ length: 500 }, () => [])];
  assert.equal(topicOf(index, told).get(docA), 1);
});

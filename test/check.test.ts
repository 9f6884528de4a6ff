import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft, extractFacts, SeedIndex } from '../server/src/engine';
import { type Ctx } from '../server/src/engine/ledger';
import { isCommonWord, sameName } from '../server/src/engine/nameChecks';
import { type Entity } from '../server/src/engine/people';
import { bundledIndex, check, flagged, flags, SEED_TEXT } from './helpers';

/** An index of one seed. */
function seedIndex(path: string, text: string): SeedIndex {
  const index = new SeedIndex();
  index.addSeed(path, text);
  return index;
}

/** A name as the checks see it, from its lower-case key ("stuart grimes"). */
const name = (key: string) => ({ key, text: key.replace(/\b\w/g, (c) => c.toUpperCase()), tokens: key.split(' ') }) as unknown as Entity;

/** The flags (errors and warnings) a draft gets against an index, as "draft text -> seed value". */
function flagsAgainst(index: SeedIndex, draft: string): string[] {
  return checkDraft(draft, index).findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.text} -> ${f.expected}`);
}

const FAITHFUL = `---
date: 2023-11-22
---
# Turkish top diplomat takes Gaza peace bid to London

Turkish Foreign Minister Hakan Fidan pressed for peace in Gaza in talks in London with UK Foreign Secretary David Cameron, the ministry said on Wednesday.

Fidan, who also met counterparts from the OIC and the Arab League, will go on to Paris to meet French President Emmanuel Macron.

The push began at the joint OIC-Arab League summit held in Riyadh on November 11. Israel's offensive followed the Hamas attack of October 7.

Gaza authorities put the death toll at more than 14,000, among them nearly 6,000 children and 3,900 women. Israel puts its own toll at about 1,200.
`;

test('a faithful paraphrase of the seed raises no flag', () => {
  assert.deepEqual(flags(FAITHFUL).map((f) => `${f.kind}: ${f.text} (${f.message})`), []);
});

test('a faithful paraphrase confirms its claims with seed evidence', () => {
  const r = check(FAITHFUL);
  const confirmed = r.claims.filter((c) => c.status === 'confirmed').map((c) => c.text);
  for (const t of ['Foreign Minister', 'Foreign Secretary', 'more than 14,000', '3,900', 'November 11']) assert.ok(confirmed.includes(t), `${t} is confirmed`);
  for (const c of r.claims.filter((x) => x.status === 'confirmed')) assert.ok(c.evidence.length > 0 && SEED_TEXT.slice(c.evidence[0].range.start, c.evidence[0].range.end).length > 0);
});

test('title mismatch: the right person with the wrong office', () => {
  const draft = 'British Prime Minister David Cameron met Foreign Minister Hakan Fidan in London.';
  const f = flagged(draft, 'Prime Minister');
  assert.ok(f, 'flagged');
  assert.equal(f.kind, 'title');
  assert.equal(f.expected, 'Foreign Secretary');
  assert.equal(draft.slice(f.range.start, f.range.end), 'Prime Minister');
  assert.match(f.evidence[0].quote, /British Foreign Secretary David Cameron/);
});

test('name mismatch: an office the seeds give to someone else', () => {
  const f = flagged('Foreign Minister Hakan Fidan met British Foreign Secretary James Cleverly in London on Wednesday.', 'James Cleverly');
  assert.ok(f);
  assert.equal(f.kind, 'name');
  assert.equal(f.expected, 'David Cameron');
});


test('a bare office beside the same office under a country is another country\'s: "President Ortiz met French President Emmanuel Macron"', () => {
  assert.deepEqual(flags('Last week President Ortiz met French President Emmanuel Macron in Paris to discuss the war in Gaza.'), []);
  // Alone in a sentence that speaks of Paris, the bare office is still compared with the seeds' French one.
  assert.ok(flags('In Paris, Fidan will hold talks with President Ortiz.').some((f) => f.text === 'Ortiz' && f.expected === 'Emmanuel Macron'));
  // Another office under a country in the same sentence leaves the bare one as it is: "British Prime
  // Minister" says nothing of whose Foreign Secretary James Cleverly is.
  assert.ok(flags('British Prime Minister Rishi Sunak and Foreign Secretary James Cleverly met Fidan in London.').some((f) => f.text === 'James Cleverly' && f.expected === 'David Cameron'));
});

test('an office is checked against seeds of its time: a seed dated over a month from the draft gives a note', () => {
  // (The bundled seed, of 2023-11-22, has David Cameron as Foreign Secretary: he took the office on 13
  // November 2023, from James Cleverly.)
  const holder = 'Foreign Minister Hakan Fidan met British Foreign Secretary James Cleverly in London.';
  const title = 'British Prime Minister David Cameron met Foreign Minister Hakan Fidan in London.';
  for (const [draft, code] of [[holder, 'name-other-time'], [title, 'title-other-time']]) {
    const early = check(draft, '2023-09-20');
    assert.deepEqual(early.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), [], draft);
    const note = early.findings.find((f) => f.code === code);
    assert.ok(note, `a ${code} note on: ${draft}`);
    assert.equal(note.severity, 'information');
    assert.match(note.message, /dated 2023-11-22, the draft 2023-09-20/);
    // A draft within a month of the seed is flagged as before.
    assert.ok(flags(draft, '2023-12-15').some((f) => f.kind === (code === 'name-other-time' ? 'name' : 'title')), draft);
  }
});
test('name spelling: a near miss of a seed name', () => {
  const f = flagged("Türkiye's Foreign Minister Hakan Fiden held talks in London.", 'Hakan Fiden');
  assert.ok(f);
  assert.equal(f.code, 'name-spelling');
  assert.equal(f.expected, 'Hakan Fidan');
});

test('figure mismatch: a changed number in a restated sentence', () => {
  const draft = 'Authorities in Gaza said the death toll has risen past 15,100, including more than 5,800 children and 4,900 women.';
  const a = flagged(draft, '15,100');
  const b = flagged(draft, '4,900');
  assert.equal(a?.expected, '14,100');
  assert.equal(b?.expected, '3,900');
  assert.ok(!flagged(draft, '5,800'), 'the unchanged figure is not flagged');
});

test('figure mismatch: a counted group takes the number of its own group', () => {
  const f = flagged('Authorities in Gaza say more than 14,100 people have been killed, including more than 6,800 children and 3,900 women.', '6,800');
  assert.equal(f?.expected, '5,800');
});

test('a later draft may report a higher toll: an information note, not an error', () => {
  const r = check('Authorities in Gaza said on Tuesday that the death toll from Israeli attacks had risen past 15,800 since Oct. 7.', '2023-12-05');
  assert.deepEqual(r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
  const note = r.findings.find((f) => f.code === 'figure-updated');
  assert.ok(note, 'a note cites the seed figure');
  assert.equal(note.severity, 'information');
  assert.match(note.message, /2023-11-22/);
});

test('date mismatch: an event moved to another day', () => {
  const f = flagged('The initiative stems from the Nov. 12 extraordinary joint summit of the OIC and the Arab League in Riyadh.', 'Nov. 12');
  assert.equal(f?.kind, 'date');
  assert.equal(f?.expected, 'Nov. 11');
});

test('weekday mismatch: a weekday resolved against the draft date', () => {
  const f = flagged('On Tuesday, Foreign Minister Hakan Fidan led diplomatic efforts in discussions with the United Kingdom.', 'Tuesday');
  assert.equal(f?.kind, 'date');
  assert.equal(f?.expected, 'Wednesday');
});

test('calendar slip: a weekday that does not fit its date', () => {
  const f = flagged('The summit met on Nov. 11, 2023, a Friday, in Riyadh.', 'Friday');
  assert.equal(f?.code, 'date-weekday');
  assert.equal(f?.expected, 'Saturday');
  // The weekday and the date in one phrase
  const g = flagged('The summit met on Friday, Nov. 11, in Riyadh.', 'Friday');
  assert.equal(g?.code, 'date-weekday');
  assert.equal(g?.expected, 'Saturday');
  assert.deepEqual(flags('The summit met on Saturday, Nov. 11, in Riyadh.'), []);
  // A weekday with an indefinite article, apart from the sentence's one date, says which day that date was
  const h = flagged('The Nov. 11 summit was held in Riyadh on a Friday.', 'Friday');
  assert.equal(h?.code, 'date-weekday');
  assert.equal(h?.expected, 'Saturday');
  assert.deepEqual(flags('The Nov. 11 summit was held in Riyadh on a Saturday.'), []);
});

test('a counted list: "nine nations" followed by eight names', () => {
  const f = flagged('The summit tasked foreign ministers from nine nations — Türkiye, Palestine, Saudi Arabia, Indonesia, Egypt, Jordan, Qatar and Nigeria — with ending the war.', 'nine');
  assert.equal(f?.kind, 'figure');
  assert.equal(f?.expected, 'eight');
});

test('claims the seeds neither confirm nor contradict raise no flag', () => {
  const draft = 'About 200 trucks carrying food waited at the Rafah crossing, Egyptian officials said, while 1,200 tonnes of flour were held in El-Arish. Three UN agencies warned that 2.2 million people face shortages.';
  assert.deepEqual(flags(draft).map((f) => f.text), []);
});

test('a seed about another story does not contradict the draft', () => {
  const index = bundledIndex();
  index.addSeed('other.txt', ' date 2023-11-20 The storm killed 40 people in Manila on Monday, officials said. Rescue teams reached 12 villages.');
  const r = checkDraft('The storm killed 40 people in Manila on Monday, officials said. Foreign Minister Hakan Fidan met British Foreign Secretary David Cameron in London on Wednesday.', index, { date: '2023-11-22' });
  assert.deepEqual(r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.text), []);
});

test('kinds can be switched off', () => {
  const r = checkDraft('British Prime Minister David Cameron met Hakan Fidan.', bundledIndex(), { kinds: { title: false } });
  assert.equal(r.findings.filter((f) => f.kind === 'title').length, 0);
});

test('every finding range covers exactly its text, with evidence inside the seed', () => {
  const draft = 'British Prime Minister David Cameron met Hakan Fiden on Nov. 12. The toll passed 15,100.';
  for (const f of check(draft).findings) {
    assert.equal(draft.slice(f.range.start, f.range.end), f.text);
    for (const e of f.evidence) assert.equal(SEED_TEXT.slice(e.range.start, e.range.end).replace(/\s+/g, ' '), e.quote);
  }
});

test('removing a seed removes its facts', () => {
  const index = seedIndex('a.txt', SEED_TEXT);
  assert.ok(index.stats.facts > 10);
  index.removeSeed('a.txt');
  assert.deepEqual(index.stats, { files: 0, facts: 0, sentences: 0 });
  assert.equal(checkDraft('British Prime Minister David Cameron spoke.', index).findings.length, 0);
});

const STORY = ` date 2015-04-10 Kevin Bollaert, 28, was convicted in February of 21 counts of identity theft and six counts of extortion. His victim Abbie Grey, 12, and her mother Lesley Grey, 34, spoke in court. The website charged victims £1,311 to remove photos.`;

function storyIndex(): SeedIndex {
  const index = seedIndex('story.txt', STORY);
  return index;
}

const storyFlags = (draft: string) => checkDraft(draft, storyIndex(), { date: '2015-04-10' }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

test("a total of the seed's parts agrees: 27 counts = 21 + six", () => {
  assert.deepEqual(storyFlags('Kevin Bollaert was found guilty of 27 counts of identity theft and extortion.').map((f) => f.text), []);
});

test("a person's age is compared with the age the seeds give that person", () => {
  const [f] = storyFlags('Kevin Bollaert, 29, was convicted of identity theft.');
  assert.equal(f?.kind, 'figure');
  assert.equal(f?.expected, '28');
});

test('an age the seeds give to someone else: one finding over the name and the age', () => {
  const draft = 'Lesley Grey, 12, spoke in court about the website.';
  const [f] = storyFlags(draft);
  assert.ok(f);
  assert.equal(draft.slice(f.range.start, f.range.end), 'Lesley Grey, 12');
  assert.equal(f.expected, 'Lesley Grey, 34');
});

test('a figure one digit off a figure of the story is flagged as mistyped', () => {
  const [f] = storyFlags('Victims paid £3,311 to have photos removed from the website.');
  assert.equal(f?.expected, '£1,311');
});

test('a figure of another size is no slip of one digit: "700 websites" against "100m users"', () => {
  const index = seedIndex('veldor.txt', "Veldor's net users number 100m, but this is less than 8% of its people. Many use the net in cafes.");
  assert.deepEqual(flagsAgainst(index, 'In August authorities in Veldor shut down 700 websites and net cafes.'), []);
  assert.deepEqual(flagsAgainst(index, 'In August authorities in Veldor shut down 700m websites and net cafes.'), ['700m -> 100m']);
});

test('a former office is compared with the former offices the seeds give', () => {
  const index = seedIndex('memoir.txt', ' date 2005-01-10 Former Foreign Secretary Robin Cook was paid for his memoir. Home Secretary Charles Clarke spoke.');
  const wrong = checkDraft('Former Home Secretary Robin Cook was paid for his memoir.', index).findings;
  assert.equal(wrong[0]?.kind, 'title');
  assert.equal(wrong[0]?.expected, 'Foreign Secretary');
  assert.deepEqual(checkDraft('Former Foreign Secretary Robin Cook was paid for his memoir.', index).findings, []);
});

test('undated texts still compare today with tomorrow', () => {
  const index = seedIndex('debate.txt', 'Mr Farage will make his comments in a debate at the European Parliament today.');
  const [f] = checkDraft('Farage will make comments in a debate at the European Parliament tomorrow.', index).findings;
  assert.equal(f?.kind, 'date');
  assert.equal(f?.expected, 'today');
});

test('a figure counts the whole noun phrase after it: "seven Environment Agency flood alerts"', () => {
  const index = seedIndex('floods.txt', 'Strong winds have prompted five flood alerts to be in place today for Devon, Cornwall and Cumbria.');
  const [f] = checkDraft('Seven Environment Agency flood alerts are in place for Devon, Cornwall and Cumbria.', index).findings;
  assert.equal(f?.expected, 'five');
});

test('a seed list counts its items: "seven countries" where the seed lists eight nations', () => {
  const f = flagged('The Riyadh summit tasked foreign ministers from seven countries with seeking an end to the war in Gaza.', 'seven');
  assert.equal(f?.kind, 'figure');
  assert.equal(f?.expected, 'eight');
  assert.equal(flagged('The Riyadh summit tasked foreign ministers from eight countries with seeking an end to the war.', 'eight'), undefined);
});

test('a capital the story never names is not known just for being a capital', () => {
  const f = flagged('Fidan is expected to extend the discussions to Rome, where he will hold talks with French President Emmanuel Macron.', 'Rome');
  assert.equal(f?.kind, 'name');
  assert.equal(f?.expected, 'Paris');
  assert.deepEqual(flags('Turkey exerts efforts to rally the international community to help Palestinians trapped in Gaza.').map((x) => x.text), [], 'Turkey is the story\'s Türkiye');
  assert.deepEqual(flags('Ankara highlights a permanent solution to the issue.').map((x) => x.text), [], 'Ankara speaks for Türkiye');
  const city = flagged('Fidan will next travel to Cairo for talks with French President Emmanuel Macron.', 'Cairo');
  assert.equal(city?.expected, 'Paris', 'a capital as a place the talks go to is the city, which the seeds do not name');
});

test("party short names are the party's office; whips, the Northern Ireland Secretary and Home Office ministers are offices", () => {
  const index = new SeedIndex();
  index.addSeed('politics.txt', [
    'Conservative leader Michael Howard said on Monday that taxes would rise.',
    'Liberal Democrat leader Charles Kennedy said his party was the real opposition.',
    'Chief Whip Hilary Armstrong told MPs to back the bill.',
    'Northern Ireland Secretary Paul Murphy met party leaders in Belfast.',
    'Home Office minister Hazel Blears defended the plans.',
  ].join('\n\n'));
  const found = (draft: string) => flagsAgainst(index, draft);
  // Faithful: the same offices under the parties' short names
  assert.deepEqual(found('Tory leader Michael Howard said taxes would rise.'), []);
  assert.deepEqual(found("The Lib Dems' leader, Charles Kennedy, said his party was the real opposition."), []);
  assert.deepEqual(found('Labour chief whip Hilary Armstrong told MPs to back the bill.'), []);
  assert.deepEqual(found('Hazel Blears, a Home Office minister, defended the plans.'), []);
  assert.deepEqual(found('Home Secretary Hazel Blears defended the plans.'), ['Home Secretary -> Home Office minister']);
  // Swapped offices
  assert.deepEqual(found('Lib Dem leader Michael Howard said taxes would rise.'), ['Lib Dem leader -> Conservative leader']);
  assert.deepEqual(found('Chief Whip Paul Murphy met party leaders in Belfast.'), ['Chief Whip -> Northern Ireland Secretary']);
  assert.deepEqual(found('Northern Ireland Secretary Hilary Armstrong told MPs to back the bill.'), ['Northern Ireland Secretary -> Chief Whip']);
});

test('a copied frame around a number pins a claim to its seed statement; a date or figure the sentence restates is not contradicted twice', () => {
  const index = seedIndex('airport.txt', 'The airport handled 3.2 million passengers last year, up from 2,870,000 in 2011, the operator said. Separately, profits at the group rose sharply at the end of 2013, helped by retail sales.');
  const found = (draft: string) => flagsAgainst(index, draft);
  assert.deepEqual(found('Passenger numbers at the airport have climbed from 2,870,000 in 2009.'), ['2009 -> 2011']);
  assert.deepEqual(found('Passenger numbers at the airport have climbed from 2,870,000 in 2011.'), []);
  // An idiom is no anchor; a sentence that fuses two seed statements keeps each value with its own
  assert.deepEqual(found('The group cut its debts at the end of 2014.'), []);
  assert.deepEqual(found('The airport handled 3.2 million passengers last year, up from 2,870,000 in 2011, while profits rose at the end of 2013.'), []);
});

test('a rate is not a quantity: "9,500ft a minute" does not confirm a height of 9,500ft', () => {
  const index = seedIndex('flight.txt', 'The airliner pitched down, falling at 9,500ft a minute. The pilot regained control when the aircraft was just 1,100ft above the sea.');
  const found = (draft: string) => flagsAgainst(index, draft);
  assert.deepEqual(found('The aircraft was just 9,500ft above the sea when the pilot regained control.'), ['9,500ft -> 1,100ft']);
  assert.deepEqual(found('The aircraft was just 1,100ft above the sea when the pilot regained control.'), []);
  assert.deepEqual(found('The airliner fell at 9,500ft a minute.'), []);
});

test("a statement the seeds make about one person, restated about another person of the story, flags the name", () => {
  const index = seedIndex('prize.txt', 'The physicist Alice Marlow has won the Kepler Prize for her work on dark matter in distant galaxies. Fellow scientist Brian Tolland praised the decision on Monday.');
  const found = (draft: string) => flagsAgainst(index, draft);
  // Reworded, so no frame around the name is copied: the statement after the subject decides
  assert.deepEqual(found('Brian Tolland, honoured for work on dark matter in distant galaxies, won the Kepler Prize.'), ['Brian Tolland -> Alice Marlow']);
  assert.deepEqual(found('Alice Marlow, honoured for work on dark matter in distant galaxies, won the Kepler Prize.'), []);
  assert.deepEqual(found('Brian Tolland praised the decision to give Alice Marlow the Kepler Prize.'), []);
});

test('appositive offices: a surname before "Britain\'s prime minister", a person before "the German president"', () => {
  const f = flagged('Cameron, Britain\'s prime minister, welcomed Fidan to London.', 'prime minister');
  assert.equal(f?.kind, 'title');
  assert.equal(f?.expected, 'foreign secretary', 'in the draft\'s case');
  // The office agrees, the country does not: one finding over the country and the office
  const g = flagged('Fidan will next see Emmanuel Macron, the German president, in Paris.', 'German president');
  assert.equal(g?.kind, 'title');
  assert.equal(g?.expected, 'French President');
  assert.deepEqual(flags('Fidan will next see Emmanuel Macron, the French president, in Paris.'), []);
  assert.deepEqual(flags('Cameron, Britain\'s foreign secretary, welcomed Fidan to London.'), []);
});

test('an office swapped in a restated sentence blames the office, not the name, even when someone else holds it elsewhere', () => {
  const index = seedIndex('talks.txt', "Pakistan's President Pervez Musharraf said on Monday that the talks on trade with Britain had been useful. He flew home to Islamabad on Friday. Prime Minister Tony Blair said the talks on trade had been useful and frank.");
  const [f] = checkDraft('President Tony Blair said the talks on trade had been useful and frank.', index).findings;
  assert.equal(f?.kind, 'title');
  assert.equal(f?.text, 'President');
  assert.equal(f?.expected, 'Prime Minister');
  // Where the draft's statement is the other holder's, the name is what changed
  const [g] = checkDraft('President Tony Blair said on Monday that the talks on trade with Britain had been useful.', index).findings;
  assert.equal(g?.kind, 'name');
  assert.equal(g?.expected, 'Pervez Musharraf');
});

describe('an archive of other stories', () => {
  const archive = new SeedIndex();
  archive.addSeed('zentrix.txt', [
    'Zentrix beats forecasts again',
    "Zentrix, India's third-biggest software firm, has reported a 60% rise in profit, topping market expectations.",
    'Net income in the last quarter was 4.3bn rupees ($98m; £52m), against 2.7bn rupees a year earlier.',
    'Zentrix said demand was strong, said vice-chairman Vikram Dass, and Mr Dass added that Africa was a growing market.',
  ].join('\n\n'));
  archive.addSeed('derby.txt', 'United boss Alex Ferguson praised his side after the derby and said the win mattered. Striker Wayne Rooney scored twice.');

  test('a draft about a story the seeds do not have raises no flag from their figures or names', () => {
    const draft = [
      "Profits at Indian drugmaker Kalveda fell 93% as research costs rose and sales flagged.",
      'The firm said its profits were 40m rupees ($915,000; £486,000) for the three months to December.',
      'Its chairman, Vikram Das, said African sales were weak.',
    ].join(' ');
    assert.deepEqual(flagsAgainst(archive, draft), []);
  });

  test('a general office in the seeds ("the boss") does not contradict a specific one ("coach")', () => {
    assert.deepEqual(flagsAgainst(archive, 'Coach Alex Ferguson praised his side after the derby.'), []);
  });
});

test('the same name with another numeral: "World War II" where the seeds say "World War I"', () => {
  const index = seedIndex('quarry.txt', 'Graffiti written by soldiers during World War I has been found in a French chalk quarry. The quarry was used as a shelter near the front line.');
  assert.deepEqual(flagsAgainst(index, 'World War II graffiti has been found in a French chalk quarry used as a shelter.'), ['World War II -> World War I']);
  assert.deepEqual(flagsAgainst(index, 'World War I graffiti has been found in a French chalk quarry used as a shelter.'), []);
  assert.deepEqual(flagsAgainst(index, 'The quarry, a shelter near the front line in World War I, was used again in World War II.'), []);
});

test('another US state in the aligned statement: "of Boulder, Arizona" where the seeds say Colorado', () => {
  const index = seedIndex('court.txt', 'Jake Orland, 31, of Boulder, Colorado, was sentenced to ten years in prison on Friday. His lawyer said he would appeal.');
  assert.deepEqual(flagsAgainst(index, 'Jake Orland, 31, of Boulder, Arizona, was sentenced to ten years in prison.'), ['Arizona -> Colorado']);
  assert.deepEqual(flagsAgainst(index, 'Jake Orland, 31, who grew up in Arizona, lives in Boulder, Colorado, and was sentenced to ten years in prison.'), []);
});

test('another name of the same kind: "Twitter messages" where the story says the messages came on Facebook', () => {
  const index = seedIndex('messages.txt', 'Two schoolgirls were sent abusive messages by a stranger on Facebook, but police said no offence had been committed. Their mothers have started a petition.');
  assert.deepEqual(flagsAgainst(index, 'Two schoolgirls were sent abusive Twitter messages by a stranger, but police said no offence had been committed.'), ['Twitter -> Facebook']);
  assert.deepEqual(flagsAgainst(index, 'Two schoolgirls were sent abusive Facebook messages by a stranger, but police said no offence had been committed.'), []);
  assert.deepEqual(flagsAgainst(index, 'The mothers, who met on Twitter, have started a petition after their daughters were sent messages on Facebook.'), []);
});

test('a capital named as a place is the city: not supported by its country, not contradicted by it', () => {
  assert.deepEqual(flags('The summit of the OIC and the Arab League was held in Cairo on Nov. 11.').map((f) => `${f.text} -> ${f.expected}`), ['Cairo -> Riyadh']);
  assert.deepEqual(flags('Foreign ministers from Türkiye, Palestine, Saudi Arabia, Indonesia, Egypt, Jordan, Qatar and Nigeria met in Riyadh on Nov. 11.'), []);
  const index = seedIndex('trip.txt', 'The foreign minister will travel to Egypt on Monday for talks on the ceasefire.');
  assert.deepEqual(flagsAgainst(index, 'The foreign minister will travel to Cairo on Monday for talks on the ceasefire.'), []);
});

test("a wrong figure is offered the story's figure of its own order of magnitude", () => {
  const f = flagged('Israel says about 1,400 people were killed in the Hamas attack.', '1,400');
  assert.equal(f?.kind, 'figure');
  assert.equal(f?.expected, '1,200');
});

test('a person the seeds never name is blamed only in the place of the seed statement\'s subject or of its one person in the same words', () => {
  const index = seedIndex('cricket.txt', 'James Anderson bowled Kraigg Brathwaite with a venomous in-swinger in the third over of the Test. Devon Smith was given out caught behind off Chris Jordan before lunch.');
  // Who caught the edge the seeds do not say: not a contradiction
  assert.deepEqual(flagsAgainst(index, 'His apparent edge went to Jos Buttler off the bowling of Chris Jordan before lunch.'), []);
  // The subject of a restated statement is
  assert.deepEqual(flagsAgainst(index, 'Stuart Broad bowled Kraigg Brathwaite with a venomous in-swinger in the third over of the Test.'), ['Stuart Broad -> James Anderson']);
});

test('"She won …" in a seed is said of the person the sentence before opens with', () => {
  const index = seedIndex('prize.txt', 'The physicist Alice Marlow grew up in Leeds and studied in Manchester. She won the Kepler Prize for her work on dark matter in distant galaxies. Fellow scientist Brian Tolland praised the decision on Monday.');
  assert.deepEqual(flagsAgainst(index, 'Brian Tolland, honoured for work on dark matter in distant galaxies, won the Kepler Prize.'), ['Brian Tolland -> Alice Marlow']);
  assert.deepEqual(flagsAgainst(index, 'Alice Marlow, honoured for work on dark matter in distant galaxies, won the Kepler Prize.'), []);
});

test('a seed statement opened by a first name or a surname alone is that person\'s: a relative of the same surname put in their place is a swap', () => {
  const index = seedIndex('barometers.txt', 'Harriet Penrose, of Dorset, has spent twenty years collecting antique barometers. Her mother, Margot Penrose, said she did not mind the clutter in the hall. Harriet won the county prize for the largest collection of barometers in 2019.');
  assert.deepEqual(flagsAgainst(index, 'Margot Penrose holds the county prize for the largest collection of barometers.'), ['Margot Penrose -> Harriet Penrose']);
  assert.deepEqual(flagsAgainst(index, 'Harriet Penrose holds the county prize for the largest collection of barometers.'), []);
  assert.deepEqual(flagsAgainst(index, 'Margot Penrose said she did not mind the clutter.'), []);
});

test('a name listed with a possessive at the head of a seed sentence is an owner, not the subject: "Both Helen Marsh and Julia Stone\'s sons were sent …"', () => {
  const index = seedIndex('messages.txt', "Helen Marsh's son Oliver, 11, was sent messages by a stranger. Both Helen Marsh and Julia Stone's young sons were sent threatening messages by an anonymous account on a gaming site. Julia Stone's son Ben, 12, told his teacher.");
  assert.deepEqual(flagsAgainst(index, 'Oliver Marsh, 11, and Ben Stone, 12, were sent threatening messages by an anonymous account.'), []);
});

test('a subject the draft goes on to call "she" is a person, though her first name is a common word', () => {
  const index = seedIndex('fraud.txt', 'Carl Brennan, 31, was convicted in March of 14 counts of fraud and forgery at Leeds Crown Court for running a fake charity. The trial of Rose Whitley, his former partner, has yet to begin.');
  assert.deepEqual(flagsAgainst(index, 'Rose Whitley was convicted of 14 counts of fraud and forgery. She ran a fake charity.'), ['Rose Whitley -> Carl Brennan']);
  assert.deepEqual(flagsAgainst(index, 'Carl Brennan was convicted of 14 counts of fraud and forgery. He ran a fake charity.'), []);
});

test('a place the story names elsewhere, put in the place of another in a closely restated statement, is a swap without a copied frame', () => {
  const index = seedIndex('arrest.txt', 'Mr Okafor and his wife live outside Brackley, a market town of 13,000 people. Mr Okafor is currently under arrest for insurance fraud by the police of Daventry town in the East Midlands, according to the local paper.');
  assert.deepEqual(flagsAgainst(index, 'Mr Okafor is under arrest for insurance fraud at Brackley in the East Midlands.'), ['Brackley -> Daventry']);
  assert.deepEqual(flagsAgainst(index, 'Mr Okafor is under arrest for insurance fraud at Daventry in the East Midlands.'), []);
  assert.deepEqual(flagsAgainst(index, 'Mr Okafor and his wife live outside Brackley.'), []);
});

test('a seed that names someone by one word and goes on about "his" or "her" names a person, whose statement it is: "Okafor is under arrest"', () => {
  const index = seedIndex('van.txt', "The man, known only as Okafor, bought a van for his son in May. Okafor is currently under arrest for fraud by the police of Daventry, according to the local paper. 'He would not answer,' said Tunde Bello, a police officer at Daventry station.");
  assert.deepEqual(flagsAgainst(index, 'Tunde Bello is under arrest for fraud by the police of Daventry.'), ['Tunde Bello -> Okafor']);
  assert.deepEqual(flagsAgainst(index, 'Okafor is under arrest for fraud by the police of Daventry.'), []);
  // (A firm's sentence speaks of "its": its founder is not put in its place.)
  const firm = seedIndex('firm.txt', 'Brixco is currently under investigation for fraud by the police of Daventry. Brixco said its accounts were in order. Tunde Bello, who founded the firm, declined to comment.');
  assert.deepEqual(flagsAgainst(firm, 'Tunde Bello is under investigation for fraud by the police of Daventry.'), []);
});

describe('subject swaps by surname alone', () => {
  test('a surname alone that the seeds give a person in full, opening a statement the seeds make about someone else, is a swap', () => {
    const index = seedIndex('marsh.txt', 'Fiona Delacourt, the Green Party leader, will say today that building homes on the marshes could lead to flooding across the county. Delacourt and Moss do not want to talk about the cost, critics said. Ed Moss said on Friday the plans were sound.');
    assert.deepEqual(flagsAgainst(index, 'Moss says building homes on the marshes could lead to flooding across the county.'), ['Moss -> Fiona Delacourt']);
    assert.deepEqual(flagsAgainst(index, 'Delacourt says building homes on the marshes could lead to flooding across the county.'), []);
  });

  test('a party written as a common word is no surname: "The Conservatives say" for its leader\'s statement', () => {
    const index = seedIndex('cuts.txt', 'Tory leader Gavin Hurst has said his party would cut £35bn in wasteful spending to allow tax cuts. Young Conservatives gathered in Leeds on Saturday, and older conservatives cheered.');
    assert.deepEqual(flagsAgainst(index, 'The Conservatives say they would cut £35bn in wasteful spending to allow tax cuts.'), []);
  });

  test('the statement ends where a clause of another subject begins: "Ashby is a rising star and Rovers\' squad is short …"', () => {
    const index = seedIndex('rovers.txt', "Tom Ashby has attracted interest from Rovers after a fine season. Piet Vermeer, a Dutchman, is Rovers' regular left back in a squad short of homegrown players.");
    assert.deepEqual(flagsAgainst(index, "Ashby is a rising star and Rovers' squad is short of homegrown players."), []);
  });

  test('a seed sentence opened by the person\'s possessive supports a statement about them: "Lund\'s body was found buried …"', () => {
    const index = seedIndex('lund.txt', "Kari Lund, 20, vanished from her home in May. Lund's body was found months later buried in a shallow grave near the river. Detective Ola Berg said the body was buried in a shallow grave near the river bank.");
    assert.deepEqual(flagsAgainst(index, 'Lund was buried in a shallow grave near the river.'), []);
  });

  test('a caption\'s label is nobody: "Murdered: the student was buried …"', () => {
    const index = seedIndex('lund2.txt', 'Kari Lund, 20, vanished from her home in May. Murdered: the student was buried in a shallow grave near the river, her family said. Murdered: a vigil was held for her on Sunday.');
    assert.deepEqual(flagsAgainst(index, 'Lund was buried in a shallow grave near the river.'), []);
  });

  test('"She" at the head of a seed sentence is not the person the sentence before calls "he"', () => {
    const index = seedIndex('hale.txt', 'Quentin Hale told detectives he never noticed the children were hungry. She also told investigators she taught the children at home - but police found no books in the house. Sabrina Hale-Moss, 44, was charged on Monday.');
    assert.deepEqual(flagsAgainst(index, 'Hale-Moss told investigators she taught the children at home but police found no books.'), []);
  });

  test('"He" at the head of a seed sentence is nobody in particular where the sentence before names two people', () => {
    const index = seedIndex('dinner.txt', 'Piet Okonjo hosted a dinner in March where Mayor Tom Quill told Mr Berry he would stand down before the election. He then changed his mind in June after allies intervened, the book says.');
    assert.deepEqual(flagsAgainst(index, 'Mr Quill then changed his mind in June after allies intervened.'), []);
  });
});

test('a name given in the naming frame the seed writes ("The man, known only as …") is the story\'s name, however little else of the sentence is the seed\'s', () => {
  const index = seedIndex('goats.txt', 'A farmer from Leeds has been fined for keeping 40 goats in a flat above a shop. The man, known only as Wu, even tried to hide the goats in a wardrobe before the inspectors arrived.');
  const lead = 'A farmer from Leeds has been fined for keeping 40 goats in a flat. ';
  assert.deepEqual(flagsAgainst(index, lead + 'The man, known only as Zeng, was desperate for a grandson.'), ['Zeng -> Wu']);
  assert.deepEqual(flagsAgainst(index, lead + 'The man, known only as Wu, was desperate for a grandson.'), []);
  // (A naming word alone is no frame: the story's Wu is no neighbour.)
  assert.deepEqual(flagsAgainst(index, lead + 'His neighbour, a woman called Zeng, was desperate for a grandson.'), []);
});

test('words the draft quotes in its subject\'s mouth that the seeds quote as another person\'s flag the speaker, the run of quoted sentences and all', () => {
  const index = seedIndex('rovers.txt', "Rovers lost 1-0 at home to City on Saturday. 'I thought it was excellent, we dominated from start to finish,' Tom Ashby told the club's channel. 'We can take great heart from this result as we rarely lose here.' Manager Piet Vermeer said the referee was wrong.");
  const lead = 'Rovers lost 1-0 at home to City on Saturday. ';
  assert.deepEqual(flagsAgainst(index, lead + "Piet Vermeer insists his side can take 'great heart' from the defeat."), ['Piet Vermeer -> Tom Ashby']);
  assert.deepEqual(flagsAgainst(index, lead + "Tom Ashby insists his side can take 'great heart' from the defeat."), []);
  assert.deepEqual(flagsAgainst(index, lead + "Ashby insists his side can take 'great heart' from the defeat."), []);
  // (Words the seed does not quote are nobody's quotation.)
  const plain = seedIndex('fans.txt', 'Rovers lost 1-0 at home to City on Saturday. Fans are angry about the referee, said Tom Ashby after the game. Manager Piet Vermeer said the referee was wrong.');
  assert.deepEqual(flagsAgainst(plain, lead + "Piet Vermeer says Rovers' fans are 'angry about the referee' after the game."), []);
});

test('the one sizeable figure of a closely restated sentence faces the seed sentence\'s one figure of its size', () => {
  const f = flagged('At least 16,000 people have been killed in Gaza since Oct. 7, among them more than 5,800 children.', '16,000');
  assert.equal(f?.kind, 'figure');
  assert.equal(f?.expected, '14,100');
  assert.deepEqual(flags('At least 14,000 people have been killed in Gaza since Oct. 7, among them more than 5,800 children.'), []);
});

test("a seed's month-day takes the year of its dateline: a draft's stated other year contradicts it, a later draft's bare month-day does not", () => {
  const f = flagged('The war began with a Hamas attack on Israel on Oct. 7, 2022.', 'Oct. 7, 2022');
  assert.equal(f?.kind, 'date');
  assert.deepEqual(flags('The war began with a Hamas attack on Israel on Oct. 7, 2023.'), []);
  assert.deepEqual(flags('Hamas attacked Israel on Oct. 7, a year ago this week.', '2024-10-10'), []);
});

test('football clubs are names of one kind; another way of writing the same club is no swap', () => {
  const index = seedIndex('match.txt', 'Arsenal beat Everton 2-0 at the Emirates on Saturday, with goals from two substitutes. Manchester United agreed a fee with Dortmund for their captain on Friday.');
  assert.deepEqual(flagsAgainst(index, 'Arsenal beat Sunderland 2-0 at the Emirates on Saturday.'), ['Sunderland -> Everton']);
  assert.deepEqual(flagsAgainst(index, 'Man Utd agreed a fee with Dortmund for their captain on Friday.'), []);
  assert.deepEqual(flagsAgainst(index, 'The Gunners beat Everton 2-0 at the Emirates on Saturday.'), []);
});

test("a seed's common word read as a name is offered for nobody: \"Terror\" opening a headline", () => {
  // (The headline's story never writes "terror" in lower case; another seed of the archive does.)
  const index = seedIndex('lords.txt', 'Terror detainees win Lords appeal\n\nDetaining foreign terrorist suspects without trial breaks human rights laws, the Lords ruled.');
  index.addSeed('threat.txt', 'The terror threat level was raised on Monday.');
  const draft = 'Lords wrong on detainees - Straw\n\nJack Straw attacked the ruling of the Lords on detaining terrorist suspects without trial.';
  assert.ok(!flagsAgainst(index, draft).some((f) => f.endsWith('-> Terror')), flagsAgainst(index, draft).join('; '));
});

test('a handful is no slip for millions: "won four events" against "the 100m and 200m events"', () => {
  const index = seedIndex('sprint.txt', 'Campbell was disappointed in the individual 100m and 200m events in Athens this season.');
  assert.deepEqual(flagsAgainst(index, 'Campbell has won four events in Athens this season.'), []);
  // (A slip of the same size is still one.)
  assert.match(flagsAgainst(index, 'Campbell was disappointed in the individual 400m events in Athens this season.').join(), /^400m -> [12]00m$/);
});

describe('party offices', () => {
  test('a shadow office is another office: the shadow home secretary is not the Home Secretary', () => {
    const index = seedIndex('plans.txt', 'Home Secretary Charles Clarke said the plans were sound.');
    assert.deepEqual(flagsAgainst(index, 'Shadow home secretary David Davis said the plans were flawed.'), []);
    const both = seedIndex('letwin.txt', 'Shadow chancellor Oliver Letwin attacked the plans. Chancellor Gordon Brown defended them.');
    assert.deepEqual(flagsAgainst(both, 'Chancellor Oliver Letwin attacked the plans.'), ['Chancellor -> Shadow chancellor']);
  });

  test("a party's spokesman is its shadow minister for the same portfolio, not for another", () => {
    const index = seedIndex('ancram.txt', 'Tory foreign affairs spokesman Michael Ancram said the plans were wrong. Tory health spokesman Andrew Lansley agreed.');
    assert.deepEqual(flagsAgainst(index, 'Shadow foreign secretary Michael Ancram said the plans were wrong.'), []);
    assert.deepEqual(flagsAgainst(index, 'Shadow foreign secretary Andrew Lansley agreed.'), ['Shadow foreign secretary -> Tory health spokesman']);
  });

  test('spokesmen of different portfolios hold different offices: "home affairs spokesman" is not "foreign affairs spokesman"', () => {
    const index = seedIndex('trust.txt', 'Lib Dem foreign affairs spokesman Menzies Campbell said the war hit trust in politicians.');
    index.addSeed('crime.txt', 'Police numbers rose again this year, the Home Office said.');
    const draft = 'Lib Dem home affairs spokesman Mark Oaten said police numbers rose again.';
    assert.ok(!flagsAgainst(index, draft).some((f) => f.includes('Menzies')), flagsAgainst(index, draft).join('; '));
  });

  test('"party leader" leaves the party unnamed: no contradiction of "Conservative leader"; "Labour leader" is one', () => {
    const index = seedIndex('howard.txt', 'Conservative leader Michael Howard attacked the plans.');
    assert.deepEqual(flagsAgainst(index, 'Party leader Michael Howard attacked the plans.'), []);
    assert.deepEqual(flagsAgainst(index, 'Labour leader Michael Howard attacked the plans.'), ['Labour leader -> Conservative leader']);
  });

  test('"chief" alone says no more than "boss"; "finance chief" is the chief financial officer', () => {
    assert.deepEqual(flagsAgainst(seedIndex('boerse.txt', 'Deutsche Boerse chief Werner Seifert met Ms Furse.'), 'Deutsche Boerse chief executive Werner Seifert met Ms Furse.'), []);
    assert.deepEqual(flagsAgainst(seedIndex('trial.txt', 'Ex-finance chief Scott Sullivan implicated his colleague in the scandal.'), 'Former chief financial officer Scott Sullivan implicated his colleague in the scandal.'), []);
  });
});


test('the same name with another compass point: "West Jerusalem" where the seed says "East Jerusalem"', () => {
  const draft = 'Ankara calls for an independent Palestinian state with West Jerusalem as its capital.';
  assert.deepEqual(flags(draft).map((f) => `${f.text} -> ${f.expected}`), ['West Jerusalem -> East Jerusalem']);
  // (A draft that names both tells them apart itself.)
  assert.deepEqual(flags('Israel holds West Jerusalem; the Palestinians want East Jerusalem as the capital of their state.').map((f) => f.text), []);
});

test("a real figure given to the wrong group: the seed's value for women is no value for children", () => {
  assert.deepEqual(flags('The dead include more than 3,900 children and 5,800 women, Gaza authorities said.').map((f) => `${f.text} -> ${f.expected}`), ['3,900 -> 5,800', '5,800 -> 3,900']);
  assert.deepEqual(flags('Gaza authorities said the dead include more than 3,900 children.').map((f) => `${f.text} -> ${f.expected}`), ['3,900 -> 5,800']);
  // (A group the seed sentence does not count keeps the value it shares: another word for the same dead.)
  assert.deepEqual(flags('Gaza authorities said the dead include more than 5,800 minors.').map((f) => f.text), []);
});

test('an organisation\'s long name with one word changed: "Organisation of Islamic Conference"', () => {
  assert.deepEqual(flags('Fidan also met counterparts from the Organisation of Islamic Conference in London.').map((f) => `${f.text} -> ${f.expected}`), ['Organisation of Islamic Conference -> Organisation of Islamic Cooperation']);
});

test('a person the story never names, with the surname of one it does: "Rose Byrne" for Liam Byrne', () => {
  const index = seedIndex('memo.txt', 'Liam Byrne, who was Chief Secretary to the Treasury, left a memo on his desk after the election. Mr Byrne later apologised.');
  assert.deepEqual(flagsAgainst(index, "Labour's Rose Byrne left a memo for the incoming government."), ['Rose Byrne -> Liam Byrne']);
  // (A draft that names both speaks of two members of one family.)
  assert.deepEqual(flagsAgainst(index, 'Liam Byrne left a memo on his desk. His wife Rose Byrne said he regretted it.'), []);
});

test('a short form of a first name is no other person: "Bernie Ebbers" for Bernard Ebbers', () => {
  const index = seedIndex('trial.txt', 'Former WorldCom boss Bernard Ebbers has denied that he knew of the fraud, his lawyer said. Prosecutors said he did.');
  assert.deepEqual(flagsAgainst(index, 'The lawyers of Bernie Ebbers said he did not know of the fraud at WorldCom.'), []);
});

test('the one value the story gives a compound: "25-time champion" where the seeds say "20-time champion"', () => {
  const index = seedIndex('jockey.txt', 'AP McCoy will retire on Saturday. The jockey they all struggle to beat is a rider no one would copy. It might sound like madness when you are talking about a 20-time champion but it is unique.');
  assert.deepEqual(flagsAgainst(index, 'No sane jockey would ever try to copy the 25-time champion.'), ['25-time -> 20-time']);
  assert.deepEqual(flagsAgainst(index, 'No sane jockey would ever try to copy the 20-time champion.'), []);
  // (A compound's number is exact: "1000" is not a rounding that could mean 20.)
  assert.deepEqual(flagsAgainst(index, 'No sane jockey would ever try to copy the 1000-time champion.'), ['1000-time -> 20-time']);
});

test('the one value a story gives a rate: "fourteen hours a week" where the seeds say "seven hours a week"', () => {
  const index = seedIndex('toys.txt', 'Maya Ortiz holds the record for the largest collection of tin robots. Maya spends seven hours a week on the internet browsing for new items.');
  assert.deepEqual(flagsAgainst(index, 'Maya Ortiz holds the record for the largest collection of tin robots. Spends fourteen hours a week surfing the internet looking for new characters.'), ['fourteen hours -> seven hours']);
  // (A story that gives the rate two values says nothing of which one the draft means.)
  const two = seedIndex('wages.txt', 'The living wage is £9.15 an hour in London and £7.85 an hour elsewhere. Campaigners want it paid to all staff.');
  assert.deepEqual(flagsAgainst(two, 'Campaigners say staff should be paid £8.50 an hour.'), []);
});

test('a compound is not confirmed by the same number of another measure: "three-year deal" where the contract is "five-year"', () => {
  const index = seedIndex('signing.txt', 'Almost three years after nearly leaving the club, Tom Hadley has committed his future to Rovers. His patience has been rewarded with a new five-year £20,000-a-week contract. Hadley said he was delighted.');
  assert.deepEqual(flagsAgainst(index, 'Tom Hadley has signed a new three-year deal with Rovers.'), ['three-year -> five-year']);
  assert.deepEqual(flagsAgainst(index, 'Tom Hadley has signed a new five-year deal with Rovers.'), []);
  // (A seed sentence that speaks of the deal in years speaks for the compound.)
  const plain = seedIndex('deal.txt', 'Tom Hadley has agreed a deal with Rovers for three years. Hadley said he was delighted.');
  assert.deepEqual(flagsAgainst(plain, 'Tom Hadley has signed a new three-year deal with Rovers.'), []);
});

test('figures the sentences share are paired first: "ranked 450 … from 290 in 2014" against "number 317 – down from 290 in 2014"', () => {
  const index = seedIndex('rich.txt', "The duke's wealth grew modestly in the last year by £10million to £340million, leaving him at number 317 – down from 290 in 2014. The list is published every spring.");
  assert.deepEqual(flagsAgainst(index, 'The duke was ranked 450 on the rich list, slipping from 290 in 2014.'), ['450 -> 317']);
  assert.deepEqual(flagsAgainst(index, 'The duke was ranked 317 on the rich list, slipping from 290 in 2014.'), []);
});

test('a date beside a figure the seed sentence states alike is that statement\'s date: "$40,000 a year in 2018" against "$41,200 a year in 2013"', () => {
  const index = seedIndex('fees.txt', 'The college does not publish its fees, but in 2013 they were reported to be $41,200 per year with an extra $18,350 for boarders. The minister called the scheme unfair.');
  assert.deepEqual(flagsAgainst(index, 'The minister called it unfair. Fees at the college reportedly topped $40,000 per year in 2018.'), ['2018 -> 2013']);
  assert.deepEqual(flagsAgainst(index, 'The minister called it unfair. Fees at the college reportedly topped $40,000 per year in 2013.'), []);
  // (A figure alike only by rounding pins nothing: "317" is no "1,000".)
  const list = seedIndex('list.txt', 'The wealthiest 1,000 people are worth £547billion, up from £258billion in 2009. The duke is at number 317, down from 290 in 2014.');
  assert.deepEqual(flagsAgainst(list, 'The duke is ranked 317 on the list, slipping from 290 in 2014.'), []);
});

test('a place the story never names, written with the country of the one place it does: "Tokyo, Japan" where the seeds say "Kyoto, Japan"', () => {
  const index = seedIndex('proposal.txt', 'Tom Reed and girlfriend Anna Bell got engaged on a holiday to Japan. The proposal happened in Kyoto, Japan last month, and the couple are now home in Leeds.');
  assert.deepEqual(flagsAgainst(index, 'Tom Reed proposed to girlfriend Anna Bell in Tokyo, Japan.'), ['Tokyo -> Kyoto']);
  assert.deepEqual(flagsAgainst(index, 'Tom Reed proposed to girlfriend Anna Bell in Kyoto, Japan.'), []);
  // (A story naming two places of the country leaves the draft's third unjudged.)
  const two = seedIndex('tour.txt', 'The swimmer got engaged on a trip to Japan. The trip took in Kyoto, Japan and Osaka, Japan. The couple are now back in Perth.');
  assert.deepEqual(flagsAgainst(two, 'The swimmer proposed on a trip in Tokyo, Japan, and the couple are back in Perth.'), []);
});

test('a person the story never names, with the first name of the one a restated statement names: "Jo Parker" for Jo Carter', () => {
  const index = seedIndex('chat.txt', "Both Ann Mills and Jo Carter's young sons were sent messages by a man online. The police said no crime had been committed.");
  assert.deepEqual(flagsAgainst(index, 'The sons of Ann Mills and Jo Parker were sent messages by a man online.'), ['Jo Parker -> Jo Carter']);
  assert.deepEqual(flagsAgainst(index, "The sons of Ann Mills and Jo Carter were sent messages by a man online."), []);
  // (Outside a restated statement, another person of the same first name may simply be another person.)
  assert.deepEqual(flagsAgainst(index, 'Jo Parker, a lawyer, said the police were wrong.'), []);
});

test('a name of the same kind with its last word in common: "US News Record" where the seeds say "Guinness World Record"', () => {
  const index = seedIndex('record.txt', 'Maya Ortiz owns the largest collection of tin robots. Maya clinched the Guinness World Record for the largest collection of robot toys in 2011.');
  assert.deepEqual(flagsAgainst(index, 'Maya Ortiz holds the US News Record for the largest collection of robot toys.'), ['US News Record -> Guinness World Record']);
  assert.deepEqual(flagsAgainst(index, 'Maya Ortiz holds the Guinness World Record for the largest collection of robot toys.'), []);
});

test("a precise value the story gives another person: \"Ada Vance tops the list with £13.17billion\" where that is Leo Marsh's fortune", () => {
  const index = seedIndex('rich.txt', 'Leo Marsh, a music mogul, tops this year’s rich list with an estimated wealth of £13.17billion. Steel heiress Ada Vance and her husband are second with a fortune of £9.45billion. The list was published on Sunday.');
  assert.deepEqual(flagsAgainst(index, 'Steel heiress Ada Vance tops the rich list with a £13.17billion fortune.'), ['Ada Vance -> Leo Marsh']);
  assert.deepEqual(flagsAgainst(index, 'Steel heiress Ada Vance is second on the rich list with a £9.45billion fortune.'), []);
  assert.deepEqual(flagsAgainst(index, 'Music mogul Leo Marsh tops the rich list with a £13.17billion fortune.'), []);
});

test('the role of an unnamed person in a restated statement: "a league coach says he was offered money" where the seed\'s was a player', () => {
  const index = seedIndex('fixing.txt', 'Last month, a player from the Harbour Hawks was offered money by a bookmaker to fix games in the league. The player told officials at once. The club praised him.');
  assert.deepEqual(flagsAgainst(index, 'A league coach from the Harbour Hawks says he was offered money by a bookmaker to fix games.'), ['coach -> player']);
  assert.deepEqual(flagsAgainst(index, 'A league player from the Harbour Hawks says he was offered money by a bookmaker to fix games.'), []);
  // (Another word for the same role is the same role.)
  assert.deepEqual(flagsAgainst(index, 'A footballer from the Harbour Hawks says he was offered money by a bookmaker to fix games.'), []);
  // (In a copied statement another role is a swap, even where the story names that role elsewhere.)
  const drugs = seedIndex('drugs.txt', 'Bus drivers in Leeds are selling pills from behind the wheel, using secret signals over their radios. Leeds police revealed a network of dealers.');
  assert.deepEqual(flagsAgainst(drugs, 'Police in Leeds are selling pills from behind the wheel, using secret signals over their radios.'), ['Police -> drivers']);
  assert.deepEqual(flagsAgainst(drugs, 'Motorists in Leeds are selling pills from behind the wheel, using secret signals over their radios.'), []);
});

test('a count smaller than the items the sentence itself lists: "seven countries, including" eight names', () => {
  assert.deepEqual(flags('The summit tasked foreign ministers from seven countries, including Türkiye, Palestine, Saudi Arabia, Indonesia, Egypt, Jordan, Qatar and Nigeria, with halting the war.').map((f) => `${f.text} -> ${f.expected}`), ['seven -> eight']);
  // ("including" allows more than it names, never fewer)
  assert.deepEqual(flags('The summit tasked foreign ministers from nine countries, including Türkiye, Palestine, Saudi Arabia, Indonesia, Egypt, Jordan, Qatar and Nigeria, with halting the war.').map((f) => f.text), []);
  // (A number that measures something else is no count of the list: "2Mbps services, including AOL, Plusnet and UK Online")
  assert.deepEqual(flags('Many rival ISPs have begun to offer 2Mbps services, including AOL, Plusnet and UK Online.').map((f) => f.text), []);
});

test('later mentions by surname of a person put in another\'s place are the same slip: "Ortega and his team-mates"', () => {
  const index = seedIndex('goal.txt', 'Luis Moreno, 30, scored the landmark goal against Union Sports on April 8. Moreno and his team-mates host Atletico Norte this weekend. Pablo Vidal embraced him.');
  assert.deepEqual(flagsAgainst(index, 'James Ortega scored the landmark goal against Union Sports on April 8. Ortega and his team-mates host Atletico Norte this weekend.'), ['James Ortega -> Luis Moreno', 'Ortega -> Moreno']);
  // (The surname was right where only the first name was wrong: "Mr Byrne" after "Rose Byrne" for Liam Byrne.)
  const memo = seedIndex('memo.txt', 'Liam Byrne, who was Chief Secretary to the Treasury, left a memo on his desk after the election. Mr Byrne later apologised.');
  assert.deepEqual(flagsAgainst(memo, "Labour's Rose Byrne left a memo for the incoming government. Mr Byrne later apologised."), ['Rose Byrne -> Liam Byrne']);
});

test('the one sizeable figure of a clause that restates a seed sentence loosely faces that sentence\'s one figure: "about 1,400" for "around 1,200"', () => {
  assert.deepEqual(flags("Gaza's health authorities say more than 14,000 people have been killed, among them nearly 6,000 children, while Israel puts its own toll at about 1,400.").map((f) => `${f.text} -> ${f.expected}`), ['1,400 -> 1,200']);
  assert.deepEqual(flags("Gaza's health authorities say more than 14,000 people have been killed, among them nearly 6,000 children, while Israel puts its own toll at about 1,200.").map((f) => f.text), []);
});

test('news outlets are a kind of name: "Buzzfeed has compiled the tips" where the seed\'s outlet is FEMAIL', () => {
  const index = seedIndex('wedding.txt', 'From cutting bar costs to avoiding hefty food bills, FEMAIL has compiled the best budgeting tips for couples. Guests can sit at larger tables.');
  assert.deepEqual(flagsAgainst(index, 'Buzzfeed has compiled the best budgeting tips for couples.'), ['Buzzfeed -> FEMAIL']);
  assert.deepEqual(flagsAgainst(index, 'FEMAIL has compiled the best budgeting tips for couples.'), []);
  // (Another way of writing the same outlet is the same outlet.)
  assert.deepEqual(flagsAgainst(index, 'MailOnline has compiled the best budgeting tips for couples.'), []);
});

test('a name the seeds never write is no swap for a seed name where the two share only a word or two of context: "Marta Ilves said 300 people died" is not about "the ELF rockets which killed four people"', () => {
  const index = seedIndex('inquiry.txt', 'The prime minister spoke about the wrongful jailing of nine men for rocket attacks on barracks in 1981. The inquiry followed years of protest after nine men were wrongly jailed over the ELF rockets which killed four people. One of them died in prison.');
  assert.deepEqual(flagsAgainst(index, 'Marta Ilves said 300 people died on June 3.'), []);
});

test('a figure the seed gives as a prospect neither confirms nor contradicts an outcome: "sentenced to 15 years" where the seed\'s man "was facing 15 years" and got 12', () => {
  const index = seedIndex('fraud.txt', 'A Bristol man who ran a ticket scam was sentenced on Monday to 12 years in prison. Convicted: Tom Avery, 41, was facing 15 years after being found guilty of fraud. The judge said the sentence reflected the number of victims.');
  assert.deepEqual(flagsAgainst(index, 'Tom Avery, who ran a ticket scam, was sentenced on Monday to 15 years in prison.'), ['15 years -> 12 years']);
  assert.deepEqual(flagsAgainst(index, 'Tom Avery, who ran a ticket scam, was sentenced on Monday to 12 years in prison.'), []);
  // (A draft that speaks of the prospect compares with it.)
  assert.deepEqual(flagsAgainst(index, 'Tom Avery was facing 15 years in prison.'), []);
  assert.deepEqual(flagsAgainst(index, 'Tom Avery faced a maximum of 15 years.'), []);
});

test('a sentence of common words is aligned with its story\'s own sentences even where hundreds of other seed sentences share its words: "sentenced on Friday to 15 years" faces the story\'s 12, not another case\'s', () => {
  const index = new SeedIndex();
  for (let i = 0; i < 200; i++) index.addSeed(`court-${i}.txt`, `A man from Northfield was sentenced on Friday to ${i + 20} years. The court heard from ${i + 2} witnesses.`);
  index.addSeed('scam.txt', 'Tom Avery, who ran a ticket scam in Bristol, was convicted in March of fraud. He was sentenced on Friday to 12 years. The judge praised the victims of the ticket scam.');
  const draft = 'Tom Avery ran a ticket scam in Bristol and was convicted of fraud. He was sentenced on Friday to 15 years. The judge praised the victims.';
  const found = checkDraft(draft, index).findings.map((f) => `${f.text} -> ${f.expected} (${f.evidence[0]?.seed})`);
  assert.deepEqual(found, ['15 years -> 12 years (scam.txt)']);
});

test('a nationality is compared with another people or country, not with a region: "turned its back on the people of Zeeland" is no slip for "the Dutch people"', () => {
  const index = seedIndex('visser.txt', 'Rob Visser, the former television host, has quit the Freedom Party. Visser may just have those very qualities. "While the Freedom Party has turned its back on the Dutch people, I shall not," he said.');
  assert.deepEqual(flagsAgainst(index, 'Visser said the Freedom Party has turned its back on the people of Zeeland.'), []);
  assert.deepEqual(flagsAgainst(index, 'While the Freedom Party has turned its back on the Zeeland people, Visser has not.'), []);
  // (Another people is another matter.)
  assert.deepEqual(flagsAgainst(index, 'Visser said the Freedom Party has turned its back on the French people.'), ['French -> Dutch']);
});

test('a draft that names mostly people its closest seed never names tells another story: its new names are no slips and its figures weigh less ("Port of Alden" beside the seed\'s Port of Kessel)', () => {
  const index = seedIndex('kessel.txt', 'Port of Kessel handled 4.2 million containers in 2023, the harbour authority said on Monday. Harbour master Ines Roth said volumes rose 6% on the year. Finance chief Paul Adler said the port would invest 300 million euros in new cranes.');
  const other = flagsAgainst(index, 'Port of Alden handled 3.1 million containers in 2023, its authority said on Monday. Harbour master Jonas Weber said volumes rose 4% on the year. Finance chief Mara Lind said the port would invest 120 million euros in new cranes, and mayor Otto Brandt welcomed the plan.');
  for (const slip of ['Alden -> Kessel', 'Jonas Weber -> Ines Roth', '4% -> 6%']) assert.ok(!other.includes(slip), `${slip} in ${other.join('; ')}`);
  // (The seed's own story, with one figure changed, is checked as before.)
  assert.deepEqual(flagsAgainst(index, 'Port of Kessel handled 3.1 million containers in 2023, the harbour authority said on Monday. Harbour master Ines Roth said volumes rose 4% on the year.'), ['3.1 million -> 4.2 million', '4% -> 6%']);
});

test("a surname that several people of the archive share is the one the story's own seeds name", () => {
  const index = new SeedIndex();
  index.addSeed('tennis.txt', 'Morrow splits from coach Keller\n\nDane Morrow has ended an 18-month association with coach Brad Keller which yielded the Halden Open title.\n\nMorrow hired Keller after deciding to part from coach Luis Ferreira in the wake of his first-round exit at the 2003 Halden Open. Morrow won 121 of his 147 matches while working with Keller.');
  index.addSeed('council.txt', 'Mayor Tom Keller opened the new bridge over the river on Monday. Keller said the bridge cost £4m.');
  index.addSeed('golf.txt', 'Golfer Amy Keller won the Marston Classic by two shots. Keller finished on 12 under par.');
  // (Before: "Keller" matched no one, and the coach of the sentence the draft follows was taken for a swap.)
  assert.deepEqual(flagsAgainst(index, 'Morrow splits from coach Keller\n\nMorrow won 121 of his 147 matches while working with Keller. Morrow hired Keller after deciding to part from coach Luis Ferreira in the wake of his first-round exit at the 2003 Halden Open.'), []);
  // (Another Keller of the archive, named in full, is still no coach of this story.)
  assert.deepEqual(flagsAgainst(index, 'Morrow splits from coach Amy Keller.').map((f) => f.split(' -> ')[0]), ['Amy Keller']);
});

test("one country's report does not contradict another's: figures and dates of two countries", () => {
  const index = seedIndex('us.txt', 'US trade gap ballooned in October\n\nThe US trade deficit widened to a record $55.5bn in October, the Commerce Department said. The US imported almost $20bn worth of goods from China during October, exporting a little under $3bn.');
  assert.deepEqual(flagsAgainst(index, 'Trade gap narrows as exports rise\n\nThe UK imported £21.5bn worth of goods during November, exporting £16.9bn, the statisticians said.'), []);
  // (The same country's report is still compared.)
  assert.deepEqual(flagsAgainst(index, 'The US imported almost $25bn worth of goods from China during October, exporting a little under $3bn.'), ['25bn -> $20bn']);
});

test('a word the seeds write in lower case, opening a headline before a name they know, is no part of the name', () => {
  const index = seedIndex('phone.txt', "Slimmer Zentra triples sales\n\nKorvo Zentra 2's slimmer shape has proved popular with UK buyers, with 50,000 sold in its first week on sale.\n\nSales have tripled since launch, outstripping Lumo's Pad, said market analysts Chart-Track.");
  assert.deepEqual(flagsAgainst(index, "Slimmer Zentra triples sales\n\nSales have tripled since launch, outstripping Lumo's Pad, said market analysts Chart-Track."), []);
});

test('a statement put after its speaker\'s name is still theirs when the seed quotes it first ("…," said X)', () => {
  const index = seedIndex('awards.txt', 'Voyager leads awards race\n\nThe Voyager has become the favourite for best film.\n\n"If you look at the awards race, The Voyager should be ahead," said awards pundit Tom Keane. Clara Binns, who stars in it, agreed that The Voyager looks ahead in the awards race.');
  // (Before: the seed sentence that opens with Clara Binns was taken for the statement's own.)
  assert.deepEqual(flagsAgainst(index, 'Awards pundit Tom Keane said: "If you look at the awards race, The Voyager should be ahead."'), []);
});

test('a word that opens a quotation is capitalised by its place, as at the start of a sentence', () => {
  const index = seedIndex('net.txt', 'The speed of set up has helped the firm. "It is a task," said Ravi Sridharan.');
  const sf = extractFacts('Mr Sridharan said: "Speed is very important." He said Speed Networks grew.').sentences[0];
  const speed = sf.entities.find((e) => e.text === 'Speed')!;
  assert.ok(speed, 'the quotation\'s first word reads as a name');
  assert.equal(isCommonWord({ index } as unknown as Ctx, sf, speed), true);
  const mid = extractFacts('He said Speed Networks grew.').sentences[0];
  assert.equal(isCommonWord({ index } as unknown as Ctx, mid, mid.entities.find((e) => e.text.startsWith('Speed'))!), false);
});

test('a sentence the seeds state word for word contradicts nothing: a copied headline is confirmed, a swap beside it still flagged', () => {
  const index = new SeedIndex();
  index.addSeed('rugby.txt', 'Prop Vance ready for hard graft\n\nCarl Vance says the Wales forwards are determined to dominate the powerful France pack in Paris.\n\nThe prop said the scrum is the key against France.');
  // (Another story makes "Prop" a word of a name, so the headline's "Prop Vance" reads as a name.)
  index.addSeed('tv.txt', 'Prop Idol judge Ann Lee said the show would return. Prop Idol drew nine million viewers.');
  const draft = 'Prop Vance ready for hard graft\n\nLeo Vance says the Wales forwards are determined to dominate the powerful France pack in Paris.';
  assert.deepEqual(flagsAgainst(index, draft), ['Leo Vance -> Carl Vance']);
  const headline = checkDraft(draft, index).claims.find((c) => c.text === 'Prop Vance');
  assert.equal(headline?.status, 'confirmed');
  assert.match(headline?.evidence[0]?.quote ?? '', /^Prop Vance ready for hard graft/);
});

test('"Mr", "Mrs" and "Ms" open a person\'s name: a paper or a descriptor before them is no part of it', () => {
  const names = (s: string) => extractFacts(s).sentences[0].entities.map((e) => e.text);
  assert.deepEqual(names('A party source told the Daily Herald Mr Dunmore would lead the campaign.'), ['Daily Herald', 'Mr Dunmore']);
  assert.deepEqual(names('Lawyers for Mrs Achterberg denied the claim.'), ['Lawyers', 'Mrs Achterberg']);
  // a summary naming the person in full where the seed wrote the honorific is no swap
  const index = seedIndex('trial.txt', 'Kemal Dunmore, a hotel clerk, was arrested in May. Father-of-three Mr Dunmore, 31, was held with six other men at a hotel in Izmir.');
  assert.deepEqual(flagsAgainst(index, 'Father-of-three Kemal Dunmore, 31, was held with six other men at a hotel in Izmir.'), []);
});

test('"the" joins no two names ("told the Herald the Tories\' plans"), and a party\'s other name is the same party', () => {
  const names = (s: string) => extractFacts(s).sentences[0].entities.map((e) => e.text);
  assert.deepEqual(names('He told the Herald the Tories\' plans were a move onto his turf.'), ['Herald', 'Tories']);
  const index = seedIndex('vote.txt', 'Mr Pell told the Herald the Tories\' plans were a move onto his turf. But the Tory MP for Wexham said the party office "cannot be frozen".');
  assert.deepEqual(flagsAgainst(index, 'Mr Pell told the Herald the Conservatives\' plans were a move onto his turf. But the Conservative MP for Wexham said the party office "cannot be frozen".'), []);
  // another party in the same place is still flagged
  assert.deepEqual(flagsAgainst(index, 'But the Labour MP for Wexham said the party office "cannot be frozen".'), ['Labour MP for Wexham -> Tory MP for Wexham']);
});

test('a body named with its country either way is the same body ("United States Supreme Court", "US Supreme Court"); another country\'s is not', () => {
  const index = seedIndex('court.txt', 'Judges at the US Supreme Court have been hearing evidence about file-sharing networks. Lena Ostrova won the US Open for the second time in September.');
  assert.deepEqual(flagsAgainst(index, 'Judges at the United States Supreme Court have been hearing evidence about file-sharing networks.'), []);
  assert.deepEqual(flagsAgainst(index, 'Lena Ostrova won the French Open for the second time in September.'), ['French Open -> US Open']);
});

test('an office before a name is no part of it: "PM Blair" is the seeds\' Tony Blair, and two offices are not one name', () => {
  const index = seedIndex('pm.txt', 'Prime Minister Tony Marsh declared himself "delighted", saying Mr Okoro would be warmly welcomed by MPs.');
  assert.deepEqual(flagsAgainst(index, 'PM Marsh declared himself "delighted", saying Mr Okoro would be warmly welcomed by MPs.'), []);
  assert.deepEqual(flagsAgainst(index, 'PM Tony Marsh declared himself "delighted".'), []);
  assert.equal(sameName(name('pm marsh'), name('tony marsh')), true);
  assert.equal(sameName(name('foreign minister'), name('prime minister')), false);
  assert.equal(sameName(name('pm marsh'), name('pm okoro')), false);
});

test('a party\'s deputy leader may be deputy prime minister too: one person holds both offices', () => {
  const index = seedIndex('rally.txt', 'He is due to line up alongside campaign chief Alan Pike and deputy leader Harriet Cole for the rally in Leeds on Tuesday.');
  assert.deepEqual(flagsAgainst(index, 'On Tuesday, Deputy Prime Minister Harriet Cole lined up with Alan Pike for the rally in Leeds.'), []);
  assert.deepEqual(flagsAgainst(index, 'On Tuesday, Foreign Secretary Harriet Cole lined up with Alan Pike for the rally in Leeds.'), ['Foreign Secretary -> Deputy Leader']);
});

test('a seed sentence that shares one word with the draft\'s is no statement of its date or figure: "making tractors for Harwell since 2003"', () => {
  const index = seedIndex('harwell.txt', 'Harwell Motors has named a new chief executive. It has been making tractors for Harwell since 2003. Mr Okafor took charge of the firm in 2001 and cut costs by a fifth.');
  // (Other reports make "making" and "tractors" common words, as an archive does.)
  for (let i = 0; i < 12; i++) index.addSeed(`farm-${i}.txt`, `Farm ${i} has been making tractors for years. Making tractors is hard work at plant ${i}.`);
  assert.deepEqual(flagsAgainst(index, 'Mr Okafor steered Harwell through a downturn that began in 1999.'), []);
  assert.deepEqual(flagsAgainst(index, 'Mr Okafor took charge of the firm in 1999.'), ['1999 -> 2001']);
  // The same for a figure: "Mr Vance owns 28.1%" is no statement of a share price's rise.
  const stake = seedIndex('vance.txt', 'Peter Vance has made a new offer for Harwell Motors. Mr Vance owns 28.1%. His offer values the firm at £800m.');
  for (let i = 0; i < 12; i++) stake.addSeed(`owners-${i}.txt`, `Firm ${i} owns shares. It owns a stake in plant ${i} and owns land.`);
  assert.deepEqual(flagsAgainst(stake, 'Shares in Harwell were up over 5% by noon on Monday following a new offer from Peter Vance.'), []);
  assert.deepEqual(flagsAgainst(stake, 'Mr Vance owns 25.1% of the firm.'), ['25.1% -> 28.1%']);
});

test('an office with or without its hyphen is one office: "director-general" is "director general"', () => {
  const index = seedIndex('federation.txt', 'The delegation was led by Harold Penn, director general of the Federation of Builders, and included representatives of three banks.');
  assert.deepEqual(flagsAgainst(index, '"This signifies a change of heart," Federation of Builders director-general Harold Penn said of the delegation.'), []);
  assert.deepEqual(flagsAgainst(index, '"This signifies a change of heart," Federation of Builders vice-president Harold Penn said of the delegation.').map((f) => f.split(' -> ')[1]), ['director general']);
});

test('one broadcaster written several ways is one outlet: "told BBC News", "told BBC Radio 4\'s Today"', () => {
  const index = seedIndex('rally.txt', '"They told us very clearly, it was the troops telling the leaders: get in line," Mr Pike told BBC Radio 4\'s Today programme on Tuesday.');
  assert.deepEqual(flagsAgainst(index, '"They told us very clearly, it was the troops telling the leaders: get in line," Mr Pike told BBC News on Tuesday.'), []);
  assert.deepEqual(flagsAgainst(index, '"They told us very clearly, it was the troops telling the leaders: get in line," Mr Pike told Sky News on Tuesday.').length, 1);
});

test('initials for first names are the same person: "S Grimes" is "Stuart Grimes"; "G Easterby" is not "S Easterby"', () => {
  assert.equal(sameName(name('s grimes'), name('stuart grimes')), true);
  assert.equal(sameName(name('j.k rowling'), name('joanne kathleen rowling')), true);
  assert.equal(sameName(name('g easterby'), name('s easterby')), false);
  assert.equal(sameName(name('s grimes'), name('tom grimes')), false);
});

test('a plural inside a longer name is no misspelling: "X-rays for TB" and "X-ray for TB"', () => {
  const index = seedIndex('visas.txt', 'Visitors staying longer than a year would need a chest X-ray for TB under the new rules. The checks began at Dunmore Airport.');
  assert.deepEqual(flagsAgainst(index, 'The checks will include chest X-rays for TB for visitors staying a year.'), []);
});

test('one name in two romanisations is no misspelling: "Yanukovych" and "Yanukovich"; a doubled letter still is', () => {
  const index = seedIndex('kyiv.txt', 'His opponent, Viktor Yanukovich, still has huge support in the east. The club will defer rent on its Westfalen stadium.');
  assert.deepEqual(flagsAgainst(index, 'His rival, Viktor Yanukovych, still has huge support in the east.'), []);
  assert.deepEqual(flagsAgainst(index, 'Viktor Yanukovych conceded on Monday.'), []);
  assert.deepEqual(flagsAgainst(index, 'The club will defer rent on its Westfallen stadium.'), ['Westfallen -> Westfalen']);
  assert.equal(sameName(name('viktor yanukovych'), name('viktor yanukovich')), true);
});

test('a number in a name may be written in words or digits, apart or joined: "BBC Two" is "BBC2", "Radio Four" is "Radio 4"', () => {
  assert.equal(sameName(name('bbc two'), name('bbc2')), true);
  assert.equal(sameName(name('radio four'), name('radio 4')), true);
  assert.equal(sameName(name('bbc two'), name('bbc3')), false);
  assert.equal(sameName(name('channel four'), name('channel 5')), false);
});

test('a body and its acronym are one name, also where the draft spells out what the seed abbreviates', () => {
  const index = seedIndex('motors.txt', 'Sales at the Kestrel Motor Company (KMC) fell 12% in March. KMC blamed high fuel prices for low sales of its trucks. The Harbour and Coastal Authority (HCA) met on Friday. The HCA said the port would close for a week.');
  assert.deepEqual(flagsAgainst(index, 'Kestrel Motor Company blamed high fuel prices for low sales of its trucks.'), []);
  assert.deepEqual(flagsAgainst(index, 'The Harbour and Coastal Authority said the port would close for a week.'), []);
  // another body in its place is still flagged
  assert.deepEqual(flagsAgainst(index, 'The KMC said the port would close for a week.'), ['KMC -> HCA']);
});

test('an office followed by more of a name is not the title of the person before the comma ("Ann Voss, General Motors\'s vice president")', () => {
  const people = extractFacts('"The year has started slowly," said Ann Voss, General Motors\'s vice president for sales.').sentences[0].people;
  assert.deepEqual(people.map((p) => [p.person.text, p.title.words.join(' ')]), [['Ann Voss', 'vice president']]);
  assert.deepEqual(extractFacts('Ann Voss, the general manager, said so.').sentences[0].people.map((p) => [p.person.text, p.title.words.join(' ')]), [['Ann Voss', 'general manager']]);
});

test('initials with full stops are the same word as without: "U.K." is "UK", also inside a name ("Nintendo U.K.")', () => {
  const index = seedIndex('games.txt', 'The UK\'s biggest games retailer said sales rose 15% in 2004. David Yarn, Zentra UK general manager, told a press conference to look out for details in the New Year.');
  assert.deepEqual(flagsAgainst(index, 'The U.K.\'s biggest games retailer said sales rose 15% in 2004.'), []);
  assert.deepEqual(flagsAgainst(index, 'David Yarn, Zentra U.K. general manager, told a press conference to look out for details in the New Year.'), []);
  // a changed figure beside the dotted initials is still found
  assert.deepEqual(flagsAgainst(index, 'The U.K.\'s biggest games retailer said sales rose 25% in 2004.'), ['25% -> 15%']);
});

test('a name written without its accents is the same spelling ("Elodie Brégeon" as "Elodie Bregeon"); another letter is still a slip', () => {
  const index = seedIndex('twins.txt', 'Now a mother to twins Mathilde Thérèse Aubry and Jules Honoré Aubry, Elodie Brégeon is attending fewer engagements than before.');
  assert.deepEqual(flagsAgainst(index, 'Now a mother to twins Mathilde Therese Aubry and Jules Honore Aubry, Elodie Bregeon is attending fewer engagements than before.'), []);
  assert.deepEqual(flagsAgainst(index, 'Now a mother to twins, Elodie Bregeon is attending fewer engagements.'), []);
  assert.deepEqual(flagsAgainst(index, 'Now a mother to twins, Elodie Brégoen is attending fewer engagements.'), ['Elodie Brégoen -> Elodie Brégeon']);
});

test('both offices of "X, Corvane\'s chairman and chief executive," are X\'s, however the draft words them', () => {
  const people = extractFacts('Rob Tallis, Corvane\'s chairman and chief executive, said it was a great opportunity.').sentences[0].people;
  assert.deepEqual(people.map((p) => [p.person.text, p.title.words.join(' ')]), [['Rob Tallis', 'chairman'], ['Rob Tallis', 'chief executive']]);
  const index = seedIndex('corvane.txt', 'Rob Tallis, Corvane\'s chairman and chief executive, said it was a great opportunity for the brand of Corvane.');
  assert.deepEqual(flagsAgainst(index, 'Rob Tallis, the chairman and chief executive of Corvane, said it was a great opportunity for the brand of Corvane.'), []);
  assert.deepEqual(flagsAgainst(index, 'Corvane chief executive Rob Tallis said it was a great opportunity.'), []);
});

test("a changed figure in a near-copied sentence is flagged even where the story gives that value to something else: \"up 45%\" where the seed sentence says up 24% and 45% is another share", () => {
  const index = seedIndex(
    'harvest.txt',
    'Veldrian grain harvest up 24%\n\nThe Veldrian grain harvest rose 24% last year, the farm ministry said. Farming is the mainstay of the economy in Veldria, making up 45% of its national output. Its film studios took $80m from disc sales and rentals, more than their $40m from cinemas.',
  );
  assert.deepEqual(flagsAgainst(index, 'Veldrian grain harvest up 45%\n\nThe Veldrian grain harvest rose 45% last year, the farm ministry said.'), ['45% -> 24%', '45% -> 24%']);
  assert.deepEqual(flagsAgainst(index, 'Its film studios took $40m from disc sales and rentals.'), ['40m -> $80m']);
  // (The value where the story states it is confirmed, and a loose restatement keeps the story's value.)
  assert.deepEqual(flagsAgainst(index, 'Farming makes up 45% of Veldria\'s national output. The studios made $40m at cinemas.'), []);
});

test('weekdays without a dated text: "last Saturday" against "last Sunday"; a weekday beside the same day of the month ("Friday August 20" against "Saturday 20 August"); the Today programme is no date', () => {
  const index = seedIndex(
    'festival.txt',
    'Harbour Rovers were knocked out of the cup by Millport last Sunday before their rivals won the league. The Lanterns will play Kestrel Park on Saturday 20 August and Dunmore Field on Sunday 21 August. The story led the Today programme throughout Friday morning.',
  );
  assert.deepEqual(flagsAgainst(index, 'Harbour Rovers were knocked out of the cup by Millport last Saturday before their rivals won the league.'), ['last Saturday -> last Sunday']);
  assert.deepEqual(flagsAgainst(index, 'The Lanterns will play Kestrel Park on Friday August 20 and Dunmore Field on Sunday August 21.'), ['Friday August 20 -> Saturday 20 August']);
  assert.deepEqual(flagsAgainst(index, 'The story led the Today programme throughout Tuesday morning.'), ['Tuesday morning -> Friday morning']);
  // (The same days, written either way, agree.)
  assert.deepEqual(flagsAgainst(index, 'Harbour Rovers were knocked out by Millport on Sunday. The Lanterns play Kestrel Park on Saturday, August 20, and Dunmore Field on August 21. The Today programme led with it on Friday.'), []);
});

test('two ceilings name their values: "as much as 70m euros" is not the seed\'s "as much as 200m euros"; "up to 190m" is', () => {
  const index = seedIndex('float.txt', 'If the final price is at the top of the range, Corvel could be valued at as much as 200m euros. The shares go on sale on Monday.');
  assert.deepEqual(flagsAgainst(index, 'At the top of the range, Corvel could be valued at as much as 70m euros.'), ['70m euros -> as much as 200m euros']);
  assert.deepEqual(flagsAgainst(index, 'At the top of the range, Corvel could be valued at up to 190m euros.'), []);
});

test('a draft figure that restates a figure the seed sentence states itself does not take the one beside it: "about 4.7%, … predicting 2.1%" against "about 4.7%, … predicting 4%"', () => {
  const index = seedIndex('growth.txt', 'Growth in Norland in 2004 was about 4.7%, with the central bank predicting 4% growth this year. Exports rose.');
  assert.deepEqual(flagsAgainst(index, 'Growth in Norland in 2004 was about 4.7%, with the central bank predicting 2.1% growth this year.'), ['2.1% -> 4%']);
  assert.deepEqual(flagsAgainst(index, 'Growth in Norland in 2004 was about 5%, with the central bank predicting 4% growth this year.'), []);
  // (Pairs are made by the whole statement: set scores of one value are not one score.)
  // (A draft sentence that runs two seed sentences together: "3–6", a score beside "victory", is no range.)
  const match = seedIndex(
    'match.txt',
    'Venn through\n\nBut Venn won the tie-break before wrapping up a 7-5 7-6 (7-3) 6-1 win. Fourth seed\n\nsurvived an injury scare as he battled past Ivo Marek 6-4 3-6 6-3 6-4. He turned his right ankle in the third game of the fourth set. But he showed no sign of the problem when he returned to the court to wrap up victory in two hours 45 minutes.',
  );
  assert.deepEqual(flagsAgainst(match, 'But he showed no sign of the problem when he returned to the court to wrap up victory in two hours 45 minutes. survived an injury scare as he battled past Ivo Marek 6–4 3–6 6–3 6–4.'), []);
});

test('a weekday alone is compared with weekdays, not confirmed by a month: "said Thursday" where the seed said it on Wednesday of a match "in June or July"', () => {
  const index = seedIndex('match.txt', 'Marrow will host a northern versus southern charity match in June or July, the Rugby Union of Norland said on Wednesday. Tickets go on sale in March.');
  assert.deepEqual(flagsAgainst(index, 'Marrow will host a northern versus southern charity match in June or July, the Rugby Union of Norland said Thursday.'), ['Thursday -> Wednesday']);
  assert.deepEqual(flagsAgainst(index, 'Marrow will host a charity match in June or July, the union said on Wednesday.'), []);
  // (nor by a day of a month in a text without a date, which names no weekday)
  const launch = seedIndex('launch.txt', 'Its US launch was on Sunday and it goes on sale in Norland on December 2. Shops expect queues.');
  assert.deepEqual(flagsAgainst(launch, 'Its US launch was on Friday and it goes on sale in Norland on December 2.'), ['Friday -> Sunday']);
});

test('the body before "chief" makes a specific office: "Norland police chief Ada Brant" where the seeds give that office to Tom Keel', () => {
  const index = seedIndex(
    'drinking.txt',
    'However, Norland police chief Tom Keel also warned that a great deal of preparatory work was still needed. Liberal home affairs spokesman Ada Brant said the plan was prudent.',
  );
  assert.deepEqual(flagsAgainst(index, 'However, Norland police chief Ada Brant also warned that a great deal of preparatory work was still needed.'), ['Ada Brant -> Tom Keel']);
  assert.deepEqual(flagsAgainst(index, 'Norland\'s police chief, Tom Keel, warned that much preparatory work was still needed.'), []);
});

test('a surname of the story that opens a sentence and says something is a name, though other stories use the word ("Baker told Newsnight" where the seed says Mr Sands did)', () => {
  const index = new SeedIndex();
  index.addSeed('advice.txt', 'Ex-minister Ada Baker says all the legal advice should now be published. Lawyer Tom Sands told Newsnight the government had prepared a legal team to defend its case. Ms Baker said the advice was not independent.');
  index.addSeed('bread.txt', 'The baker opened her shop at dawn. Every baker in the town sells bread, and a baker earns little.');
  assert.deepEqual(flagsAgainst(index, 'Baker told Newsnight the government had prepared a legal team to defend its case.'), ['Baker -> Tom Sands']);
  assert.deepEqual(flagsAgainst(index, 'Sands told Newsnight the government had prepared a legal team. Baker said the advice was not independent.'), []);
});

test('a body\'s office given to a person the seeds call by that office of no body: "Ada Brant, Norcom\'s chief executive," where the seeds give it to Tom Vale', () => {
  const index = seedIndex(
    'telecom.txt',
    'Broadband rivals plan price cuts\n\n"The country has the chance to build the best telecoms market in the world," Norcom chief executive Tom Vale said. Smaller firms were wary. "The question is how well people run their plans," chief executive Ada Brant said.',
  );
  assert.deepEqual(flagsAgainst(index, 'Ada Brant, Norcom\'s chief executive, said: "The country has the chance to build the best telecoms market in the world."'), ['Ada Brant -> Tom Vale']);
  // (Her office of no body, and his with his body, agree.)
  assert.deepEqual(flagsAgainst(index, 'Tom Vale, Norcom\'s chief executive, said the country had a chance. Chief executive Ada Brant was wary.'), []);
});

test('a figure or a date only another story\'s seed gives is a note, not a flag: last week\'s oil report against today\'s draft; the same report flags it when the draft is that story', () => {
  const index = new SeedIndex();
  index.addSeed('oil-last-week.txt', 'Oil slips on mild weather\n\nA barrel of Norland crude closed up $2.80 to $51.15 in Marrow on Tuesday. Traders blamed mild weather for weak heating oil demand. Stocks of heating oil rose by 1.2 million barrels, the energy agency said.');
  index.addSeed('harbour.txt', 'Harbour festival draws record crowd\n\nThe Marrow harbour festival drew 12,000 visitors on Saturday, its organisers said. The festival, now in its ninth year, raised £40,000 for the lifeboat station. Next year it moves to the old quay.');
  // A draft about the festival that mentions today's oil price: the oil report is another story.
  const festival = 'The Marrow harbour festival drew 12,000 visitors on Saturday, its organisers said. The festival raised £40,000 for the lifeboat station. A barrel of Norland crude closed at $53.03 in Marrow on Monday.';
  const r = checkDraft(festival, index);
  assert.deepEqual(r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.text), []);
  const notes = r.findings.filter((f) => f.code === 'figure-other-story' || f.code === 'date-other-story');
  assert.ok(notes.length > 0 && notes.every((f) => f.severity === 'information' && f.evidence[0].seed === 'oil-last-week.txt' && /another story/.test(f.message)), JSON.stringify(r.findings));
  // A draft that retells the oil report is its story: the same figure and day are flagged.
  assert.deepEqual(
    flagsAgainst(index, 'A barrel of Norland crude closed up $2.80 to $53.03 in Marrow on Tuesday. Traders blamed mild weather for weak heating oil demand.'),
    ['53.03 -> $51.15'],
  );
  // A weekday that does not fit its date needs no seed, and stays a flag in any story.
  assert.deepEqual(flagsAgainst(index, '---\ndate: 2023-11-22\n---\nThe festival drew 12,000 visitors on Saturday, Nov. 11, a Friday.').length, 1);
});

test('a value the story gives another named subject does not confirm a figure in a sentence that restates another statement: "it reported … profits to £450.7m" where that is the rival\'s profit', () => {
  const index = seedIndex(
    'homes.txt',
    'Housebuilders upbeat\n\nNorland Homes said demand for new homes was steady in the autumn. The comments came as it reported a 6% rise in annual profits to £280.2m on strong sales in the south. Rival builder Brickfield reported a 19% rise in annual profits to £450.7m and said reservations were strong.',
  );
  assert.deepEqual(flagsAgainst(index, 'The comments came as it reported a rise in annual profits to £450.7m.'), ['450.7m -> £280.2m']);
  // (The rival's value, given to the rival, or the story's own restated, is no flag.)
  assert.deepEqual(flagsAgainst(index, 'Brickfield reported a 19% rise in profits to £450.7m. Norland Homes reported profits of £280.2m.'), []);
});

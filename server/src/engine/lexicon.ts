// Words of the newsroom: function words, titles, aliases of countries and number words.

export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with about as into onto upon over under after before since until ' +
    'than then that this these those there here it its it\'s he him his she her hers they them their theirs we us our ours you your i me my ' +
    'is are was were be been being am has have had having do does did done will would shall should can could may might must ' +
    'not no yes also just only even still very more most less least much many some any all each every both either neither ' +
    'who whom whose which what when where why how while whilst if because though although whether ' +
    'said says say told tell according added adding reported report reports statement ' +
    'one ones other others another such same own via per up down out off again further once ' +
    'mr mrs ms dr new year years day days week weeks month months time times'
  ).split(/\s+/),
);

/**
 * Words that open a sentence and link it to the one before ("However Bwalya warned …"): capitalised there,
 * never the first word of a name, even in a text that never writes them in lower case.
 */
export const SENTENCE_ADVERBS = new Set(
  (
    'however meanwhile nevertheless nonetheless moreover furthermore instead indeed therefore thus hence likewise ' +
    'otherwise besides similarly additionally consequently overall ultimately finally eventually separately elsewhere ' +
    'currently recently previously initially earlier later now today yesterday tomorrow perhaps unfortunately fortunately'
  ).split(/\s+/),
);

/**
 * What a person does, written before the name ("US actor Jamie Foxx"): capitalised only where it opens a
 * sentence or a headline ("Actor Foxx sees Globe nominations"), and then no part of the name.
 */
export const CALLING_WORDS = new Set(
  (
    'actor actress singer rapper songwriter comedian presenter novelist author footballer cricketer golfer boxer jockey ' +
    'midfielder striker defender goalkeeper winger batsman bowler'
  ).split(/\s+/),
);

/** Title heads: the word that names the office. */
export const TITLE_HEADS = new Set(
  (
    'president vice-president president-elect premier minister secretary secretary-general chancellor vice-chancellor ' +
    'chairman chairwoman chairperson chair vice-chairman vice-chair deputy-chairman ' +
    'ceo cfo coo cto executive director director-general head leader king queen prince princess emperor pope ' +
    'governor mayor senator congressman congresswoman mp mep spokesman spokeswoman spokesperson ' +
    'attorney-general judge justice coach manager boss captain ambassador envoy general commissioner founder co-founder ' +
    'owner economist analyst nutritionist dietician dietitian lawyer professor sheikh emir sultan ayatollah archbishop bishop ' +
    'commander inspector detective sergeant constable superintendent editor presenter chief treasurer governor-general ' +
    'speaker diplomat striker midfielder defender goalkeeper player officer whip'
  ).split(' '),
);

/** Modifiers that make a head into a specific office ("Foreign" Secretary). */
export const TITLE_MODIFIERS = new Set(
  (
    'foreign home defence defense health education culture transport environment trade treasury work pensions ' +
    'northern scottish welsh press energy business justice interior finance economy economic oil petroleum ' +
    'prime deputy vice chief executive managing general state international development communities ' +
    'exchequer shadow acting interim former top senior assistant associate sports media agriculture industry ' +
    'labour labor conservative tory liberal democrat republican democratic opposition party majority minority ' +
    'attorney solicitor finance-director non-executive operating financial technology commercial lib dem dems tories ' +
    'police army military fire spy intelligence security navy'
  ).split(' '),
);

/** A party's short names in an office ("Tory leader" is the Conservative leader, "Lib Dem" the Liberal Democrat). */
export const PARTY_WORDS: Record<string, string> = {
  tory: 'conservative', tories: 'conservative', lib: 'liberal', dem: 'democrat', dems: 'democrat', democrats: 'democrat', labor: 'labour',
};

/** A word of a name as the party's full name writes it ("Tory MP for Sleaford" is the Conservative MP for Sleaford). */
export function partyWord(t: string): string {
  if (Object.hasOwn(PARTY_WORDS, t)) return PARTY_WORDS[t];
  return t === 'conservatives' ? 'conservative' : t;
}

/** Portfolios named by several words before an office, longest first ("Northern Ireland Office minister"). */
export const PORTFOLIO_PHRASES: string[][] = [
  'northern ireland office', 'northern ireland', 'home office', 'foreign office', 'cabinet office', 'scottish office', 'welsh office',
  'foreign affairs', 'home affairs', 'constitutional affairs', 'economic affairs', 'european affairs', 'international affairs', 'legal affairs',
].map((p) => p.split(' '));

/** Compound offices written as several words, lower case, canonical form first. */
export const TITLE_SYNONYMS: string[][] = [
  ['chief executive', 'ceo', 'chief executive officer'],
  ['chief financial officer', 'cfo', 'finance chief', 'finance director', 'financial director'],
  ['chairman', 'chairwoman', 'chairperson', 'chair'],
  ['vice-chairman', 'vice chairman', 'deputy chairman', 'vice-chair'],
  ['prime minister', 'premier', 'pm'],
  ['foreign minister', 'foreign secretary', 'top diplomat', 'secretary of state', 'minister of foreign affairs', 'chief diplomat'],
  ['attorney general', 'attorney-general'],
  ['spokesman', 'spokeswoman', 'spokesperson'],
  ['chancellor of the exchequer', 'chancellor'],
  ['dietician', 'dietitian', 'nutritionist'],
  ['coach', 'manager'],
  ['oil minister', 'petroleum minister'],
  ['leader', 'head'],
];

/** Offices that party or national qualifiers make unique: only one holder at a time. */
export const UNIQUE_TITLES = new Set([
  'president',
  'prime minister',
  'chancellor',
  'chancellor of the exchequer',
  'king',
  'queen',
  'foreign minister',
  'foreign secretary',
  'home secretary',
  'defence secretary',
  'health secretary',
  'education secretary',
  'culture secretary',
  'transport secretary',
  'environment secretary',
  'treasury secretary',
  'work and pensions secretary',
  'attorney general',
  'chief executive',
  'chairman',
  'finance minister',
  'interior minister',
  'defence minister',
  'mayor',
  'governor',
]);

/**
 * Names of one kind that a story does not swap for one another: a draft's other member is a slip. Each kind
 * is a list of names, each name a list of the ways news writes it ("Manchester United", "Man Utd").
 */
export const NAME_KINDS: string[][][] = [
  // social networks
  ['facebook', 'twitter', 'instagram', 'snapchat', 'whatsapp', 'youtube', 'tiktok', 'linkedin', 'reddit', 'telegram', 'pinterest', 'myspace', 'tumblr'].map((n) => [n]),
  // US states
  ('alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa ' +
    'kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ' +
    'ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming').split(' ')
    .concat(['new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'rhode island', 'south carolina', 'south dakota', 'west virginia'])
    .map((n) => [n]),
  // football clubs (a bare "United" or "City" could be any of several, so it is no name here)
  [
    ['arsenal', 'gunners'], ['aston villa', 'villa'], ['bournemouth'], ['brentford'], ['brighton'], ['burnley'], ['chelsea', 'blues'],
    ['crystal palace', 'palace'], ['everton', 'toffees'], ['fulham'], ['leeds', 'leeds united'], ['leicester', 'leicester city', 'foxes'],
    ['liverpool', 'reds'], ['manchester city', 'man city'], ['manchester united', 'man utd', 'man united', 'red devils'],
    ['newcastle', 'newcastle united', 'magpies'], ['nottingham forest', 'forest'], ['southampton', 'saints'], ['stoke', 'stoke city'],
    ['sunderland'], ['swansea', 'swansea city'], ['tottenham', 'tottenham hotspur', 'spurs'], ['watford'], ['west brom', 'west bromwich albion'],
    ['west ham', 'west ham united', 'hammers'], ['wolves', 'wolverhampton wanderers'], ['hull', 'hull city'], ['qpr', 'queens park rangers'],
    ['norwich', 'norwich city'], ['cardiff', 'cardiff city'], ['middlesbrough'], ['derby', 'derby county'],
    ['celtic'], ['rangers'], ['real madrid'], ['barcelona', 'barca'], ['atletico madrid', 'atletico'], ['sevilla'], ['valencia'],
    ['bayern munich', 'bayern'], ['borussia dortmund', 'dortmund'], ['schalke'], ['hoffenheim'], ['bayer leverkusen', 'leverkusen'], ['wolfsburg'],
    ['juventus', 'juve'], ['ac milan'], ['inter milan', 'inter'], ['napoli'], ['roma'], ['lazio'], ['paris saint-germain', 'psg'], ['monaco'],
    ['marseille'], ['lyon'], ['ajax'], ['psv'], ['porto'], ['benfica'], ['sporting lisbon', 'sporting'],
  ],
  // news outlets ("told FEMAIL", "told Buzzfeed"), each with the ways news writes it
  [
    ['bbc', 'bbc news', 'bbc radio', 'bbc radio 4', 'radio 4', 'bbc radio five live', 'radio five live', 'bbc world service', 'bbc one', 'bbc1', 'bbc two', 'bbc2', 'bbc breakfast'], ['cnn'], ['sky news'], ['itv', 'itv news'], ['channel 4 news', 'channel 4'],
    ['daily mail', 'mailonline', 'mail online', 'daily mail australia', 'femail'], ['the sun'], ['daily mirror'],
    ['the times', 'sunday times'], ['the guardian', 'guardian'], ['the telegraph', 'telegraph', 'daily telegraph'],
    ['the independent'], ['financial times'], ['new york times', 'nyt'], ['washington post'],
    ['wall street journal', 'wsj'], ['reuters'], ['associated press'], ['afp', 'agence france-presse'], ['bloomberg'],
    ['buzzfeed', 'buzzfeed news'], ['huffington post', 'huffpost'], ['fox news'], ['nbc', 'nbc news'], ['abc news'],
    ['cbs', 'cbs news'], ['msnbc'], ['usa today'], ['fairfax media', 'fairfax'], ['herald sun'], ['sydney morning herald'],
    ['the australian'], ['al jazeera'], ['vice news'], ['tmz'], ['people magazine'], ['vanity fair'], ['vogue'],
  ],
];

/** Capitals among the place aliases: the country in "Ankara says", a city in "in Tokyo". */
export const CAPITALS = new Set([
  'ankara', 'london', 'washington', 'paris', 'berlin', 'moscow', 'beijing', 'tokyo', 'cairo', 'riyadh', 'delhi', 'new delhi',
  'rome', 'madrid', 'kiev', 'kyiv', 'tehran', 'baghdad', 'dublin', 'edinburgh', 'cardiff', 'pyongyang', 'seoul',
]);

/** Country and nationality aliases, each group one country. */
export const PLACE_ALIASES: string[][] = [
  ['türkiye', 'turkey', 'turkish', 'ankara', 'turkiye'],
  ['uk', 'britain', 'british', 'britons', 'united kingdom', 'great britain', 'england', 'english', 'london'],
  ['us', 'usa', 'united states', 'america', 'american', 'americans', 'washington'],
  ['france', 'french', 'paris'],
  ['germany', 'german', 'berlin'],
  ['russia', 'russian', 'moscow'],
  ['china', 'chinese', 'beijing'],
  ['japan', 'japanese', 'tokyo'],
  ['israel', 'israeli'],
  ['palestine', 'palestinian', 'palestinians'],
  ['egypt', 'egyptian', 'cairo'],
  ['saudi arabia', 'saudi', 'riyadh'],
  ['india', 'indian', 'delhi', 'new delhi'],
  ['italy', 'italian', 'rome'],
  ['spain', 'spanish', 'madrid'],
  ['ukraine', 'ukrainian', 'kiev', 'kyiv'],
  ['iran', 'iranian', 'tehran'],
  ['iraq', 'iraqi', 'baghdad'],
  ['australia', 'australian'],
  ['canada', 'canadian'],
  ['ireland', 'irish', 'dublin'],
  ['scotland', 'scottish', 'edinburgh'],
  ['wales', 'welsh', 'cardiff'],
  ['europe', 'european', 'eu', 'european union'],
  ['argentina', 'argentine', 'argentinian'],
  ['venezuela', 'venezuelan'],
  ['brazil', 'brazilian'],
  ['mexico', 'mexican'],
  ['indonesia', 'indonesian'],
  ['jordan', 'jordanian'],
  ['qatar', 'qatari'],
  ['nigeria', 'nigerian'],
  ['pakistan', 'pakistani'],
  ['afghanistan', 'afghan'],
  ['syria', 'syrian'],
  ['lebanon', 'lebanese'],
  ['greece', 'greek'],
  ['netherlands', 'dutch', 'holland'],
  ['sweden', 'swedish'],
  ['norway', 'norwegian'],
  ['denmark', 'danish'],
  ['poland', 'polish'],
  ['switzerland', 'swiss'],
  ['belgium', 'belgian'],
  ['portugal', 'portuguese'],
  ['south africa', 'south african'],
  ['north korea', 'north korean', 'pyongyang'],
  ['south korea', 'south korean', 'seoul'],
  ['korea', 'korean'],
  ['thailand', 'thai'],
  ['vietnam', 'vietnamese'],
  ['philippines', 'filipino', 'philippine'],
  ['new zealand', 'kiwi'],
  ['kenya', 'kenyan'],
  ['gaza', 'gaza strip'],
];

const aliasIndex = new Map<string, number>();
PLACE_ALIASES.forEach((group, i) => group.forEach((w) => aliasIndex.set(w, i)));

/** The alias group of a lower-case place or nationality word, or undefined. */
export function placeGroup(key: string): number | undefined {
  if (!key.endsWith('.') && !key.endsWith("'s")) return aliasIndex.get(key);
  return aliasIndex.get(key.replace(/\.$/, '').replace(/'s$/, ''));
}

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, a_dozen: 12,
};

export const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Words that mark a capitalised sequence as an organisation rather than a person. */
export const ORG_WORDS = new Set(
  (
    'ministry department office league organisation organization cooperation co-operation council party bank company corporation ' +
    'corp inc ltd plc group university college school association union agency commission committee authority court ' +
    'foundation institute fund federation club united city county state states republic kingdom government parliament ' +
    'assembly army police force forces news times post journal daily mail airlines airways motors bureau service services ' +
    'exchange house senate congress church hospital centre center board trust network tv radio channel media ' +
    'summit conference festival awards cup championship olympics games street road square airport station'
  ).split(' '),
);

/** Honorifics that precede a surname and are part of naming, not an office. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'baroness', 'baron', 'prof', 'professor']);

/** Lower-case particles inside personal names: "Abd al-Fattah el-Sisi", "Ursula von der Leyen". */
export const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'ten', 'y']);

export const WEEKDAY_SET = new Set(WEEKDAYS);
export const MONTH_SET = new Set([...MONTHS, 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/**
 * Words news uses for one notion, folded to one alignment term so that a paraphrase still aligns
 * ("killed" and "death toll", "talks" and "discussions").
 */
export const CONCEPTS: Record<string, string[]> = {
  death: ['kill', 'killed', 'killing', 'dead', 'death', 'deaths', 'die', 'died', 'dying', 'toll', 'fatalities', 'perished', 'lives'],
  injury: ['injured', 'injuries', 'injury', 'wounded', 'hurt'],
  talk: ['talks', 'talk', 'discussions', 'discussion', 'discussed', 'meet', 'met', 'meeting', 'negotiations'],
  attack: ['attack', 'attacks', 'assault', 'raid', 'raids', 'offensive', 'strikes', 'bombardment'],
  country: ['nation', 'nations', 'country', 'countries', 'states'],
  child: ['child', 'children', 'kids', 'minors'],
  woman: ['woman', 'women'],
  deal: ['deal', 'contract', 'agreement'],
  sign: ['sign', 'signed', 'signs', 'inked'],
  win: ['win', 'won', 'wins', 'beat', 'victory', 'triumph'],
  lose: ['lose', 'lost', 'loses', 'defeat', 'defeated'],
  arrest: ['arrest', 'arrested', 'detained', 'custody'],
  convict: ['convicted', 'guilty', 'sentenced', 'jailed', 'imprisoned'],
  summit: ['summit', 'conference'],
  official: ['official', 'officials', 'authorities', 'government'],
  figure: ['figures', 'data', 'statistics'],
};

/** Two-word place names whose words alone are not places ("United Kingdom"). */
export const PLACE_BIGRAMS = new Set(PLACE_ALIASES.flat().filter((w) => w.includes(' ')));

/**
 * Roles of people a text may leave unnamed ("a coach", "a former officer"), in groups of words news uses
 * for one role: a word of another group in the seed statement a draft restates is another role.
 */
export const ROLE_GROUPS: string[][] = [
  ['player', 'players', 'footballer', 'footballers', 'cricketer', 'cricketers', 'athlete', 'athletes', 'sportsman', 'sportswoman'],
  ['coach', 'coaches', 'trainer', 'manager', 'managers', 'boss'],
  ['officer', 'officers', 'police', 'policeman', 'policewoman', 'constable', 'detective', 'detectives', 'cop', 'cops'],
  ['driver', 'drivers', 'motorist', 'motorists', 'trucker', 'truckers', 'truckie', 'truckies', 'chauffeur'],
  ['pilot', 'pilots', 'aviator'],
  ['teacher', 'teachers', 'tutor', 'lecturer', 'headteacher', 'headmaster', 'headmistress'],
  ['doctor', 'doctors', 'physician', 'surgeon', 'surgeons', 'medic', 'medics', 'gp'],
  ['nurse', 'nurses', 'midwife'],
  ['lawyer', 'lawyers', 'attorney', 'attorneys', 'solicitor', 'barrister'],
  ['student', 'students', 'pupil', 'pupils', 'schoolboy', 'schoolgirl'],
  ['soldier', 'soldiers', 'troops', 'serviceman', 'servicemen'],
  ['firefighter', 'firefighters', 'fireman', 'firemen'],
  ['referee', 'referees', 'umpire', 'umpires'],
  ['priest', 'priests', 'vicar', 'rabbi', 'imam', 'pastor', 'cleric'],
  ['journalist', 'journalists', 'reporter', 'reporters', 'correspondent'],
  ['fan', 'fans', 'supporter', 'supporters'],
];

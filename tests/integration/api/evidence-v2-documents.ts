/**
 * Two v2 documents and one v1 document written inline for the v2 API tests, after the seed
 * article (the joint statement of China, Iran, Pakistan and Russia on the Taliban): an
 * attribution chain (the author infers that the four imply the Taliban shelter the TTP, as
 * Pakistan suspects), a claim held by Pakistan alone, a collective's criticism, a negated
 * conditional claim whose object is a hypothetical event, a denial, a relation that ended, a
 * place and an event. Every quote is in the article text, so each gets its offsets.
 */
type Json = Record<string, unknown>;

export const V2_ARTICLE_ID = '2024-10-03-v2-quadrilateral';
export const V2_LATER_ARTICLE_ID = '2024-11-20-v2-later';
export const V1_ARTICLE_ID = '2024-08-01-v1-allegation';

const quotes = {
  sheltersTtp: 'the four implicitly accuse the Taliban of sheltering the TTP, like Islamabad suspects',
  sheltersBla: 'Pakistan alleges that the Taliban shelter the BLA',
  criticizes: 'the four criticized the Taliban',
  wouldNotOppose:
    "China, Iran and Russia wouldn't politically oppose whatever military means Pakistan might ultimately resort to",
  denial: 'the Taliban deny that they support the TTP',
  honeymoon: 'the honeymoon between Pakistan and the Taliban has indisputably ended',
  blaInBalochistan: 'the BLA is active in Balochistan',
};

const entities: Json[] = [
  { id: 'pakistan', type: 'State', name: 'Pakistan', iso3: 'PAK' },
  { id: 'china', type: 'State', name: 'China', iso3: 'CHN' },
  { id: 'iran', type: 'State', name: 'Iran', iso3: 'IRN' },
  { id: 'russia', type: 'State', name: 'Russia', iso3: 'RUS' },
  { id: 'taliban', type: 'Group', name: 'Taliban', category: 'government' },
  { id: 'ttp', type: 'Group', name: 'Tehreek-e-Taliban Pakistan', category: 'militant' },
  { id: 'bla', type: 'Group', name: 'Balochistan Liberation Army', category: 'militant' },
  { id: 'the-four', type: 'Collective', name: 'China, Iran, Pakistan and Russia' },
  { id: 'global-research', type: 'Group', name: 'Global Research', category: 'media', sourceReliability: 'C' },
  { id: 'andrew-korybko', type: 'Person', name: 'Andrew Korybko', role: 'analyst' },
  { id: 'balochistan', type: 'Place', name: 'Balochistan', placeType: 'province', latitude: 28.5, longitude: 65.1 },
  { id: 'afghanistan-territory', type: 'Place', name: 'Afghanistan', placeType: 'country' },
  {
    id: 'pakistani-strikes',
    type: 'Event',
    name: 'Pakistani military action in Afghanistan',
    kind: 'military-action',
    hypothetical: true,
  },
  { id: 'moscow-format-meeting', type: 'Meeting', name: 'Moscow Format meeting', date: '2024-09' },
  { id: 'moscow', type: 'Place', name: 'Moscow', placeType: 'city' },
];

const author = { holder: 'andrew-korybko', stance: 'infers' };

const relations: Json[] = [
  ...['china', 'iran', 'pakistan', 'russia'].map((member) => ({
    type: 'MEMBER_OF',
    source: member,
    target: 'the-four',
  })),
  {
    type: 'SHELTERS',
    source: 'taliban',
    target: 'ttp',
    quote: quotes.sheltersTtp,
    attributions: [
      author,
      { holder: 'the-four', stance: 'implies', reportedBy: 0 },
      { holder: 'pakistan', stance: 'suspects', reportedBy: 0 },
    ],
  },
  {
    type: 'SHELTERS',
    source: 'taliban',
    target: 'bla',
    quote: quotes.sheltersBla,
    attributions: [{ holder: 'pakistan', stance: 'alleges' }],
    credibility: 3,
  },
  { type: 'CRITICIZES', source: 'the-four', target: 'taliban', quote: quotes.criticizes, section: 'headline' },
  {
    type: 'OPPOSES',
    source: 'china',
    target: 'pakistani-strikes',
    quote: quotes.wouldNotOppose,
    polarity: 'negative',
    condition: 'if Pakistan resorts to military means',
    attributions: [author],
  },
  {
    type: 'SUPPORTS',
    source: 'taliban',
    target: 'ttp',
    quote: quotes.denial,
    attributions: [{ holder: 'taliban', stance: 'denies' }],
  },
  {
    type: 'COOPERATES_WITH',
    source: 'pakistan',
    target: 'taliban',
    quote: quotes.honeymoon,
    validFrom: '2021-08',
    validTo: '2024-09',
    ended: true,
  },
  { type: 'OPERATES_IN', source: 'bla', target: 'balochistan', quote: quotes.blaInBalochistan },
  { type: 'LOCATED_IN', source: 'pakistani-strikes', target: 'afghanistan-territory' },
  { type: 'PARTICIPATED_IN', source: 'pakistan', target: 'pakistani-strikes' },
  { type: 'ATTENDED', source: 'pakistan', target: 'moscow-format-meeting' },
  { type: 'LOCATED_IN', source: 'moscow-format-meeting', target: 'moscow' },
];

export const v2Article = (): Json => ({
  formatVersion: 2,
  article: {
    id: V2_ARTICLE_ID,
    title: 'The quadrilateral statement on the Taliban',
    publishedAt: '2024-10-03',
    publisher: 'Global Research',
    publisherId: 'global-research',
    authors: ['andrew-korybko'],
    copyright: 'Copyright © Andrew Korybko, Global Research, 2024',
    text: `${Object.values(quotes).join('. ')}.`,
  },
  entities,
  relations,
});

/** A later article: the four criticize the Taliban again, so the collective's criticism has two articles. */
export const v2LaterArticle = (): Json => ({
  formatVersion: 2,
  article: { id: V2_LATER_ARTICLE_ID, title: 'The four again', publishedAt: '2024-11-20', sourceReliability: 'B' },
  entities: entities.filter((entity) => ['taliban', 'the-four'].includes(entity.id as string)),
  relations: [
    { type: 'CRITICIZES', source: 'the-four', target: 'taliban', quote: 'the four criticized the Taliban again' },
  ],
});

/** A v1 file: its alleged claim reads as Pakistan alleging it. */
export const v1Article = (): Json => ({
  formatVersion: 1,
  article: { id: V1_ARTICLE_ID, title: 'Pakistan blames the Taliban', publishedAt: '2024-08-01' },
  entities: entities.filter((entity) => ['pakistan', 'taliban'].includes(entity.id as string)),
  relations: [
    {
      type: 'BLAMES',
      source: 'pakistan',
      target: 'taliban',
      quote: 'Pakistan blames the Taliban for the attacks',
      modality: 'alleged',
      attributedTo: 'pakistan',
    },
  ],
});

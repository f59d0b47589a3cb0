/**
 * What GraphiQL opens with: questions about the seed article (the joint statement of China,
 * Iran, Pakistan and Russia on the Taliban, Global Research, 2024-10-03). Ids are those of
 * seed/2024-10-03-korybko-quadrilateral-statement.json.
 */
const tab = (query: string, variables?: Record<string, unknown>) => ({
  query: query.trim() + '\n',
  variables: variables ? JSON.stringify(variables, null, 2) : null,
});

export const GRAPHIQL_TABS = [
  tab(
    `
# Who criticizes the Taliban? The joint statement's criticism counts for each of its four
# issuers too (includeStatements), and Relation.via says so.
query WhoCriticizesTheTaliban {
  relations(filter: { target: "taliban", types: [CRITICIZES], includeStatements: true }) {
    totalCount
    edges {
      node {
        source { name }
        via { name }
        articleCount
        evidence { quote modality confidence article { title publishedAt } }
      }
    }
  }
}`,
  ),
  tab(
    `
# What does Pakistan allege or suspect, about whom? Claims in Pakistan's voice, with each
# claim's attribution chain (who reports whom) and whether it makes a relation.
query WhatPakistanAlleges {
  claims(filter: { holder: "pakistan", stances: [ALLEGES, SUSPECTS] }) {
    totalCount
    edges {
      node {
        type
        subject { name }
        object { name }
        attributions { order stance reportedBy holder { name } }
        evidence { quote polarity affirmative }
      }
    }
  }
}`,
  ),
  tab(
    `
# Search by name or alias, tolerant of case and typos: try "iskp", "Talibn", "pakistani taliban".
query Search($text: String!) {
  search(query: $text, first: 5) {
    id
    type
    name
    aliases
  }
}`,
    { text: 'ISKP' },
  ),
  tab(
    `
# The seed article: who wrote it, what it mentions, what it claims.
query TheSeedArticle {
  article(id: "2024-10-03-korybko-quadrilateral-statement") {
    title
    publisher
    publishedAt
    authors { name }
    entities { id type name }
    relations { type source { name } target { name } evidence { quote modality confidence attributedTo { name } demand } }
  }
}`,
  ),
  tab(
    `
# The meeting, its attendees, and what its statement demands of the Taliban.
query TheMeeting {
  entity(id: "quadrilateral-meeting-2024-09-unga") {
    name
    ... on Meeting {
      date
      location
      attendees { name }
      statements {
        name
        issuedBy { name }
        claims(types: [CALLS_ON, CRITICIZES, BLAMES]) { type target { name } evidence { quote demand } }
      }
    }
  }
}`,
  ),
  tab(
    `
# Everything between Pakistan and the Taliban, both directions, over time.
query PakistanAndTheTaliban {
  dyad(a: "pakistan", b: "taliban") {
    articleCount
    relations { type source { name } target { name } via { name } articleCount }
    timeline { date relation { type source { name } target { name } } evidence { quote modality } }
  }
}`,
  ),
  tab(
    `
# The most criticized, and how the Taliban connects to the groups it is said to shelter.
query RankingAndPath {
  ranking(type: CRITICIZES, role: TARGET, includeStatements: true) { entity { name } articleCount claimCount counterpartCount }
  path(from: "china", to: "balochistan-liberation-army") { length nodes { name } relations { type source { name } target { name } } }
  neighborhood(id: "taliban", depth: 1) { truncated nodes { name } relations { type source { name } target { name } } }
}`,
  ),
];

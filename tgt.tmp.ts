import { generateCorpus } from './src/bench/corpus.ts';
import { chooseTargets } from './src/bench/compare/query-classes.ts';
console.log(JSON.stringify(chooseTargets(generateCorpus({ articles: 1000, seed: 1 }))));

/**
 * The numbers that decide ranking and when to answer, in one place. Each was chosen by measuring the
 * evaluation sets (`npm run eval`); see README "Evaluation" for the figures.
 */
export interface Tuning {
  /** How much a word counts depending on where in a fact it stands. */
  fieldWeights: { title: number; keywords: number; questions: number; answer: number };
  /** BM25 term-frequency saturation. */
  k1: number;
  /** Weight of letter-trigram matching beside whole words: it catches inflections and typos words miss. */
  trigramWeight: number;
  /** BM25 length normalisation: a fact that mentions everything (a list of all alliances) should not win every question. */
  b: number;
  /** A corrected typo counts a little less than the word itself. */
  correctionWeight: number;
  /** Words that frame a question ("when", "сколько") say little about its subject. */
  framingWeight: number;
  /** Answer only when the best fact explains at least this share of the question's weight. */
  minCoverage: number;
  /** A fact scoring at least this share of the best may answer when the best cannot (it lacks the date asked for…). */
  candidateScoreShare: number;
  /** How many of the best-ranked facts may be tried before declining. */
  maxCandidates: number;
  /** A fact about what the question names may answer from further down, scoring at least this share of the best. */
  namedCandidateScoreShare: number;
}

export const DEFAULT_TUNING: Tuning = {
  fieldWeights: { title: 2, keywords: 2.5, questions: 1.5, answer: 1 },
  k1: 1.2,
  b: 0.5,
  trigramWeight: 0.5,
  correctionWeight: 0.85,
  framingWeight: 0.25,
  minCoverage: 0.35,
  candidateScoreShare: 0.9,
  maxCandidates: 3,
  namedCandidateScoreShare: 0.5,
};

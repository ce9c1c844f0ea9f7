import { z } from 'zod';
import { TOPICS } from '../types.ts';

const text = z.string().trim().min(1, 'must not be empty');

/** ISO date as precise as the article gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
const isoDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

const localizedFact = z.strictObject({
  title: text.max(80, 'must be at most 80 characters'),
  answer: text.max(600, 'must be at most 600 characters'),
  questions: z.array(text).min(3, 'needs at least 3 phrasings'),
  keywords: z.array(text).min(3, 'needs at least 3 keywords'),
});

export const factSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug').max(48, 'must be at most 48 characters'),
  topic: z.enum(TOPICS),
  dates: z.array(isoDate),
  /** Numbers of the article's references that back this fact. */
  refs: z.array(z.number().int().positive()),
  en: localizedFact,
  ru: localizedFact,
  kk: localizedFact,
});

export const factFileSchema = z.array(factSchema);

const localizedString = z.strictObject({ en: text, ru: text, kk: text });

export const sourceFileSchema = z.strictObject({
  article: z.strictObject({
    authors: localizedString,
    title: localizedString,
    issue: localizedString,
    year: z.number().int(),
    doi: text,
    url: z.url(),
  }),
  references: z.array(
    z.strictObject({
      number: z.number().int().positive(),
      title: text,
      url: z.url().optional(),
    }),
  ),
});

export type FactRecord = z.infer<typeof factSchema>;
export type LocalizedFact = z.infer<typeof localizedFact>;
export type SourceFile = z.infer<typeof sourceFileSchema>;

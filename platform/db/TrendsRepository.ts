import { sql, type Kysely } from 'kysely';
import { withoutJit } from './analyticsSql.js';
import type { Database } from './schema.js';

/** One term's cases on one day, and in all the days of the range before the last. */
export interface TermDay {
  day: string;
  term: string;
  mentions: number;
  /** Its rank that day, 1 = most mentioned (ties broken by the term). */
  place: number;
  /** Its mentions summed over the range's days before the last one. */
  before: number;
}

export interface DayTotal {
  day: string;
  cases: number;
}

export interface TrendRows {
  terms: TermDay[];
  /** Per day, the cases with text that day: a term's share is its mentions over these. */
  textCases: DayTotal[];
  topics: TermDay[];
  /** Per day, the cases opened: a topic's share is its cases over these. */
  openedCases: DayTotal[];
}

/**
 * Stop words: PostgreSQL's own lists (Snowball) for English, Spanish and Portuguese, asked word by
 * word through their dictionaries; words of the other languages Lifeline serves that say nothing
 * on their own are in FILLER_WORDS (core/analytics/trendTerms.ts).
 */
const NOT_A_STOP_WORD = sql`ts_lexize('english_stem', term) <> '{}'
  and ts_lexize('spanish_stem', term) <> '{}' and ts_lexize('portuguese_stem', term) <> '{}'`;
/** Han runs of two or more characters (the 'simple' parser keeps a whole unspaced phrase as one word). */
const HAN_RUN = '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}';
const HAN = '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]';

/**
 * Keyword and topic counts per local day from PostgreSQL full text. A term counts once per case
 * per day, whether it came in the case's own text or a user's line of its conversation, so one
 * talkative user does not make a trend. Spaced scripts are split by to_tsvector('simple'); Chinese
 * is cut into overlapping character pairs (bigrams), the usual way to index unspaced text without a
 * dictionary, minus pairs holding a particle or pronoun (HAN_FILLER).
 */
export class TrendsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async trends(
    range: { from: Date; to: Date; lastDay: Date; tz: string },
    words: { top: number; minMentions: number; filler: readonly string[]; hanFiller: string },
  ): Promise<TrendRows> {
    const { from, to, tz } = range;
    const dayOf = (column: string) => sql`date_trunc('day', ${sql.ref(column)}, ${tz})`;
    const docs = sql`
      select c.id as case_id, ${dayOf('c.created_at')} as day, c.text as body from cases c
      where c.created_at >= ${from} and c.created_at < ${to} and coalesce(c.text, '') <> ''
      union all
      select m.case_id, ${dayOf('m.created_at')}, m.body from messages m
      where m.created_at >= ${from} and m.created_at < ${to} and m.role = 'user' and not m.internal
        and m.body <> ''`;
    const hanPairs = sql`
      select d.day, d.case_id, substr(r.run[1], i, 2) as term
      from docs d
      cross join lateral regexp_matches(d.body, ${HAN_RUN}, 'g') r(run)
      cross join lateral generate_series(1, char_length(r.run[1]) - 1) i`;
    return withoutJit(this.db, async (tx) => {
      const { rows: terms } = await sql<TermDay>`
      with docs as (${docs}),
      words as (
        select d.day, d.case_id, w.lexeme as term
        from docs d cross join lateral unnest(to_tsvector('simple', d.body)) w
        where char_length(w.lexeme) >= 2 and w.lexeme !~ '^[0-9]+$' and w.lexeme !~ ${HAN}
        union all
        select day, case_id, term from (${hanPairs}) p where term !~ ${`[${words.hanFiller}]`}
      ),
      -- Stop words are asked for once per distinct term and day, not once per occurrence.
      counted as (
        select day, term, count(distinct case_id)::int as mentions from words group by 1, 2
        having term <> all(${[...words.filler]}::text[]) and ${NOT_A_STOP_WORD})
      ${this.ranked(range.lastDay, tz, words)}`.execute(tx);
      const { rows: textCases } = await sql<DayTotal>`
      with docs as (${docs})
      select to_char(day at time zone ${tz}, 'YYYY-MM-DD') as day, count(distinct case_id)::int as cases
      from docs group by day order by day`.execute(tx);
      const { rows: topics } = await sql<TermDay>`
      with counted as (
        select ${dayOf('created_at')} as day, category as term, count(*)::int as mentions from cases
        where created_at >= ${from} and created_at < ${to} group by 1, 2)
      ${this.ranked(range.lastDay, tz, { ...words, top: 1000 })}`.execute(tx);
      const { rows: openedCases } = await sql<DayTotal>`
      select to_char(${dayOf('created_at')} at time zone ${tz}, 'YYYY-MM-DD') as day, count(*)::int as cases
      from cases where created_at >= ${from} and created_at < ${to} group by 1 order by 1`.execute(tx);
      return { terms, textCases, topics, openedCases };
    });
  }

  /** The top terms of each day, and every term of the last day mentioned often enough to rise. */
  private ranked(lastDay: Date, tz: string, words: { top: number; minMentions: number }) {
    return sql`
      , ranked as (
        select day, term, mentions,
               row_number() over (partition by day order by mentions desc, term)::int as place,
               (coalesce(sum(mentions) filter (where day < ${lastDay}) over (partition by term), 0))::int
                 as before
        from counted)
      select to_char(day at time zone ${tz}, 'YYYY-MM-DD') as day, term, mentions, place, before
      from ranked
      where place <= ${words.top} or (day = ${lastDay} and mentions >= ${words.minMentions})
      order by day, place`;
  }
}

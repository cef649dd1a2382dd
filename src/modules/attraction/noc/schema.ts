import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Installation-wide reference: the NOC 2021 classification (every level), shared by every organisation.
export const nocClasses = pgTable(
  'noc_classes',
  {
    /** `0`, `00`, `000`, `0001`, `00010`: the level is the code's length. */
    code: text('code').primaryKey(),
    level: integer('level').notNull(),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    definitionEn: text('definition_en'),
    definitionFr: text('definition_fr'),
    /** `shipped` (Civique's subset) or `statcan` (loaded from the official file). */
    source: text('source').notNull().default('shipped'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // 516 unit groups and their parents: a sequential scan answers a title search in well under a millisecond.
  (t) => [index('noc_classes_level_idx').on(t.level, t.code)],
);

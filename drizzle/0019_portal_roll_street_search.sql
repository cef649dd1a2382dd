-- Roll type-ahead (src/modules/portal/roll/search-roll.ts): the streets of one imported roll whose words are
-- close to a query. The function sets pg_trgm's word-similarity threshold for its own execution (0.3, the
-- loosest the search uses), so that the GIN index answers `%>` without a transaction around a SET LOCAL;
-- a stricter minimum is applied on the computed score.
CREATE OR REPLACE FUNCTION portal_roll_street_candidates(org uuid, imp uuid, words text, min_score real, max_rows integer)
  RETURNS TABLE(id uuid, score real, closeness real)
  LANGUAGE sql STABLE PARALLEL SAFE
  -- A handful of streets: the planner then looks their units up by index instead of scanning the roll.
  ROWS 20
  SET pg_trgm.word_similarity_threshold = 0.3
AS $$
  SELECT s.id, word_similarity(words, s.search_text), similarity(words, s.search_text)
  FROM roll_streets s
  WHERE s.org_id = org AND s.import_id = imp AND s.search_text %> words
    AND word_similarity(words, s.search_text) >= min_score
  ORDER BY 2 DESC, 3 DESC
  LIMIT max_rows
$$;

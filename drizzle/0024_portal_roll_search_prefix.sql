-- Roll type-ahead (src/modules/portal/roll/search-roll.ts) in one PL/pgSQL function, so that each
-- connection plans its statements once (bench:roll: planning cost as much as running), and so that the
-- common case is cheap: what people type is mostly the beginning of the street's words, answered by a
-- word-boundary prefix (LIKE, trigram index) without scoring every street; the word similarity of pg_trgm
-- (typos, missing words) is computed only when no street begins as typed. The threshold is set for the
-- function's own execution (0.3, the loosest the search uses) so the GIN index answers `%>` without a
-- transaction around a SET LOCAL; a stricter minimum is applied on the computed score.
DROP FUNCTION IF EXISTS portal_roll_street_candidates(uuid, uuid, text, real, integer);--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_roll_search(org uuid, imp uuid, words text, wanted_civic integer, trailing_civic integer, min_score real, max_streets integer, max_rows integer)
  RETURNS TABLE(id uuid, year integer, matricule text, address text, lots text[], cubf text, total_value bigint, latitude double precision, longitude double precision)
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  ROWS 10
  SET pg_trgm.word_similarity_threshold = 0.3
AS $$
DECLARE
  street_ids uuid[];
BEGIN
  IF wanted_civic IS NOT NULL THEN
    -- A civic number narrows the roll to a few units (index on civic_from): only their streets are looked
    -- at, those whose words begin as typed first, the closest spellings only when none does.
    RETURN QUERY
      SELECT u.id, u.year, u.matricule, u.address_label, u.lots, u.cubf, u.total_value, u.latitude, u.longitude
      FROM roll_units u
      JOIN roll_streets s ON s.org_id = u.org_id AND s.id = u.street_id
      WHERE u.org_id = org AND u.import_id = imp AND u.civic_from = wanted_civic
        AND (' ' || s.search_text) LIKE '% ' || words || '%'
      ORDER BY word_similarity(words, s.search_text) DESC, similarity(words, s.search_text) DESC, u.matricule_key
      LIMIT max_rows;
    IF FOUND THEN RETURN; END IF;
    RETURN QUERY
      SELECT u.id, u.year, u.matricule, u.address_label, u.lots, u.cubf, u.total_value, u.latitude, u.longitude
      FROM roll_units u
      JOIN roll_streets s ON s.org_id = u.org_id AND s.id = u.street_id
      WHERE u.org_id = org AND u.import_id = imp AND u.civic_from = wanted_civic
        AND word_similarity(words, s.search_text) >= min_score
      ORDER BY word_similarity(words, s.search_text) DESC, similarity(words, s.search_text) DESC, u.matricule_key
      LIMIT max_rows;
    RETURN;
  END IF;
  -- Streets first. What people type is mostly the beginning of the street's words: a word-boundary
  -- prefix is answered through the trigram index (LIKE) without scoring every street; only a query with a
  -- typo falls back to the word similarity of the streets.
  SELECT array_agg(c.id ORDER BY c.score DESC, c.closeness DESC) INTO street_ids FROM (
    SELECT s.id, word_similarity(words, s.search_text) AS score, similarity(words, s.search_text) AS closeness
    FROM roll_streets s
    WHERE s.org_id = org AND s.import_id = imp
      AND s.search_text LIKE '%' || words || '%' AND (' ' || s.search_text) LIKE '% ' || words || '%'
    ORDER BY 2 DESC, 3 DESC LIMIT max_streets) c;
  IF street_ids IS NULL THEN
    SELECT array_agg(c.id ORDER BY c.score DESC, c.closeness DESC) INTO street_ids FROM (
      SELECT s.id, word_similarity(words, s.search_text) AS score, similarity(words, s.search_text) AS closeness
      FROM roll_streets s
      WHERE s.org_id = org AND s.import_id = imp AND s.search_text %> words
        AND word_similarity(words, s.search_text) >= min_score
      ORDER BY 2 DESC, 3 DESC LIMIT max_streets) c;
  END IF;
  IF street_ids IS NULL THEN RETURN; END IF;
  -- Then at most max_rows units of each street, in the order of the streets (a street has hundreds).
  RETURN QUERY
    SELECT u.id, u.year, u.matricule, u.address_label, u.lots, u.cubf, u.total_value, u.latitude, u.longitude
    FROM unnest(street_ids) WITH ORDINALITY AS s(street_id, rank)
    CROSS JOIN LATERAL (
      SELECT r.* FROM roll_units r
      WHERE r.org_id = org AND r.import_id = imp AND r.street_id = s.street_id
      ORDER BY coalesce(r.civic_from = trailing_civic, false) DESC, r.civic_from ASC NULLS LAST, r.matricule_key ASC
      LIMIT max_rows) u
    ORDER BY s.rank, coalesce(u.civic_from = trailing_civic, false) DESC, u.civic_from ASC NULLS LAST, u.matricule_key ASC
    LIMIT max_rows;
END
$$;

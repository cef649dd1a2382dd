-- Address search (src/platform/geo). btree_gin lets one GIN index start with org_id (a uuid) before the
-- trigram column, so search stays inside one organisation and the index fits sharding by org_id.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
-- Lower case, accents off, every run of other characters one space. unaccent() is only STABLE (its
-- dictionary could change); naming the dictionary and the schema makes the result fixed, which generated
-- columns and indexes require.
CREATE OR REPLACE FUNCTION civique_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g'));--> statement-breakpoint
-- Folded words with the short forms of street types and names expanded (St → saint, boul → boulevard …).
-- Keep in step with STREET_TYPES and NAME_ABBREVIATIONS in src/platform/geo/street-types.ts (a test checks).
-- Plain replace() of whole words (each word padded by two spaces, so that neighbours never share one) runs
-- four times faster than a word-by-word table join, and this runs twice for every address written.
CREATE OR REPLACE FUNCTION civique_address_words(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN btrim(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(' ' || replace(civique_fold(value), ' ', '  ') || ' '
      , ' st ', ' saint ')
      , ' ste ', ' sainte ')
      , ' sts ', ' saints ')
      , ' stes ', ' saintes ')
      , ' mt ', ' mont ')
      , ' pte ', ' pointe ')
      , ' aut ', ' autoroute ')
      , ' av ', ' avenue ')
      , ' ave ', ' avenue ')
      , ' boul ', ' boulevard ')
      , ' bd ', ' boulevard ')
      , ' blvd ', ' boulevard ')
      , ' boulv ', ' boulevard ')
      , ' ch ', ' chemin ')
      , ' chem ', ' chemin ')
      , ' crois ', ' croissant ')
      , ' conc ', ' concession ')
      , ' cte ', ' cote ')
      , ' dom ', ' domaine ')
      , ' imp ', ' impasse ')
      , ' mtee ', ' montee ')
      , ' mte ', ' montee ')
      , ' pl ', ' place ')
      , ' prom ', ' promenade ')
      , ' rg ', ' rang ')
      , ' rte ', ' route ')
      , ' sq ', ' square ')
      , ' terr ', ' terrasse ')
  , '  ', ' '), '  ', ' '));--> statement-breakpoint
-- The whole address folded (civic number and suffix, street, unit, municipality): ranks the addresses of one
-- street against the rest of a query (a unit typed after the street).
CREATE OR REPLACE FUNCTION civique_address_search_text(
  civic integer, suffix text, street_type text, street_name text, unit text, municipality text
) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN civique_address_words(
    civic::text || coalesce(suffix, '') || ' ' || coalesce(street_type, '') || ' ' || coalesce(street_name, '')
      || ' ' || coalesce(unit, '') || ' ' || coalesce(municipality, '')
  );--> statement-breakpoint
-- The identity of an address in its register: the same civic number, suffix, street, unit and municipality
-- however they are written. An import updates the row with the same key instead of adding another.
CREATE OR REPLACE FUNCTION civique_address_key(
  civic integer, suffix text, street_type text, street_name text, unit text, municipality text
) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN civic::text || '|' || civique_fold(coalesce(suffix, '')) || '|'
    || civique_address_words(coalesce(street_type, '') || ' ' || coalesce(street_name, '')) || '|'
    || civique_fold(coalesce(unit, '')) || '|' || civique_fold(coalesce(municipality, ''));

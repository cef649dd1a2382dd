-- Streets of the address register (src/platform/geo): search finds streets first, then civic numbers on them.
-- One street, however its type and name are written, in one municipality.
CREATE OR REPLACE FUNCTION civique_street_key(street_type text, street_name text, municipality text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN civique_address_words(coalesce(street_type, '') || ' ' || coalesce(street_name, '')) || '|'
    || civique_fold(coalesce(municipality, ''));--> statement-breakpoint
-- What trigram search compares a query with: street type, name and municipality, folded, short forms expanded.
CREATE OR REPLACE FUNCTION civique_street_search_text(street_type text, street_name text, municipality text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN civique_address_words(
    coalesce(street_type, '') || ' ' || coalesce(street_name, '') || ' ' || coalesce(municipality, '')
  );

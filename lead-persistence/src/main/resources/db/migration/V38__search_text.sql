-- Search that forgives accents, case and word order: "ceramica parana" finds "Cerâmica Paraná", "Almeida Tiago" finds
-- "Tiago Almeida". unaccent is a trusted extension (PostgreSQL 13+): the database's owner may create it.
create extension if not exists unaccent with schema public;

-- unaccent() is only STABLE (its dictionary could change); with the dictionary named, folding is a pure function.
create or replace function leadline_fold(value text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- Name, email and company folded once, when the row is written (imports and edits alike), so a search compares
-- plain text and never calls unaccent per row.
alter table lead add column search_text text generated always as (
    leadline_fold(coalesce(full_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(company, ''))) stored;

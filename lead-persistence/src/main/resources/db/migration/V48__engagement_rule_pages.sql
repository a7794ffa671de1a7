-- An engagement rule may count only the pages matching a pattern (issue 25): "/pricing*", "/docs/*".
alter table scoring_rule add column page_pattern varchar(200);

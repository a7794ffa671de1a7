-- The lead list sorts by score as well as by date: one index for each keyset order.
create index lead_score_score_idx on lead_score (score desc, lead_id desc);

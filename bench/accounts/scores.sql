-- The leads' scores: the statement an import's or rescoring's chunk is made of, here for all 1,000,000 at once.
insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage, scored_at)
select id, 1, fit + engagement, fit, engagement, 'B', 200000 + fit + engagement, stage, created from seed;

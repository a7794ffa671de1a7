-- Stepped decay stored beside the half-life (issue 29): the steps as lead-core's Decay.Stepped writes and reads them,
-- "30:50, 90:0" (older than 30 days keep 50 %, older than 90 days none). A model has a half-life, steps, or neither.
alter table scoring_model add column decay_steps varchar(500),
    add constraint scoring_model_one_decay check (half_life_days is null or decay_steps is null);

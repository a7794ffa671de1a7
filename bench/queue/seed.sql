-- 1,000,000 leads for the queue benchmark, seeded in Postgres itself (fast and repeatable: setseed).
-- 60 % stand in the sales queue (MQL, ACCEPTED, SQL) so that page 10,000 (50 a page) exists.
select setseed(0.42);
insert into app_user (username, password_hash, role) values ('bench-rep', '{noop}unused-bench-pass', 'SALES')
    on conflict do nothing;
create temporary table seed as
select nextval('lead_seq') as id, g,
       (random() * 100)::int as score,
       (array['A','B','C','D'])[1 + floor(random() * 4)::int] as grade,
       case when random() < 0.60 then (array['MQL','MQL','MQL','ACCEPTED','SQL'])[1 + floor(random() * 5)::int]
            else (array['NEW','NEW','RECYCLED','DISQUALIFIED','WON'])[1 + floor(random() * 5)::int] end as stage,
       (array['paid_search','organic_search','direct_traffic','referral','social','email'])[1 + floor(random() * 6)::int] as source,
       now() - random() * interval '90 days' as created
from generate_series(1, 1000000) g;
insert into lead (id, version, full_name, email, company, job_title, company_size, country, source, stage, owner,
                  created_at, updated_at)
select id, 0, 'Bench Lead ' || g, 'bench' || g || '@company' || (g % 50000) || '.example', 'Company ' || (g % 50000),
       (array['CEO','VP Sales','Marketing Manager','Analyst','Director'])[1 + g % 5], 10 + g % 5000, 'BR', source, stage,
       case when stage in ('ACCEPTED','SQL') then 'bench-rep' end, created, created
from seed;
insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage, scored_at, queued_at)
select id, 1, score, score, 0, grade,
       (case grade when 'A' then 3 when 'B' then 2 when 'C' then 1 else 0 end) * 100000 + 50000 + score,
       stage, created, case when stage in ('MQL','ACCEPTED','SQL') then created end
from seed;
analyze lead;
analyze lead_score;

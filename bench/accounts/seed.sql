-- 1,000,000 leads in 50,000 accounts (20 each) for the accounts benchmark, seeded in Postgres itself (setseed).
-- Titles cycle through the buying roles within each account (its 20 leads are g, g + 50,000, …); 6 % of the contacts
-- are engaged (10+ engagement points).
select setseed(0.29);
insert into app_user (username, password_hash, role) values ('bench-rep', '{noop}unused-bench-pass', 'SALES')
    on conflict do nothing;
insert into account (key, name, owner)
select 'bench company ' || g, 'Bench Company ' || g, case when g % 10 = 0 then 'bench-rep' end
from generate_series(1, 50000) g;
create temporary table seed as
select nextval('lead_seq') as id, g,
       (random() * 100)::int as fit,
       case when random() < 0.06 then 10 + (random() * 30)::int else (random() * 9)::int end as engagement,
       case when random() < 0.1 then 'DISQUALIFIED' when random() < 0.5 then 'MQL' else 'NEW' end as stage,
       (array['paid_search','organic_search','direct_traffic','referral','social','email'])[1 + floor(random() * 6)::int] as source,
       now() - random() * interval '90 days' as created
from generate_series(1, 1000000) g;
insert into lead (id, version, full_name, email, company, job_title, company_size, country, source, stage,
                  created_at, updated_at, account_id)
select s.id, 0, 'Bench Lead ' || g, 'bench' || g || '@company' || (g % 50000) || '.example', 'Bench Company ' || (1 + g % 50000),
       (array['CEO','VP Sales','Marketing Manager','Analyst','Director'])[1 + (g / 50000) % 5], 10 + g % 5000, 'BR', source, stage,
       created, created, a.id
from seed s join account a on a.key = 'bench company ' || (1 + g % 50000);

-- Marketing consent and do-not-contact per lead (issue 26). Written only by JdbcContactStatuses; the lead's JPA mapping
-- leaves these columns alone. Adding columns with constant defaults rewrites nothing (PostgreSQL 11+).
alter table lead add column consent varchar(10) check (consent in ('GIVEN', 'WITHDRAWN')),
                 add column consent_at timestamptz,
                 add column consent_source varchar(12) check (consent_source in ('FORM', 'IMPORT', 'API', 'UNSUBSCRIBE', 'PERSON')),
                 add column do_not_contact boolean not null default false,
                 add constraint lead_consent_has_when check ((consent is null) = (consent_at is null) and (consent is null) = (consent_source is null));

-- The text of the consent checkbox on public forms; no row (or a blank text) shows no checkbox.
create table privacy_setting (
    id                 integer      primary key check (id = 1),
    form_consent_text  text         not null default '',
    updated_by         varchar(100) not null,
    updated_at         timestamptz  not null
);

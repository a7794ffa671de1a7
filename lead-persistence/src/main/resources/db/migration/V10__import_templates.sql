-- Column mappings saved as templates: a file with the same headers, in the same order, is mapped the same way.
create table import_template (
    id         bigint generated always as identity primary key,
    name       varchar(100) not null,
    headers    text[]       not null,
    fields     text[]       not null,
    created_by varchar(100) not null,
    created_at timestamptz  not null,
    constraint import_template_name_key unique (name),
    constraint import_template_same_length check (cardinality(headers) = cardinality(fields))
);

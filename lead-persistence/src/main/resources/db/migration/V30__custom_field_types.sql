-- The type of each custom field (text, number, date), told from its values when an import brings them
-- (FieldTypes.detect) or when an admin asks on the fields page.
create table custom_field (
    key        text        primary key,
    type       text        not null check (type in ('TEXT', 'NUMBER', 'DATE')),
    checked_at timestamptz not null
);

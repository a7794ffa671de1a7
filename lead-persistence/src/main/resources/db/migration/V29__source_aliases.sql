-- Sources an admin merged into others (google_ads -> paid_search). Keys are folded as lead.source is; no alias
-- points to another alias (SourceAliases.merging keeps them flat).
create table source_alias (
    alias      text        primary key,
    source     text        not null check (source <> alias),
    merged_by  text        not null,
    merged_at  timestamptz not null
);

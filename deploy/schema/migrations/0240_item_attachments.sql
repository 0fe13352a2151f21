-- Attachments (scanned letters, photos, documents) of tickets, legal-aid cases and visits: the default attachment store
-- (client-web/Attachments/PostgresAttachmentStore). One row per file, written by one insert, so a failed write leaves
-- nothing; the item records each upload as an attachment_added event, and a row the item has not recorded is never
-- served. The content type is the one the bytes showed (checked at upload), never the one the client declared.
create table item_attachments (
    id           uuid primary key,
    item_type    text not null,
    item_id      uuid not null,
    file_name    text not null,
    content_type text not null,
    size_bytes   bigint not null check (size_bytes > 0),
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by  text not null,
    uploaded_at  timestamptz not null,
    content      bytea not null
);
create index item_attachments_item on item_attachments (item_type, item_id, uploaded_at);
-- Scans and photos are compressed already: keep them out of line without another compression attempt.
alter table item_attachments alter column content set storage external;

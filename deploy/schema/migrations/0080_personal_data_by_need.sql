-- Personal data by need (PIPL): opaque person ids, and the access log of every full value revealed.

-- The key of the opaque person ids (p_...): 32 random bytes made once per installation. Silo and web read it at
-- start; without it a person id cannot be traced back to an ID or phone number by trying them all.
create table person_id_key (
    singleton  boolean primary key default true check (singleton),
    key        bytea not null check (length(key) = 32),
    created_at timestamptz not null default now()
);
insert into person_id_key (key)
values (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Each reveal: which field of which item, for what purpose, from which address. Written before the value is shown.
alter table personal_data_access_log
    add column item_type      text,
    add column field          text,
    add column purpose        text,
    add column note           text,
    add column client_address text;
create index personal_data_access_log_time on personal_data_access_log (accessed_at desc, id desc);
create index personal_data_access_log_user on personal_data_access_log (user_id, accessed_at desc);

-- Append-only for everyone, the table's owner included: rows can be added, never changed or removed.
create function personal_data_access_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'personal_data_access_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger personal_data_access_log_no_update_delete
    before update or delete on personal_data_access_log
    for each row execute function personal_data_access_log_append_only();
create trigger personal_data_access_log_no_truncate
    before truncate on personal_data_access_log
    for each statement execute function personal_data_access_log_append_only();

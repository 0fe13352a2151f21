-- Reference data: the city, its county-level areas, their towns, and the service units.
-- Loaded from deploy/reference-data/jiaxing.json into an empty database; afterwards an
-- administrator changes units through the API, and every change bumps "version".
create table areas (
    code       text primary key check (code ~ '^[0-9]{6}$'),
    name       text not null,
    name_en    text not null,
    level      text not null check (level in ('city', 'county')),
    sort_order integer not null
);

create table towns (
    code        text primary key check (code ~ '^[0-9]{9}$'),
    county_code text not null references areas (code),
    name        text not null,
    name_en     text not null,
    kind        text not null check (kind in ('town', 'subdistrict'))
);
create index towns_county on towns (county_code);

create table units (
    code       text primary key,
    name       text not null,
    name_en    text not null,
    kind       text not null check (kind in ('centre', 'legal_aid', 'rehab')),
    area_code  text not null references areas (code),
    phone      text,
    address    text,
    active     boolean not null default true,
    version    integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by text not null
);
create index units_area_kind on units (area_code, kind);

create table reference_data_loads (
    file_name    text not null,
    file_version integer not null,
    loaded_at    timestamptz not null default now(),
    primary key (file_name, file_version)
);

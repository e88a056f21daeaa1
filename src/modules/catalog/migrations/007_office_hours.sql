-- Office hours per agency (blocks, reception cut-off); null = the default 07:00–11:30, 13:30–17:00, 15:00.
alter table agencies add column office_hours jsonb;

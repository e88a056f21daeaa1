-- Signed checkpoints of the audit chain heads (module audit; issue 12, item 8). Each row is a
-- statement "at taken_at, chain c ended at seq s with hash h" for every chain, signed with the
-- province seal (CMS, detached over payload's UTF-8 bytes), time-stamped when TSA_URL is set. The
-- same record is written as a file to AUDIT_CHECKPOINT_DIR, so that a rewind of the database does
-- not erase it. Append-only like the log it vouches for.
create table audit_checkpoints (
  id uuid primary key,
  taken_at timestamptz not null,
  -- canonical JSON: {"heads":[{"chain":0,"hash":"<hex>","seq":12},…],"id":…,"takenAt":…,"type":"motcua.audit.checkpoint","v":1}
  payload text not null,
  cms bytea not null,
  timestamped boolean not null
);
create index audit_checkpoints_taken on audit_checkpoints (taken_at);

create function audit_checkpoints_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_checkpoints is append-only';
end;
$$;
create trigger audit_checkpoints_no_change before update or delete on audit_checkpoints
  for each row execute function audit_checkpoints_append_only();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function audit_checkpoints_append_only();

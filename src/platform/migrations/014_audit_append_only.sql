-- The audit tables are append-only in the database, not only by convention (issue 12, item 8).
--  * audit_log: UPDATE and DELETE were refused row by row (001); TRUNCATE is refused too.
--  * audit_heads: a chain's head only moves forward, one entry at a time: the same chain, seq + 1
--    (checked at once), and at commit the entry of that seq must be in audit_log with the head's new
--    hash (a deferred check: the head is taken before its entry is inserted, in one statement). No
--    INSERT, DELETE or TRUNCATE.
-- A superuser (or the tables' owner) can still switch triggers off (`set session_replication_role =
-- replica`, `alter table … disable trigger`) and cut a chain's tail; the signed checkpoints of the
-- chain heads (module `audit`, kept in audit_checkpoints and as files) let `motcua audit verify`
-- detect it. See README, "Audit log".

create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

create function audit_heads_forward_only() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'audit_heads is append-only: % refused', tg_op;
  end if;
  if new.chain <> old.chain or new.seq <> old.seq + 1 then
    raise exception 'audit_heads: chain % may only move forward by one entry (seq % to %)', old.chain, old.seq, new.seq;
  end if;
  return new;
end;
$$;
create trigger audit_heads_forward before update or delete or insert on audit_heads
  for each row execute function audit_heads_forward_only();
create trigger audit_heads_no_truncate before truncate on audit_heads
  for each statement execute function audit_heads_forward_only();

create function audit_heads_entry_exists() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from audit_log where chain = new.chain and seq = new.seq and hash = new.hash) then
    raise exception 'audit_heads: no entry of chain % at seq % with the head''s hash', new.chain, new.seq;
  end if;
  return null;
end;
$$;
create constraint trigger audit_heads_entry after update on audit_heads
  deferrable initially deferred
  for each row execute function audit_heads_entry_exists();

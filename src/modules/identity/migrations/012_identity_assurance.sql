-- Identity assurance: a self-registered citizen account is "basic" until its ID number is verified (at
-- the counter by an officer who saw the ID card, by the national identity sign-in, or by a match in the
-- population database). Several basic accounts may claim one ID number, so registering does not tell
-- whether the number has an account; only one account per ID number may be verified.
alter table users add column assurance text not null default 'basic' check (assurance in ('basic', 'verified'));
alter table users add column verified_by text check (verified_by in ('counter', 'vneid', 'population_db'));
alter table users add column verified_at timestamptz;
alter table users add column verified_by_user uuid references users (id);
alter table users add check (kind = 'citizen' or assurance = 'basic');
alter table users add check ((assurance = 'verified') = (verified_at is not null and verified_by is not null));
update users set assurance = 'basic' where kind = 'officer';

alter table users drop constraint users_username_key;
alter table users drop constraint users_id_number_key;
create unique index users_officer_username on users (username) where kind = 'officer';
create unique index users_verified_id_number on users (id_number) where assurance = 'verified';
create index users_id_number on users (id_number, created_at desc) where kind = 'citizen';

-- Failed sign-ins are counted per name tried (existing account or not), in one row updated atomically:
-- an attempt takes its number before the password is checked, so parallel guesses cannot all be checked.
-- The name is kept only as a SHA-256.
create table login_attempts (
  login_hash bytea primary key,
  failures integer not null,
  locked_until timestamptz,
  updated_at timestamptz not null
);
create index login_attempts_updated on login_attempts (updated_at);
alter table users drop column failed_logins;
alter table users drop column locked_until;

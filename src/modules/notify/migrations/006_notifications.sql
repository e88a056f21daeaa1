-- split from: 006_lifecycle.sql sha256:826ffbc3bbd573ff1aa492a8267815d7baaafa17b12c9b4fb3e503a6652ca58b
-- (the notifications part; a database that applied 006_lifecycle.sql already has it)
-- In-app notifications; e-mail and SMS deliveries will be rows of their own channel, sent by a job.
create table notifications (
  id bigserial primary key,
  user_id uuid not null references users (id),
  dossier_id uuid references dossiers (id),
  kind text not null,
  channel text not null default 'in_app' check (channel in ('in_app', 'email', 'sms')),
  title_vi text not null,
  title_en text not null,
  body_vi text not null,
  body_en text not null,
  created_at timestamptz not null,
  delivered_at timestamptz,
  read_at timestamptz
);
create index notifications_user on notifications (user_id, id desc);

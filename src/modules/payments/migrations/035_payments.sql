-- Payments (module payments, issue 16): the payee account of each agency, the payment requests carried
-- by the officer's `request_payment` action, and the payments made against them on each channel.

-- Where an agency's fees are paid to (a State Treasury account). `agency_id` '*' is the province's
-- default for agencies without their own.
create table payee_accounts (
  agency_id text primary key,
  bank_name text not null,
  account_number text not null,
  account_name text not null
);

-- One per `request_payment` event of a dossier (its history seq): items and total as the officer
-- asked, the payee, the deadline. `settled_payment_id` is the one payment that settled it.
create table payment_requests (
  id uuid primary key,
  dossier_id uuid not null,
  dossier_code text not null,
  request_seq integer not null,
  applicant_id uuid,
  agency_id text not null,
  procedure_code text not null,
  items jsonb not null,
  total_vnd bigint not null check (total_vnd > 0),
  payee jsonb not null,
  requested_at timestamptz not null,
  due_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'settled', 'cancelled')),
  settled_payment_id uuid,
  settled_at timestamptz,
  unique (dossier_id, request_seq)
);

-- A payment on a channel. `txn_ref` is what the channel knows it by (vnp_TxnRef, MaThamChieu).
-- `excess`: confirmed for a request another payment had already settled (owed back: a refund).
create table payments (
  id uuid primary key,
  request_id uuid not null references payment_requests (id),
  dossier_id uuid not null,
  channel text not null check (channel in ('vnpay', 'paygov', 'counter')),
  amount_vnd bigint not null check (amount_vnd > 0),
  status text not null check (status in ('pending', 'confirmed', 'failed', 'cancelled', 'refunded')),
  txn_ref text not null unique,
  channel_txn_no text,
  created_by uuid,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  finished_at timestamptz,
  excess boolean not null default false,
  failure_code text,
  last_query_at timestamptz
);
create index payments_dossier on payments (dossier_id);
create index payments_pending on payments (created_at) where status = 'pending';
create index payments_confirmed_day on payments (confirmed_at) where status = 'confirmed';

insert into payee_accounts (agency_id, bank_name, account_number, account_name)
values ('*', 'Kho bạc Nhà nước Quảng Trị', '3511.0.1053744.00000', 'Thu phí, lệ phí thủ tục hành chính tỉnh Quảng Trị');

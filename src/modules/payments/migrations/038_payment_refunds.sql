-- Refunds of overpayments (issue 16): why, who, when, and the signed receipt of the refund.
alter table payments add column refund_reason text;
alter table payments add column refunded_by uuid;
alter table payments add column refunded_at timestamptz;
alter table payments add column refund_document_id uuid;

-- Electronic receipts of fees and charges (issue 16): a signed document kind of its own, made for the
-- payments module and filed in the payer's personal store.
alter table signed_documents drop constraint signed_documents_kind_check;
alter table signed_documents add constraint signed_documents_kind_check
  check (kind in ('form_01', 'form_02', 'form_03', 'form_04', 'form_05', 'stop_notice', 'result', 'certified_copy', 'receipt'));

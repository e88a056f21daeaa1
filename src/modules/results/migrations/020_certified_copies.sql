-- Electronic certified copies (chứng thực bản sao điện tử từ bản chính) are signed documents of their
-- dossier, issued by the counter officer who saw the original and sealed by the agency.
alter table signed_documents drop constraint signed_documents_kind_check;
alter table signed_documents add constraint signed_documents_kind_check
  check (kind in ('form_01', 'form_02', 'form_03', 'form_04', 'form_05', 'stop_notice', 'result', 'certified_copy'));
create index signed_documents_certified on signed_documents (created_at) where kind = 'certified_copy';

-- A certified copy names the scan it was made from, and a scan is certified once: a second request for
-- the same scan (a double click, a reload) is refused instead of issuing a second copy.
alter table signed_documents add column source_file_id uuid;
create unique index signed_documents_one_copy_per_scan on signed_documents (dossier_id, source_file_id)
  where kind = 'certified_copy' and source_file_id is not null;

-- Uploads kept only while they serve: attached_at is set when a file is first attached to a dossier
-- (intake, supplement) or filed in the applicant's personal document store; uploads never attached
-- are deleted by the `files.purge-orphans` job after UPLOAD_ORPHAN_HOURS. The quota sums sizes per owner.
alter table files add column attached_at timestamptz;
-- One-off backfill of the files already in use (read-only use of the other modules' link tables, here only).
update files set attached_at = created_at
where id in (select file_id from dossier_files) or id in (select file_id from personal_documents);
create index files_orphans on files (created_at) where attached_at is null;

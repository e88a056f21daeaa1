-- A dossier's files carry the facts of the uploads they attach (uploads are immutable and addressed by
-- their content, so a copy stays true): the dossiers module reads only its own tables, and an action
-- still reads a dossier, its history and its files in one statement. Filled from the upload when it is
-- attached; the rows attached before this migration are filled here, once.
alter table dossier_files
  add column sha256 text,
  add column size bigint,
  add column media_type text,
  add column name text;
update dossier_files df set sha256 = f.sha256, size = f.size, media_type = f.media_type, name = f.name
  from files f where f.id = df.file_id;
alter table dossier_files
  alter column sha256 set not null,
  alter column size set not null,
  alter column media_type set not null;

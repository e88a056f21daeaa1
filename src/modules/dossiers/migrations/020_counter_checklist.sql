-- The generic counter form (issue 13): each component received at the counter, in which form (original,
-- copy, certified copy) and how many; and each attached scan's page count (digitisation records the
-- pages; null for files attached before this, and for uploads that are not scans at the counter).
create table dossier_components (
  dossier_id uuid not null references dossiers (id),
  component_code text not null,
  form text not null check (form in ('original', 'copy', 'certified_copy')),
  copies integer not null check (copies between 1 and 50),
  primary key (dossier_id, component_code)
);
alter table dossier_files add column pages integer check (pages is null or pages >= 0);

-- Decision 766 digitisation from real facts (issue 13): dossiers received digitised (online, or every
-- component scanned at the counter), dossiers that reused a stored document, certified-copy requests
-- received and those given an electronic certified copy. Rows folded before this count 0 here until
-- `npx motcua ioc rebuild` recomputes them from the histories.
alter table ioc_rollups
  add column digitised integer not null default 0,
  add column reused integer not null default 0,
  add column certified_requested integer not null default 0,
  add column certified_electronic integer not null default 0;

-- split from: 009_ioc.sql sha256:af6682c30433aee161e292b310a7af605e71e2dfde6faa2042bc33ded588b839
-- (the dossier indexes for the IOC drill-downs; a database that applied 009_ioc.sql already has it)
-- Overdue open dossiers are derived when asked (overdue is never a status): the open ones by due date.
create index dossiers_open_due on dossiers (due_at)
  include (handling_agency_id, procedure_code, commune_code, paused_at)
  where status in (2, 4, 5, 6, 7) and result_at is null;

-- The drill-down to the late dossiers themselves: those whose result came after their due date, by when.
create index dossiers_settled_late on dossiers (result_at)
  include (handling_agency_id, procedure_code, commune_code)
  where result_at > due_at;

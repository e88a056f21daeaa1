-- A work queue filtered to one status (the desk's "to receive" inbox: status 1, whose due dates are
-- still empty and sort last) is read in (due_at, id) order straight from this index instead of
-- walking the whole queue of the agency and role and filtering (measured: 17,000 rows read for a page
-- of the provincial centre's desk at 1M dossiers).
create index dossiers_workqueue_status on dossiers (assignee_agency_id, assignee_role, status, due_at, id)
  where status in (1, 2, 4, 5, 6, 7, 9);

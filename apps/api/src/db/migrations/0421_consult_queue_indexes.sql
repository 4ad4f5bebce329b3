-- The coordinator's incoming queue (GET /api/consults?view=incoming, issue 7 scenario 3): the page query
-- filters `target_institution_id = $1 and status <> 'draft'` and orders by due date (default) or by
-- creation. consults_target_idx (target, status, due_at) serves a status filter but not the unfiltered
-- queue, which then sorted every consult a busy hospital ever received (tens of thousands of rows at
-- 10^6 consults). These two partial indexes return the first page in order, 20 rows read.
create index consults_incoming_due_idx on consults(target_institution_id, due_at, created_at desc, id) where status <> 'draft';
create index consults_incoming_created_idx on consults(target_institution_id, created_at desc, id) where status <> 'draft';

-- The "overdue" filter of the consult queues (issue 7 scenario 3): open consults past their due check.
-- Without it a busy hospital's overdue count read every consult it ever received from the heap
-- (46,000 rows, 250 ms cold at 10^6 consults) to keep the few overdue ones.
create index consults_incoming_overdue_idx on consults(target_institution_id, due_at)
  where overdue_at is not null and status in ('submitted','assigned','scheduled','in_progress');

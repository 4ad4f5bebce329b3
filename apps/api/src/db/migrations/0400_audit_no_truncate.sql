-- The append-only trigger of 0001 fires per row, so TRUNCATE (which fires no row triggers) could
-- still empty the audit log and leave an empty — "valid" — chain. Refuse TRUNCATE too.
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();

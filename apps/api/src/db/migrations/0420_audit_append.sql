-- One round trip per audit append (issue 7, scenario 2): take the chain lock, read the head and insert
-- the chained row in one call. A plpgsql function rather than one CTE statement: in READ COMMITTED a
-- single statement reads with the snapshot taken when it starts, i.e. before the lock is granted, and
-- would miss a head committed by the previous lock holder (forking the chain); each statement inside a
-- volatile function takes a fresh snapshot, so the head read after the lock is the committed head.
-- The hash is sha256(prev_hash || '|' || canonical JSON of the content); the canonical JSON is built
-- by the application (audit-chain.ts canonicalJson), so `npm run audit:verify` recomputes it unchanged.
create function audit_append(
  p_at timestamptz, p_actor_user_id uuid, p_actor_username text, p_actor_institution_id uuid,
  p_action text, p_entity_type text, p_entity_id text, p_patient_id uuid, p_ip text, p_details jsonb,
  p_canonical text
) returns bigint
language plpgsql volatile as $$
declare
  v_prev text;
  v_id bigint;
begin
  perform pg_advisory_xact_lock(4242001);
  select hash into v_prev from audit_events order by id desc limit 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  insert into audit_events (at, actor_user_id, actor_username, actor_institution_id, action, entity_type,
      entity_id, patient_id, ip, details, prev_hash, hash)
    values (p_at, p_actor_user_id, p_actor_username, p_actor_institution_id, p_action, p_entity_type,
      p_entity_id, p_patient_id, p_ip, p_details, v_prev,
      encode(sha256(convert_to(v_prev || '|' || p_canonical, 'UTF8')), 'hex'))
    returning id into v_id;
  return v_id;
end
$$;

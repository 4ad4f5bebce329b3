-- Teleconsultation (远程会诊): requests, routing, live appointments, thread, signed report, close-out,
-- escalation chain, response targets. Column meanings: docs/consults.md.
create table consults (
  id uuid primary key default gen_random_uuid(),
  requester_institution_id uuid not null references institutions(id),
  requester_user_id uuid not null references users(id),
  patient_id uuid not null references patients(id),
  consent_id uuid references consents(id),
  kind text not null check (kind in ('general','mdt','imaging','ecg','pathology')),
  mode text not null check (mode in ('async','live')),
  urgency text not null check (urgency in ('routine','urgent','emergency')),
  status text not null default 'draft'
    check (status in ('draft','submitted','assigned','scheduled','in_progress','answered','closed','declined','cancelled','escalated')),
  target_institution_id uuid references institutions(id),
  target_department_id uuid references departments(id),
  target_expert_user_id uuid references users(id),
  assigned_expert_user_id uuid references users(id),
  agreement_id uuid references agreements(id),
  chief_complaint text not null default '',
  history text not null default '',
  findings text not null default '',
  diagnoses jsonb not null default '[]'::jsonb,
  question text not null default '',
  submitted_at timestamptz,
  first_response_at timestamptz,
  answered_at timestamptz,
  closed_at timestamptz,
  due_at timestamptz,
  due_measure text check (due_measure in ('first_response','report')),
  paused_ms bigint not null default 0,
  info_requested_at timestamptz,
  overdue_at timestamptz,
  escalated_from_id uuid references consults(id),
  chain_root_id uuid not null,
  decline_reason text,
  cancel_reason text,
  escalation_reason text,
  closeout_useful boolean,
  closeout_referral text check (closeout_referral in ('avoided','still_needed','newly_prompted','not_considered')),
  closeout_comment text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version int not null default 1,
  check (status = 'draft' or target_institution_id is not null),
  check (status <> 'closed' or (closeout_useful is not null and closeout_referral is not null))
);
create index consults_requester_idx on consults(requester_institution_id, status, created_at desc);
create index consults_target_idx on consults(target_institution_id, status, due_at);
create index consults_expert_idx on consults(assigned_expert_user_id, status) where assigned_expert_user_id is not null;
create index consults_chain_idx on consults(chain_root_id);
create index consults_patient_idx on consults(patient_id);
create unique index consults_escalated_from_idx on consults(escalated_from_id) where escalated_from_id is not null;

-- Append-only history of every transition (written in the same transaction); KPIs read it.
create table consult_events (
  id bigserial primary key,
  consult_id uuid not null references consults(id),
  at timestamptz not null,
  actor_user_id uuid references users(id),
  actor_institution_id uuid references institutions(id),
  action text not null,
  from_status text,
  to_status text,
  details jsonb not null default '{}'::jsonb
);
create index consult_events_consult_idx on consult_events(consult_id, id);
create index consult_events_at_idx on consult_events(at);
create function consult_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'consult_events is append-only';
end;
$$;
create trigger consult_events_no_update before update or delete on consult_events
  for each row execute function consult_events_append_only();

create table consult_messages (
  id uuid primary key default gen_random_uuid(),
  consult_id uuid not null references consults(id),
  author_user_id uuid references users(id),
  author_institution_id uuid references institutions(id),
  kind text not null check (kind in ('message','info_request','info_response')),
  body text not null,
  created_at timestamptz not null
);
create index consult_messages_consult_idx on consult_messages(consult_id, created_at);

create table consult_reports (
  consult_id uuid primary key references consults(id),
  impression text not null,
  recommendations text not null,
  referral_advised boolean not null default false,
  referral_institution_id uuid references institutions(id),
  referral_note text,
  author_user_id uuid not null references users(id),
  updated_at timestamptz not null,
  signed_at timestamptz,
  signed_by uuid references users(id)
);
-- A signed report is immutable; corrections are addenda.
create function consult_reports_signed_immutable() returns trigger language plpgsql as $$
begin
  if old.signed_at is not null then
    raise exception 'a signed consult report is immutable' using errcode = '23514';
  end if;
  return new;
end;
$$;
create trigger consult_reports_immutable before update or delete on consult_reports
  for each row execute function consult_reports_signed_immutable();

create table consult_report_addenda (
  id uuid primary key default gen_random_uuid(),
  consult_id uuid not null references consult_reports(consult_id),
  body text not null,
  author_user_id uuid not null references users(id),
  created_at timestamptz not null
);
create index consult_report_addenda_idx on consult_report_addenda(consult_id, created_at);

-- Expert availability (slots). Slots of one expert never overlap (checked under a per-expert lock).
create table expert_slots (
  id uuid primary key default gen_random_uuid(),
  expert_user_id uuid not null references users(id),
  institution_id uuid not null references institutions(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  check (ends_at > starts_at)
);
create index expert_slots_expert_idx on expert_slots(expert_user_id, starts_at);
create function expert_slots_no_overlap() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext('expert_slots:' || new.expert_user_id::text));
  if exists (select 1 from expert_slots s where s.expert_user_id = new.expert_user_id and s.id <> new.id
               and s.starts_at < new.ends_at and new.starts_at < s.ends_at) then
    raise exception 'overlapping availability for expert %', new.expert_user_id using errcode = '23P01', constraint = 'expert_slots_no_overlap';
  end if;
  return new;
end;
$$;
create trigger expert_slots_no_overlap before insert or update on expert_slots
  for each row execute function expert_slots_no_overlap();

-- Live appointments: one active appointment per slot (no double booking) and per consult.
create table consult_appointments (
  id uuid primary key default gen_random_uuid(),
  consult_id uuid not null references consults(id),
  slot_id uuid not null references expert_slots(id),
  expert_user_id uuid not null references users(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'active' check (status in ('active','cancelled')),
  requester_confirmed_at timestamptz,
  expert_confirmed_at timestamptz,
  join_url text not null,
  created_at timestamptz not null
);
create unique index consult_appointments_slot_active_idx on consult_appointments(slot_id) where status = 'active';
create unique index consult_appointments_consult_active_idx on consult_appointments(consult_id) where status = 'active';

-- Response targets per urgency: the row with agreement_id null is the default; a row for an agreement overrides it.
create table consult_response_targets (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid references agreements(id),
  urgency text not null check (urgency in ('routine','urgent','emergency')),
  measure text not null check (measure in ('first_response','report')),
  minutes int not null check (minutes > 0)
);
create unique index consult_response_targets_idx
  on consult_response_targets(coalesce(agreement_id, '00000000-0000-0000-0000-000000000000'::uuid), urgency);
insert into consult_response_targets (agreement_id, urgency, measure, minutes) values
  (null, 'emergency', 'first_response', 30),
  (null, 'urgent', 'report', 1440),
  (null, 'routine', 'report', 4320);

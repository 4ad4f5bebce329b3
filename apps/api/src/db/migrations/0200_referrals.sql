-- Two-way referral (双向转诊): referrals, their append-only event log, bed reservations that expire,
-- down-referral follow-up visits, configurable green-channel categories and per-institution settings.

create table referral_green_categories (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_zh text not null,
  name_en text not null,
  -- Minutes the receiver has to accept or decline before the case escalates.
  response_minutes int not null default 30 check (response_minutes between 5 and 1440),
  active boolean not null default true,
  sort int not null default 0
);
insert into referral_green_categories (code, name_zh, name_en, response_minutes, sort) values
  ('critical', '危急重症', 'Critical illness', 30, 1),
  ('stroke', '急性卒中', 'Acute stroke', 30, 2),
  ('chest_pain', '急性胸痛', 'Acute chest pain', 30, 3),
  ('critical_maternal', '危重孕产妇', 'Critical maternal case', 30, 4),
  ('critical_neonatal', '危重新生儿', 'Critical neonatal case', 30, 5),
  ('rare_disease', '罕见病', 'Rare disease', 30, 6);

-- institution_id null = the network-wide default; a receiving institution's own row overrides it.
create table referral_settings (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid references institutions(id),
  bed_hold_minutes int not null default 720 check (bed_hold_minutes between 15 and 10080),
  open_loop_days int not null default 30 check (open_loop_days between 1 and 365),
  follow_up_grace_days int not null default 3 check (follow_up_grace_days between 0 and 60),
  updated_at timestamptz not null default now()
);
create unique index referral_settings_institution_idx
  on referral_settings(coalesce(institution_id, '00000000-0000-0000-0000-000000000000'::uuid));
insert into referral_settings (institution_id) values (null);

create table referrals (
  id uuid primary key default gen_random_uuid(),
  number bigserial not null unique,
  patient_id uuid not null references patients(id),
  from_institution_id uuid not null references institutions(id),
  from_department_id uuid references departments(id),
  to_institution_id uuid not null references institutions(id),
  to_department_id uuid not null references departments(id),
  created_by uuid not null references users(id),
  direction text not null check (direction in ('up','down','lateral')),
  green_channel boolean not null default false,
  green_category text references referral_green_categories(code),
  urgency text not null check (urgency in ('routine','urgent','emergency')),
  status text not null default 'draft' check (status in
    ('draft','submitted','accepted','declined','bed_reserved','in_transit','arrived','admitted','discharged','closed','cancelled')),
  -- Active agreement linking the two institutions, resolved at submission (null when none).
  agreement_id uuid references agreements(id),
  -- The consult whose report advised the referral (consults domain; no foreign key across areas).
  consult_id uuid,
  reason text not null,
  diagnoses jsonb not null default '[]'::jsonb,
  summary text not null,
  consent_id uuid references consents(id),
  attachment_ids uuid[] not null default '{}',
  follow_up_plan jsonb,
  response_due_at timestamptz,
  escalated_at timestamptz,
  submitted_at timestamptz,
  decided_at timestamptz,
  accepted boolean,
  acceptance_plan text check (acceptance_plan in ('admission','outpatient')),
  appointment_at timestamptz,
  accept_note text,
  decline_reason text,
  alternative text,
  transport text check (transport in ('self','ambulance')),
  departure_at timestamptz,
  in_transit_at timestamptz,
  arrived_at timestamptz,
  admitted_at timestamptz,
  discharged_at timestamptz,
  discharge_summary jsonb,
  loop_closed_at timestamptz,
  loop_flagged_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  version int not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (from_institution_id <> to_institution_id),
  check (green_channel = (green_category is not null))
);
create index referrals_to_idx on referrals(to_institution_id, status, green_channel, submitted_at);
create index referrals_from_idx on referrals(from_institution_id, status, created_at);
create index referrals_patient_idx on referrals(patient_id);
create index referrals_submitted_at_idx on referrals(submitted_at) where submitted_at is not null;

-- Append-only: one row per transition, written in the same transaction (the metrics read these).
create table referral_events (
  id bigserial primary key,
  referral_id uuid not null references referrals(id),
  at timestamptz not null,
  actor_user_id uuid references users(id),
  actor_institution_id uuid references institutions(id),
  action text not null,
  from_status text,
  to_status text,
  details jsonb not null default '{}'::jsonb
);
create index referral_events_referral_idx on referral_events(referral_id, id);
create index referral_events_at_idx on referral_events(at);
create function referral_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'referral_events is append-only';
end;
$$;
create trigger referral_events_no_update before update or delete on referral_events
  for each row execute function referral_events_append_only();

-- A bed is held for a referral until the patient is admitted (then occupied) or the hold expires.
-- The partial unique indexes are what makes double-booking impossible, whatever the application does.
create table bed_reservations (
  id uuid primary key default gen_random_uuid(),
  referral_id uuid not null references referrals(id),
  bed_id uuid not null references beds(id),
  ward_id uuid not null references wards(id),
  status text not null check (status in ('held','occupied','released','expired')),
  held_at timestamptz not null,
  expires_at timestamptz,
  ended_at timestamptz,
  created_by uuid references users(id)
);
create unique index bed_reservations_one_per_bed on bed_reservations(bed_id) where status in ('held','occupied');
create unique index bed_reservations_one_per_referral on bed_reservations(referral_id) where status in ('held','occupied');
create index bed_reservations_ward_idx on bed_reservations(ward_id) where status in ('held','occupied');
create index bed_reservations_expiry_idx on bed_reservations(expires_at) where status = 'held';

create table referral_follow_up_visits (
  id uuid primary key default gen_random_uuid(),
  referral_id uuid not null references referrals(id),
  seq int not null,
  due_on date not null,
  purpose text not null,
  done_at timestamptz,
  done_on date,
  done_by uuid references users(id),
  notes text,
  missed_at timestamptz,
  version int not null default 1,
  unique (referral_id, seq)
);
create index referral_follow_up_due_idx on referral_follow_up_visits(due_on) where done_at is null;

-- Patients: one person is one patient across institutions (matched by a keyed hash of the resident ID).
-- The resident ID itself is stored only encrypted (AES-256-GCM); institutions see a patient only through
-- a patient_access row (their own registration, a consult or a referral).
create table patients (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  sex text not null check (sex in ('male','female','unknown')),
  birth_date date not null,
  phone text,
  resident_id_enc text,
  resident_id_hash text unique,
  resident_id_last4 text,
  registered_by_institution_id uuid not null references institutions(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index patients_name_idx on patients(name);

create table patient_access (
  patient_id uuid not null references patients(id),
  institution_id uuid not null references institutions(id),
  reason text not null check (reason in ('registration','consult','referral')),
  source_id uuid,
  granted_at timestamptz not null default now()
);
-- One row per (patient, institution, reason, source); nulls in source_id compare equal via coalesce.
create unique index patient_access_unique_idx
  on patient_access(patient_id, institution_id, reason, coalesce(source_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index patient_access_institution_idx on patient_access(institution_id, patient_id);

create table consents (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references patients(id),
  scope text not null check (scope in ('consultation','referral')),
  method text not null check (method in ('signed_form','verbal_witnessed')),
  witness_name text,
  document_id uuid,
  recorded_by uuid not null references users(id),
  institution_id uuid not null references institutions(id),
  recorded_at timestamptz not null,
  check (method <> 'verbal_witnessed' or witness_name is not null)
);
create index consents_patient_idx on consents(patient_id, recorded_at);

-- Attachments: metadata over a content-addressed file store (files named by their SHA-256).
create table attachments (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text not null,
  mime text not null,
  size bigint not null check (size >= 0),
  uploaded_by uuid not null references users(id),
  institution_id uuid not null references institutions(id),
  patient_id uuid references patients(id),
  owner_type text,
  owner_id uuid,
  created_at timestamptz not null default now(),
  check ((owner_type is null) = (owner_id is null))
);
create index attachments_owner_idx on attachments(owner_type, owner_id);
create index attachments_patient_idx on attachments(patient_id) where patient_id is not null;

alter table consents add constraint consents_document_fk foreign key (document_id) references attachments(id);

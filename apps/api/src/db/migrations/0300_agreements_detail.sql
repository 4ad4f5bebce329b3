-- Agreements in full: description, cooperation areas, signed document, ending; phases, targets,
-- amendment history and manual KPI adjustments (figures are computed from events; an adjustment
-- is a separate entry with reason and author).
alter table agreements add column description_zh text;
alter table agreements add column description_en text;
alter table agreements add column areas text[] not null default '{}';
alter table agreements add column document_attachment_id uuid;
alter table agreements add column ended_on date;
alter table agreements add column end_reason text;
alter table agreements add column created_by uuid references users(id);

create table agreement_phases (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreements(id),
  seq int not null,
  name_zh text not null,
  name_en text not null,
  kind text not null default 'technical_cooperation',
  starts_on date not null,
  ends_on date not null,
  check (ends_on >= starts_on),
  unique (agreement_id, seq)
);

-- A target applies to one year of the agreement (year), one phase (phase_id), or the whole term (neither).
create table agreement_targets (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreements(id),
  metric text not null,
  comparison text not null check (comparison in ('gte','lte')),
  target_value numeric not null,
  year int,
  phase_id uuid references agreement_phases(id),
  check (year is null or phase_id is null)
);
create index agreement_targets_agreement_idx on agreement_targets(agreement_id);

-- Every amendment keeps the full previous state.
create table agreement_versions (
  agreement_id uuid not null references agreements(id),
  version int not null,
  snapshot jsonb not null,
  reason text,
  changed_by uuid references users(id),
  changed_at timestamptz not null,
  primary key (agreement_id, version)
);

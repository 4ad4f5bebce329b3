-- Foundation: institution network, users and roles, sessions, audit log, jobs/outbox, idempotency.

create table institutions (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name_zh text not null,
  name_en text not null,
  short_name_zh text,
  tier text not null check (tier in ('national','provincial','prefecture','county','township','village')),
  grade text not null default 'unrated'
    check (grade in ('3A','3B','3C','2A','2B','2C','1A','1B','1C','unrated')),
  type text not null check (type in ('general','maternal_child','children','tcm','specialty','primary_care','village_clinic','authority')),
  division_code text not null check (division_code ~ '^[0-9]{6}$'),
  region_zh text not null,
  region_en text not null,
  parent_id uuid references institutions(id),
  address text,
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index institutions_parent_idx on institutions(parent_id);
create index institutions_tier_idx on institutions(tier);

create table departments (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions(id),
  code text not null,
  name_zh text not null,
  name_en text not null,
  specialty text not null,
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (institution_id, code)
);

create table wards (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions(id),
  department_id uuid not null references departments(id),
  code text not null,
  name_zh text not null,
  name_en text not null,
  is_referral_ward boolean not null default false,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (institution_id, code)
);

create table beds (
  id uuid primary key default gen_random_uuid(),
  ward_id uuid not null references wards(id),
  code text not null,
  in_service boolean not null default true,
  created_at timestamptz not null default now(),
  unique (ward_id, code)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  locale text not null default 'zh-CN' check (locale in ('zh-CN','en')),
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table user_roles (
  user_id uuid not null references users(id),
  institution_id uuid not null references institutions(id),
  role text not null check (role in ('clinician','expert','coordinator','leader','admin','auditor')),
  granted_at timestamptz not null default now(),
  granted_by uuid references users(id),
  primary key (user_id, institution_id, role)
);
create index user_roles_institution_idx on user_roles(institution_id);

create table practitioners (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions(id),
  department_id uuid references departments(id),
  user_id uuid references users(id),
  name_zh text not null,
  name_en text not null,
  title text not null check (title in ('chief','associate_chief','attending','resident')),
  specialties text[] not null default '{}',
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index practitioners_institution_idx on practitioners(institution_id);
create unique index practitioners_user_idx on practitioners(user_id) where user_id is not null;

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  csrf_token text not null,
  user_id uuid not null references users(id),
  active_institution_id uuid not null references institutions(id),
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions(user_id);

create table login_attempts (
  id bigserial primary key,
  username text not null,
  ip text not null,
  success boolean not null,
  at timestamptz not null default now()
);
create index login_attempts_username_idx on login_attempts(username, at);
create index login_attempts_ip_idx on login_attempts(ip, at);

-- Append-only, hash-chained audit log. Each row's hash covers its content and the previous hash.
create table audit_events (
  id bigserial primary key,
  at timestamptz not null,
  actor_user_id uuid,
  actor_username text,
  actor_institution_id uuid,
  action text not null,
  entity_type text not null,
  entity_id text,
  patient_id uuid,
  ip text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_events_at_idx on audit_events(at);
create index audit_events_institution_idx on audit_events(actor_institution_id, id);
create index audit_events_entity_idx on audit_events(entity_type, entity_id);
create index audit_events_patient_idx on audit_events(patient_id) where patient_id is not null;

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end;
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();

-- Postgres-backed job queue and transactional outbox (rows are written in the same transaction
-- as the change; workers claim them with FOR UPDATE SKIP LOCKED).
create table jobs (
  id bigserial primary key,
  name text not null,
  payload jsonb not null default '{}'::jsonb,
  run_at timestamptz not null default now(),
  attempts int not null default 0,
  locked_at timestamptz,
  done_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create index jobs_pending_idx on jobs(run_at) where done_at is null;

create table idempotency_keys (
  scope text not null,
  user_id uuid not null,
  key text not null,
  resource_id text,
  created_at timestamptz not null default now(),
  primary key (scope, user_id, key)
);

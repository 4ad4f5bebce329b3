-- Expert dispatch (专家派驻): batches of experts sent to a host institution, their activities on site,
-- and techniques introduced (新技术新项目). Batches and person-times are counted from these rows.
create table dispatch_batches (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreements(id),
  batch_no int not null,
  sending_institution_id uuid not null references institutions(id),
  host_institution_id uuid not null references institutions(id),
  host_department_id uuid references departments(id),
  starts_on date not null,
  ends_on date not null,
  purpose text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  version int not null default 1,
  check (ends_on >= starts_on),
  unique (agreement_id, batch_no)
);
create index dispatch_batches_agreement_idx on dispatch_batches(agreement_id, starts_on);

create table dispatch_members (
  batch_id uuid not null references dispatch_batches(id),
  practitioner_id uuid not null references practitioners(id),
  lead boolean not null default false,
  primary key (batch_id, practitioner_id)
);

create table dispatch_activities (
  id uuid primary key default gen_random_uuid(),
  batch_id uuid not null references dispatch_batches(id),
  practitioner_id uuid references practitioners(id),
  kind text not null check (kind in ('clinic','operation','teaching_round','lecture','case_discussion')),
  on_date date not null,
  -- clinic: patients seen; operation: operations performed; lecture/round/discussion: attendees.
  quantity int not null default 0 check (quantity >= 0),
  title text,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index dispatch_activities_batch_idx on dispatch_activities(batch_id);

create table dispatch_techniques (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreements(id),
  batch_id uuid references dispatch_batches(id),
  host_institution_id uuid not null references institutions(id),
  host_department_id uuid references departments(id),
  name_zh text not null,
  name_en text not null,
  introduced_on date not null,
  -- The date the host first performed it without the visiting experts.
  first_independent_on date,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  version int not null default 1,
  check (first_independent_on is null or first_independent_on >= introduced_on)
);
create index dispatch_techniques_agreement_idx on dispatch_techniques(agreement_id);

-- Trainees (进修): from an assisted institution, hosted by a department of an assisting one.
create table trainees (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreements(id),
  name_zh text not null,
  name_en text,
  position text,
  home_institution_id uuid not null references institutions(id),
  home_department_id uuid references departments(id),
  host_institution_id uuid not null references institutions(id),
  host_department_id uuid references departments(id),
  supervisor_practitioner_id uuid references practitioners(id),
  starts_on date not null,
  ends_on date not null,
  rotation_plan jsonb not null default '[]'::jsonb,
  status text not null default 'in_training' check (status in ('in_training','completed','withdrawn')),
  completed_on date,
  certificate_no text unique,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  version int not null default 1,
  check (ends_on >= starts_on)
);
create index trainees_agreement_idx on trainees(agreement_id, starts_on);

create table trainee_assessments (
  id uuid primary key default gen_random_uuid(),
  trainee_id uuid not null references trainees(id),
  on_date date not null,
  kind text not null check (kind in ('theory','skills','ward_performance','final')),
  score numeric check (score is null or (score >= 0 and score <= 100)),
  result text not null check (result in ('excellent','pass','fail')),
  assessor text not null,
  comment text,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index trainee_assessments_trainee_idx on trainee_assessments(trainee_id);

-- Tele-education (远程教育): lectures and case conferences with attendance per person.
create table education_sessions (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreements(id),
  kind text not null check (kind in ('lecture','case_conference')),
  topic_zh text not null,
  topic_en text,
  held_at timestamptz not null,
  duration_minutes int not null check (duration_minutes > 0),
  host_institution_id uuid not null references institutions(id),
  presenters jsonb not null default '[]'::jsonb,
  audience_institution_ids uuid[] not null default '{}',
  -- A case conference may cite a closed consult; only a de-identified summary is kept here.
  cited_consult_id uuid,
  case_summary text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  version int not null default 1
);
create index education_sessions_agreement_idx on education_sessions(agreement_id, held_at);

create table education_attendance (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references education_sessions(id),
  person_name text not null,
  institution_id uuid not null references institutions(id),
  user_id uuid references users(id),
  minutes int check (minutes is null or minutes >= 0)
);
create index education_attendance_session_idx on education_attendance(session_id);

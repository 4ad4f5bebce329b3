-- Core of partnership agreements: who is party to what. Consults and referrals read it to know
-- which institutions are partners; the agreements domain adds phases, areas and targets later.
create table agreements (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  title_zh text not null,
  title_en text not null,
  kind text not null check (kind in ('paired_assistance','guided_building','technical_cooperation','trusteeship','medical_alliance','specialty_alliance','integration')),
  status text not null default 'active' check (status in ('draft','active','ended')),
  signed_on date,
  starts_on date not null,
  ends_on date not null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);

create table agreement_parties (
  agreement_id uuid not null references agreements(id),
  institution_id uuid not null references institutions(id),
  role text not null check (role in ('assisting','assisted','supervising')),
  primary key (agreement_id, institution_id)
);
create index agreement_parties_institution_idx on agreement_parties(institution_id);

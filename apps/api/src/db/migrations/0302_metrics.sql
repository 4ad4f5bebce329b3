-- KPI rollups. Dashboards read only these tables, never the workflow tables.
-- metric_daily: one row per agreement × metric × day with the day's sum (counts, numerators, denominators).
create table metric_daily (
  agreement_id uuid not null references agreements(id),
  metric text not null,
  day date not null,
  value numeric not null default 0,
  primary key (agreement_id, metric, day)
);

-- Duration histograms (response time, time to accept) per agreement × metric × day; bucket = lower bound
-- in minutes of a fixed ladder (see metrics/buckets.ts); median and p90 are read from summed buckets.
create table metric_histograms (
  agreement_id uuid not null references agreements(id),
  metric text not null,
  day date not null,
  bucket int not null,
  n bigint not null default 0,
  primary key (agreement_id, metric, day, bucket)
);

-- A manual adjustment is never typed into a figure: it is its own entry, with reason and author.
create table metric_adjustments (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references agreements(id),
  metric text not null,
  on_date date not null,
  delta numeric not null,
  reason text not null,
  author_user_id uuid not null references users(id),
  created_at timestamptz not null
);
create index metric_adjustments_agreement_idx on metric_adjustments(agreement_id, metric, on_date);

-- Where the rollup job has read up to in each append-only event source.
create table metric_watermarks (
  source text primary key,
  last_id bigint not null default 0,
  updated_at timestamptz not null default now()
);

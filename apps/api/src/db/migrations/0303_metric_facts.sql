-- What each consult / referral currently contributes to the rollups. The rollup job recomputes the
-- contribution of every record touched by new events and applies the difference to metric_daily and
-- metric_histograms, so re-running it over the same events changes nothing (idempotent).
create table metric_facts (
  source text not null check (source in ('consult','referral')),
  source_id uuid not null,
  agreement_id uuid,
  day date,
  contrib jsonb not null default '{}'::jsonb,
  hist jsonb not null default '{}'::jsonb,
  primary key (source, source_id)
);

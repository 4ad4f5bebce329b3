-- Institution-level rollups of the workflow domains, so that an institution, a region (administrative
-- division prefix) or a supervising authority's network gets its consult / referral figures without
-- scanning the workflow tables. side = 'sent' (requester / referring institution) or 'received'
-- (target / receiving institution). Records routed outside any agreement count here too.
create table metric_inst_daily (
  institution_id uuid not null references institutions(id),
  side text not null check (side in ('sent','received')),
  metric text not null,
  day date not null,
  value numeric not null default 0,
  primary key (institution_id, side, metric, day)
);

create table metric_inst_histograms (
  institution_id uuid not null references institutions(id),
  side text not null check (side in ('sent','received')),
  metric text not null,
  day date not null,
  bucket int not null,
  n bigint not null default 0,
  primary key (institution_id, side, metric, day, bucket)
);

alter table metric_facts add column sender_id uuid;
alter table metric_facts add column receiver_id uuid;

-- Rebuild the workflow rollups from the events (the job recomputes every record; figures are unchanged
-- for agreements and appear for institutions).
delete from metric_daily where metric like 'consult.%' or metric like 'referral.%';
delete from metric_histograms where metric like 'consult.%' or metric like 'referral.%';
delete from metric_facts;
update metric_watermarks set last_id = 0;

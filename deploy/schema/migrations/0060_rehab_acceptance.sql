-- Home-rehabilitation acceptance (受理). A visit requested before the step existed counts as accepted when it was
-- requested: its first-visit clock already runs from the request and keeps doing so (the visit folds the same way),
-- so its read-model row says 'accepted' rather than 'requested' (which now means: awaiting the provider's acceptance).
update rehab_visits set status = 'accepted' where status = 'requested';

-- The providers' open-visit index covers the new status.
drop index if exists rehab_visits_provider_open;
create index rehab_visits_provider_open on rehab_visits (provider_code, next_due_at)
    where status in ('requested', 'accepted', 'scheduled', 'assigned', 'checked_in', 'missed') or record_pending;

-- Exact assignment to roster members under concurrency (issue 15, item 4). A case's write that assigns it to a roster
-- member (handler_member_id set, handler_assigned_at changed) claims the member in the same transaction: it locks the
-- member's roster row, counts the member's other open cases (assigned or in progress) and fails the write when they
-- already reach max_open_cases, so of two clerks taking a member's last slot at once exactly one succeeds. The lock
-- queues the second writer behind the first; each statement of the function reads with a fresh snapshot (read
-- committed), so the second one counts the first one's case. The refusal names the constraint legal_aid_roster_member_cap,
-- which the case grain explains as 409 member_at_cap. A member id with no roster row (a simulation) claims nothing.
--
-- The claim also keeps the member's last assignment on the roster row, so the rotation's turn survives a case being
-- reassigned to someone else later (it was read from the cases the member still holds).
alter table legal_aid_roster add column last_assigned_at timestamptz;

update legal_aid_roster r
set last_assigned_at = (select max(c.handler_assigned_at) from legal_aid_cases c where c.handler_member_id = r.id);

create function legal_aid_claim_member() returns trigger language plpgsql as $$
declare
    cap  integer;
    open integer;
begin
    update legal_aid_roster
    set last_assigned_at = greatest(last_assigned_at, new.handler_assigned_at)
    where id = new.handler_member_id
    returning max_open_cases into cap;
    if not found then
        return new;
    end if;
    select count(*) into open from legal_aid_cases
    where handler_member_id = new.handler_member_id and status in ('assigned', 'in_progress') and id <> new.id;
    if open >= cap then
        raise exception 'roster member % already holds % open cases (cap %)', new.handler_member_id, open, cap
            using errcode = 'check_violation', constraint = 'legal_aid_roster_member_cap', table = 'legal_aid_roster';
    end if;
    return new;
end
$$;

-- Only an assignment claims: a case row written again for another reason (progress, a calendar change) never does.
create trigger legal_aid_cases_claim_member before update of handler_member_id, handler_assigned_at on legal_aid_cases
    for each row when (new.handler_member_id is not null and new.handler_assigned_at is distinct from old.handler_assigned_at)
    execute function legal_aid_claim_member();

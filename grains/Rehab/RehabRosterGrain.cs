using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.PersonalData;
using Dispatch.Scopes;
using Dispatch.Sla;
using Npgsql;

namespace Dispatch.Rehab;

/// <summary>
/// One provider's worker roster. One activation serialises the provider's roster writes; each change and its history
/// row commit together. Outside the reader's scope the roster does not exist (404); inside it, only the provider's own
/// staff and administrators change it (403). Answers mask the phone.
/// </summary>
[GrainType("rehab-roster")]
public sealed class RehabRosterGrain(NpgsqlDataSource database, RehabRosterStore roster, SlaSettings sla, TimeProvider time) : Grain, IRehabRosterGrain
{
    private string ProviderCode => this.GetPrimaryKeyString();

    private DateTimeOffset Now => time.GetUtcNow();

    public async Task<Outcome<RosterWorker[]>> List(Actor actor)
    {
        if (await SeeAsync(actor) is { } hidden)
        {
            return hidden;
        }
        return Outcome<RosterWorker[]>.Success([.. (await roster.ListAsync(ProviderCode)).Select(Masked)]);
    }

    public Task<Outcome<RosterWorker>> Add(WorkerDefinition worker, Actor actor) => SaveAsync(null, worker, actor);

    /// <summary>A change without a phone keeps the stored one (answers show it masked, so a form cannot send it back).</summary>
    public async Task<Outcome<RosterWorker>> Change(string workerId, WorkerDefinition worker, Actor actor)
    {
        var kept = string.IsNullOrWhiteSpace(worker.Phone) && RosterRules.WorkerIdError(workerId) is null && await ManageAsync(actor) is null
            ? await roster.FindAsync(ProviderCode, workerId)
            : null;
        return await SaveAsync(workerId, worker with { WorkerId = workerId, Phone = kept?.Phone ?? worker.Phone }, actor);
    }

    public async Task<Outcome<RosterWorker>> AddLeave(string workerId, LeaveRequest leave, Actor actor)
    {
        if (await ManageAsync(actor) is { } refused)
        {
            return refused;
        }
        if (RosterRules.WorkerIdError(workerId) is not null)
        {
            return WorkerNotFound(workerId);
        }
        if (RosterRules.ValidateLeave(leave) is { Length: > 0 } errors)
        {
            return DomainError.Validation(errors);
        }
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await roster.FindAsync(ProviderCode, workerId, connection) is null)
        {
            return WorkerNotFound(workerId);
        }
        var added = new WorkerLeave(Guid.NewGuid(), leave.From!.Value, leave.To!.Value, leave.Reason!.Trim());
        await RehabRosterStore.AddLeaveAsync(connection, ProviderCode, workerId, added);
        await RehabRosterStore.TouchAsync(connection, ProviderCode, workerId, Now);
        await RehabRosterStore.AppendChangeAsync(connection, ProviderCode, workerId, "leave_added",
            $"{added.From:yyyy-MM-dd} – {added.To:yyyy-MM-dd}: {added.Reason}", actor, Now);
        await transaction.CommitAsync();
        return Outcome<RosterWorker>.Success(Masked((await roster.FindAsync(ProviderCode, workerId))!));
    }

    public async Task<Outcome<RosterWorker>> RemoveLeave(string workerId, Guid leaveId, Actor actor)
    {
        if (await ManageAsync(actor) is { } refused)
        {
            return refused;
        }
        if (RosterRules.WorkerIdError(workerId) is not null)
        {
            return WorkerNotFound(workerId);
        }
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var worker = await roster.FindAsync(ProviderCode, workerId, connection);
        var leave = worker?.Leave.FirstOrDefault(l => l.Id == leaveId);
        if (worker is null || leave is null || !await RehabRosterStore.RemoveLeaveAsync(connection, ProviderCode, workerId, leaveId))
        {
            return DomainError.NotFound("Leave", "请假记录");
        }
        await RehabRosterStore.TouchAsync(connection, ProviderCode, workerId, Now);
        await RehabRosterStore.AppendChangeAsync(connection, ProviderCode, workerId, "leave_removed",
            $"{leave.From:yyyy-MM-dd} – {leave.To:yyyy-MM-dd}: {leave.Reason}", actor, Now);
        await transaction.CommitAsync();
        return Outcome<RosterWorker>.Success(Masked((await roster.FindAsync(ProviderCode, workerId))!));
    }

    public async Task<Outcome<FreeWorker[]>> Free(FreeWorkerQuery query, Actor actor)
    {
        if (await SeeAsync(actor) is { } hidden)
        {
            return hidden;
        }
        var zone = sla.Calendar.TimeZone;
        var (weekStart, weekEnd) = RosterRules.LocalWeek(query.Start, zone);
        var bookings = await roster.BookingsAsync(ProviderCode, weekStart, weekEnd, query.Start, query.End, query.ExceptVisit);
        FreeWorker[] free = [.. (await roster.ListAsync(ProviderCode))
            .Where(w => RosterRules.Refusal(w, w.WorkerId, query.Start, query.End, query.ServiceType, query.TownCode, zone) is null)
            .Select(w => (Worker: w, Booking: bookings.GetValueOrDefault(w.WorkerId)))
            .Where(w => !w.Booking.Overlaps)
            .OrderBy(w => w.Booking.Booked).ThenBy(w => w.Worker.WorkerId, StringComparer.Ordinal)
            .Select(w => new FreeWorker(w.Worker.WorkerId, w.Worker.Name, w.Booking.Booked))];
        return Outcome<FreeWorker[]>.Success(free);
    }

    public async Task<Outcome<RosterChange[]>> History(string? workerId, Actor actor)
    {
        if (await SeeAsync(actor) is { } hidden)
        {
            return hidden;
        }
        return workerId is not null && RosterRules.WorkerIdError(workerId) is not null
            ? Outcome<RosterChange[]>.Success([])
            : Outcome<RosterChange[]>.Success([.. await roster.HistoryAsync(ProviderCode, workerId)]);
    }

    private async Task<Outcome<RosterWorker>> SaveAsync(string? existingId, WorkerDefinition definition, Actor actor)
    {
        if (await ManageAsync(actor) is { } refused)
        {
            return refused;
        }
        var county = (await roster.CountyOfProviderAsync(ProviderCode))!;
        var (valid, errors) = RosterRules.Validate(definition, await roster.TownsOfCountyAsync(county));
        if (valid is null)
        {
            return DomainError.Validation(errors);
        }
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await roster.FindAsync(ProviderCode, valid.WorkerId, connection);
        if (existingId is null && before is not null)
        {
            return DomainError.Validation(new FieldError("workerId", "duplicate",
                $"本机构名册中已有编号为 {valid.WorkerId} 的康复人员。", $"The roster already has a worker with id {valid.WorkerId}."));
        }
        if (existingId is not null && before is null)
        {
            return WorkerNotFound(existingId);
        }
        await RehabRosterStore.WriteAsync(connection, ProviderCode, valid, (before?.Version ?? 0) + 1, Now);
        await RehabRosterStore.AppendChangeAsync(connection, ProviderCode, valid.WorkerId, before is null ? "added" : "changed", Summary(before, valid), actor, Now);
        await transaction.CommitAsync();
        return Outcome<RosterWorker>.Success(Masked((await roster.FindAsync(ProviderCode, valid.WorkerId))!));
    }

    /// <summary>The fields as stored after the change, and which of them changed; the phone only as "phone changed".</summary>
    internal static string Summary(RosterWorker? before, ValidWorker after)
    {
        var fields = $"name={after.Name}; serviceTypes={string.Join(",", after.ServiceTypes)}; towns={string.Join(",", after.Towns)}; " +
            $"workingDays={string.Join(",", after.WorkingDays)}; hours={after.DayStart:HH\\:mm}-{after.DayEnd:HH\\:mm}; active={(after.Active ? "true" : "false")}";
        return before is not null && before.Phone != after.Phone ? fields + "; phone changed" : fields;
    }

    private async Task<DomainError?> SeeAsync(Actor actor)
    {
        var county = await roster.CountyOfProviderAsync(ProviderCode);
        return county is not null && ActorScope.Of(actor).Covers(county, ProviderCode) ? null : DomainError.NotFound("Provider", "康复机构");
    }

    private async Task<DomainError?> ManageAsync(Actor actor)
    {
        if (await SeeAsync(actor) is { } hidden)
        {
            return hidden;
        }
        return actor.Role == Roles.Admin || ActorScope.Of(actor).IsStaffOf(ProviderCode)
            ? null
            : DomainError.Forbidden("只有本机构工作人员或系统管理员可以维护康复人员名册。", "Only the provider's own staff or administrators may change its worker roster.");
    }

    private static DomainError WorkerNotFound(string workerId) => DomainError.NotFound($"Worker {workerId}", $"康复人员 {workerId} ");

    private static RosterWorker Masked(RosterWorker worker) => worker with { Phone = PersonalDataMasks.MaskPhone(worker.Phone) };
}

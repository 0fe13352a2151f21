using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Rehab;

/// <summary>
/// A rehabilitation provider's worker roster (康复人员名册), keyed by the provider's unit code: the single writer of its
/// workers and their leave, each change stored with its history entry in one transaction. The provider's staff and
/// administrators change it; whoever's scope covers the provider reads it (the phone masked).
/// </summary>
[Alias("Dispatch.Rehab.IRehabRosterGrain")]
public interface IRehabRosterGrain : IGrainWithStringKey
{
    [Alias("List")]
    Task<Outcome<RosterWorker[]>> List(Actor actor);

    [Alias("Add")]
    Task<Outcome<RosterWorker>> Add(WorkerDefinition worker, Actor actor);

    /// <summary>Changes every field but the worker id; a worker who left stays on the roster with active false.</summary>
    [Alias("Change")]
    Task<Outcome<RosterWorker>> Change(string workerId, WorkerDefinition worker, Actor actor);

    [Alias("AddLeave")]
    Task<Outcome<RosterWorker>> AddLeave(string workerId, LeaveRequest leave, Actor actor);

    [Alias("RemoveLeave")]
    Task<Outcome<RosterWorker>> RemoveLeave(string workerId, Guid leaveId, Actor actor);

    /// <summary>The roster's workers who can take the window, least booked that week first.</summary>
    [Alias("Free")]
    Task<Outcome<FreeWorker[]>> Free(FreeWorkerQuery query, Actor actor);

    /// <summary>Every change of the roster (or of one worker), newest first.</summary>
    [Alias("History")]
    Task<Outcome<RosterChange[]>> History(string? workerId, Actor actor);
}

/// <param name="WorkingDays">ISO weekdays, 1 = Monday … 7 = Sunday.</param>
/// <param name="DayStart">Local time the working day starts, HH:mm (Asia/Shanghai).</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.WorkerDefinition")]
public sealed record WorkerDefinition(
    [property: Id(0)] string? WorkerId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Phone,
    [property: Id(3)] string[]? ServiceTypes,
    [property: Id(4)] string[]? Towns,
    [property: Id(5)] int[]? WorkingDays,
    [property: Id(6)] string? DayStart,
    [property: Id(7)] string? DayEnd,
    [property: Id(8)] bool? Active);

[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.LeaveRequest")]
public sealed record LeaveRequest([property: Id(0)] DateOnly? From, [property: Id(1)] DateOnly? To, [property: Id(2)] string? Reason);

[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.WorkerLeave")]
public sealed record WorkerLeave([property: Id(0)] Guid Id, [property: Id(1)] DateOnly From, [property: Id(2)] DateOnly To, [property: Id(3)] string Reason);

/// <summary>A roster entry as stored; <see cref="Phone"/> is masked in every answer of the API.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.RosterWorker")]
public sealed record RosterWorker(
    [property: Id(0)] string ProviderCode,
    [property: Id(1)] string WorkerId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Phone,
    [property: Id(4)] string[] ServiceTypes,
    [property: Id(5)] string[] Towns,
    [property: Id(6)] int[] WorkingDays,
    [property: Id(7)] TimeOnly DayStart,
    [property: Id(8)] TimeOnly DayEnd,
    [property: Id(9)] bool Active,
    [property: Id(10)] WorkerLeave[] Leave,
    [property: Id(11)] int Version);

/// <summary>A window to staff: the window itself, the service type and the town (null: any town).</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.FreeWorkerQuery")]
public sealed record FreeWorkerQuery(
    [property: Id(0)] DateTimeOffset Start, [property: Id(1)] DateTimeOffset End, [property: Id(2)] string ServiceType,
    [property: Id(3)] string? TownCode, [property: Id(4)] Guid? ExceptVisit);

/// <param name="BookedThisWeek">The worker's bookings in the window's local week (Monday to Sunday).</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.FreeWorker")]
public sealed record FreeWorker([property: Id(0)] string WorkerId, [property: Id(1)] string Name, [property: Id(2)] int BookedThisWeek);

/// <param name="Action">added, changed, leave_added, leave_removed.</param>
/// <param name="Summary">What changed, in the API's field names; never the phone number.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Rehab.RosterChange")]
public sealed record RosterChange(
    [property: Id(0)] long Id, [property: Id(1)] string WorkerId, [property: Id(2)] string Action, [property: Id(3)] string Summary,
    [property: Id(4)] string ChangedBy, [property: Id(5)] string ChangedByName, [property: Id(6)] DateTimeOffset ChangedAt);

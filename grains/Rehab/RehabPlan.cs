using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Dispatch.EventSourcing;
using Dispatch.People;
using Dispatch.Routing;
using Dispatch.Tickets;

namespace Dispatch.Rehab;

/// <summary>Everything that can happen to a plan. Stored as JSON with a "type" discriminator; never changed once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlanCreated), "created")]
[JsonDerivedType(typeof(PlanVisitsOpened), "visits_opened")]
[JsonDerivedType(typeof(PlanEnded), "ended")]
public abstract record PlanEvent;

/// <param name="Routing">Why this provider among several serving the person's county; null when it was named or the only one.</param>
public sealed record PlanCreated(
    PersonView Person, string PersonId, string ServiceType, string ProviderCode, string Frequency, int WindowMinutes,
    ImmutableList<PlannedVisit> Visits, string? Note, string Fingerprint, RoutingChoice? Routing = null) : PlanEvent;

/// <summary>Every visit actor of the plan exists; their numbers for the plan's view.</summary>
public sealed record PlanVisitsOpened(ImmutableList<string> Numbers) : PlanEvent;

/// <summary>终止: the plan ends; its visits that can still be called off are cancelled with the reason.</summary>
public sealed record PlanEnded(string Reason) : PlanEvent;

/// <summary>One occurrence of a plan: its visit actor's id and window.</summary>
public sealed record PlannedVisit(int Sequence, Guid VisitId, DateTimeOffset WindowStart, DateTimeOffset WindowEnd);

/// <summary>A plan's state, folded from its events.</summary>
public sealed record PlanState : IFoldedState<PlanState, PlanEvent>
{
    public static readonly PlanState Empty = new();

    public const string StreamType = ItemTypes.RehabPlan;

    public static readonly StreamKind<PlanState, PlanEvent> Kind = new(StreamType, Empty, EventJson.Options,
        e => e switch { PlanCreated => "created", PlanVisitsOpened => "visits_opened", PlanEnded => "ended", _ => throw new ArgumentOutOfRangeException(nameof(e)) });

    public Guid Id { get; init; }
    public int Version { get; init; }
    public bool Exists => Version > 0;
    public PlanCreated Plan { get; init; } = null!;
    public DateTimeOffset CreatedAt { get; init; }
    public ImmutableList<string> Numbers { get; init; } = [];
    public bool VisitsOpened => Numbers.Count > 0;
    public DateTimeOffset? EndedAt { get; init; }
    public string? EndReason { get; init; }
    public bool Ended => EndedAt is not null;

    public PlanState Apply(Guid id, int version, PlanEvent e, DateTimeOffset at) => e switch
    {
        PlanCreated c => this with { Id = id, Version = version, Plan = c, CreatedAt = at },
        PlanVisitsOpened o => this with { Version = version, Numbers = o.Numbers },
        PlanEnded ended => this with { Version = version, EndedAt = at, EndReason = ended.Reason },
        _ => throw new InvalidOperationException($"Unknown plan event {e.GetType().Name}."),
    };

    public RehabPlanView View() => new()
    {
        Id = Id,
        Person = Plan.Person,
        PersonId = Plan.PersonId,
        ServiceType = Plan.ServiceType,
        ProviderCode = Plan.ProviderCode,
        Frequency = Plan.Frequency,
        Count = Plan.Visits.Count,
        WindowMinutes = Plan.WindowMinutes,
        CreatedAt = CreatedAt,
        Visits = [.. Plan.Visits.Select((v, i) => new PlanVisitView(v.Sequence, v.VisitId, i < Numbers.Count ? Numbers[i] : null, v.WindowStart, v.WindowEnd))],
        Version = Version,
        Status = Ended ? RehabPlanStatus.Ended : RehabPlanStatus.Active,
        EndedAt = EndedAt,
        EndReason = EndReason,
    };

    public PlanSlot Slot(PlannedVisit visit) => new(Id, visit.Sequence, Plan.Person, Plan.PersonId, Plan.ServiceType, Plan.ProviderCode,
        visit.WindowStart, visit.WindowEnd, CreatedAt, Plan.Note);
}

/// <summary>A plan's visits have ids derived from the plan and their place in it, so expanding twice reaches the same actors.</summary>
public static class PlanVisitIds
{
    public static Guid Of(Guid planId, int sequence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"dispatch-12385/rehab_plan_visit\n{planId:N}\n{sequence}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

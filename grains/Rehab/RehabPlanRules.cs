using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Scopes;

namespace Dispatch.Rehab;

/// <summary>What may happen to a plan once made, and who may do it. No Orleans, no I/O.</summary>
public static class RehabPlanRules
{
    public static readonly DomainError NotFound = DomainError.NotFound("Rehabilitation plan", "康复计划");

    /// <summary>As with a single visit: the provider's staff, an administrator, or an operator when the person calls it off.</summary>
    public static bool MayEnd(Actor actor, string providerCode) =>
        actor.Role is Roles.Admin or Roles.Operator || ActorScope.Of(actor).IsStaffOf(providerCode);

    /// <summary>终止计划: refused outside the user's scope (404), for other roles (403), at another version, once ended, or without a reason.</summary>
    public static (PlanEnded? Ended, DomainError? Refused) End(PlanState s, Actor actor, EndPlan command, int? expectedVersion)
    {
        if (!s.Exists || !RehabAccess.CanSee(actor, s.Plan.ProviderCode, s.Plan.Person.CountyCode))
        {
            return (null, NotFound);
        }
        if (!MayEnd(actor, s.Plan.ProviderCode))
        {
            return (null, DomainError.Forbidden("只有康复机构、话务员和系统管理员可以终止康复计划。", "Only the provider, operators and administrators end a plan."));
        }
        if (expectedVersion is { } expected && expected != s.Version)
        {
            return (null, DomainError.Stale(s.Version));
        }
        if (s.Ended)
        {
            return (null, Ended);
        }
        if (TextRules.Invalid(TextRules.Check("reason", command.Reason, TextLimits.Note, true, "终止原因", "reason")) is { } invalid)
        {
            return (null, invalid);
        }
        return (new PlanEnded(command.Reason!.Trim()), null);
    }

    public static readonly DomainError Ended = DomainError.Conflict("plan_ended", "该康复计划已终止。", "The plan has already ended.");
}

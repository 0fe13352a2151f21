using System.Collections.Immutable;
using Dispatch.LegalAid;
using Dispatch.PersonalData;
using Dispatch.Units;
using Dispatch.Web.ApiConventions;
using Dispatch.Web.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.LegalAid;

/// <summary>/api/legal-aid-stations/{code}/roster: a station's lawyers and legal workers (值班名册), their history and reveal.</summary>
public static class LegalAidRosterEndpoints
{
    public static RouteGroupBuilder MapLegalAidRosterApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/legal-aid-stations/{code}/roster").WithTags(LegalAidEndpoints.Tag).RequireAuthorization();
        group.MapGet("/", List).WithSummary(
            "The station's roster of lawyers and legal workers (名册): staff of the station, supervisors over its county, administrators; phone and licence masked");
        group.MapPost("/", Add).WithSummary("Add a lawyer or legal worker to the roster (the station's head or administrators)");
        group.MapPut("/{memberId:guid}", Change).WithIfMatch().WithSummary(
            "Change a roster entry: contact, fields of practice, status and leave, cap of open cases, declared conflicts (the station's head or administrators)");
        group.MapGet("/{memberId:guid}/history", History).WithSummary(
            "A roster entry's change history, newest first (the station's staff, supervisors over its county, administrators): who, when, before and after, numbers masked; page, pageSize");
        group.MapPost("/{memberId:guid}/reveal", Reveal).WithSummary(
            "Reveal a member's full phone or licenceNumber with a purpose; logged, Cache-Control: no-store");
        return api;
    }

    private static async Task<Results<Ok<ImmutableArray<RosterMember>>, ProblemHttpResult>> List(string code, IGrainFactory grains, HttpContext context)
    {
        var outcome = await Roster(grains, code).List(context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Created<RosterMember>, ProblemHttpResult>> Add(
        string code, RosterMemberInput member, IGrainFactory grains, HttpContext context)
    {
        var outcome = await Roster(grains, code).Add(member, context.User.ToActor());
        if (!outcome.Succeeded)
        {
            return ProblemResponses.From(outcome.Error!, context);
        }
        VersionHeaders.WriteETag(context.Response, outcome.Value!.Version);
        return TypedResults.Created($"/api/legal-aid-stations/{code}/roster/{outcome.Value.Id}", outcome.Value);
    }

    private static Task<Results<Ok<RosterMember>, ProblemHttpResult>> Change(
        string code, Guid memberId, RosterMemberInput member, IGrainFactory grains, HttpContext context) =>
        ItemResponses.ActAsync(context, (actor, version) => Roster(grains, code).Change(memberId, member, actor, version), m => m.Version);

    private static async Task<Results<Ok<ListPage<ReferenceChangeEntry>>, ProblemHttpResult>> History(
        string code, Guid memberId, int? page, int? pageSize, IGrainFactory grains, HttpContext context)
    {
        // The roster's scope first: another station's member does not exist here, whoever asks.
        var roster = await Roster(grains, code).List(context.User.ToActor());
        if (!roster.Succeeded || !roster.Value.Any(m => m.Id == memberId))
        {
            return ProblemResponses.From(roster.Error ?? DomainError.NotFound("This roster member", "该名册人员"), context);
        }
        return await ReferenceHistoryEndpoint.ReadAsync(ReferenceTables.LegalAidRoster, memberId.ToString(), "This roster member", "该名册人员",
            page, pageSize, context);
    }

    private static async Task<Results<Ok<RevealedValue>, ProblemHttpResult>> Reveal(
        string code, Guid memberId, [FromBody] RevealRequest? body, IGrainFactory grains, HttpContext context)
    {
        var revealed = await Roster(grains, code).Reveal(memberId, body ?? new RevealRequest(null, null, null),
            context.Connection.RemoteIpAddress?.ToString(), context.User.ToActor());
        return ItemResponses.Revealed(context, revealed);
    }

    private static ILegalAidRosterGrain Roster(IGrainFactory grains, string code) => grains.GetGrain<ILegalAidRosterGrain>(code.Trim());
}

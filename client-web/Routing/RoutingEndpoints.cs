using System.Globalization;
using Dispatch.Routing;
using Dispatch.Units;
using Dispatch.Web.ApiConventions;
using Dispatch.Web.Reference;
using Npgsql;

namespace Dispatch.Web.Routing;

/// <summary>/api/routing-rules: the rules automatic dispatch applies; administrators change them.</summary>
public static class RoutingEndpoints
{
    private const string RegistryKey = "jiaxing";

    public static RouteGroupBuilder MapRoutingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/routing-rules").WithTags("Routing 派单规则").RequireAuthorization();
        group.MapGet("/", List).WithSummary("Routing rules: where each applies (null = any) and the unit kind it sends to; the most specific match wins");
        group.MapPost("/", Add).RequireAuthorization(Policies.Admin).WithSummary("Add a routing rule (administrators)");
        group.MapPut("/{id:int}", Change).RequireAuthorization(Policies.Admin).WithSummary("Change a routing rule (administrators)");
        group.MapGet("/{id:int}/history", History).RequireAuthorization(Policies.Supervisor)
            .WithSummary($"A routing rule's {ReferenceHistoryEndpoint.Summary} 派单规则变更记录");
        api.MapGet("/routing-suggestion", Suggest).RequireAuthorization().WithTags("Routing 派单规则")
            .WithSummary("The unit automatic dispatch would choose for countyCode/townCode, kind and topic (建议承办单位), before dispatching");
        return api;
    }

    private static async Task<Ok<List<RoutingRuleRecord>>> List(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            "select id, county_code, town_code, kind, topic, unit_kind, active, note from routing_rules order by id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rules = new List<RoutingRuleRecord>();
        while (await reader.ReadAsync(ct))
        {
            rules.Add(new RoutingRuleRecord(reader.GetInt32(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                reader.GetString(5), reader.GetBoolean(6), Text(reader, 7)));
        }
        return TypedResults.Ok(rules);
    }

    private static async Task<Results<Created<RoutingRuleRecord>, ProblemHttpResult>> Add(RoutingRuleDefinition rule, IGrainFactory grains, HttpContext context)
    {
        var outcome = await grains.GetGrain<IRoutingRulesGrain>(RegistryKey).Add(rule, context.User.ToActor());
        return outcome.Succeeded
            ? TypedResults.Created($"/api/routing-rules/{outcome.Value!.Id}", outcome.Value)
            : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<RoutingRuleRecord>, ProblemHttpResult>> Change(int id, RoutingRuleDefinition rule, IGrainFactory grains, HttpContext context)
    {
        var outcome = await grains.GetGrain<IRoutingRulesGrain>(RegistryKey).Change(id, rule, context.User.ToActor());
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }

    private static Task<Results<Ok<ListPage<ReferenceChangeEntry>>, ProblemHttpResult>> History(
        int id, int? page, int? pageSize, HttpContext context) =>
        ReferenceHistoryEndpoint.ReadAsync(ReferenceTables.RoutingRules, id.ToString(CultureInfo.InvariantCulture), $"Routing rule {id}",
            $"派单规则 {id} ", page, pageSize, context);

    private static async Task<Results<Ok<SuggestedUnit>, ProblemHttpResult>> Suggest(
        string? countyCode, string? townCode, string? kind, string? topic, IGrainFactory grains, ReferenceQueries reference,
        HttpContext context, CancellationToken ct)
    {
        var outcome = await grains.GetGrain<IRouteSuggestionGrain>(0).Suggest(new RouteQuestion(countyCode, townCode, kind, topic));
        if (!outcome.Succeeded)
        {
            return ProblemResponses.From(outcome.Error!, context);
        }
        var suggestion = outcome.Value!;
        var units = await reference.UnitsAsync(suggestion.CountyCode, null, ct);
        var unit = units.FirstOrDefault(u => u.Code == suggestion.UnitCode);
        return TypedResults.Ok(new SuggestedUnit(suggestion.UnitCode, suggestion.CountyCode, unit?.Name ?? suggestion.UnitCode,
            unit?.NameEn ?? suggestion.UnitCode, unit?.Kind ?? ""));
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

public sealed record SuggestedUnit(string UnitCode, string CountyCode, string Name, string NameEn, string Kind);

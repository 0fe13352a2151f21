using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Web.ApiConventions;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.Items;

/// <summary>One call of an item's grain for a user, with the version the user last saw (If-Match), if any.</summary>
public delegate Task<Outcome<TView>> ItemCall<in TGrain, TView>(TGrain item, Actor actor, int? expectedVersion);

/// <summary>
/// The routes every item has, the same way for each: opening it under an Idempotency-Key (also from a ticket), reading
/// it, its history and one <c>POST /{id}/{action}</c> per action. An item supplies its grain, its route and how each
/// role sees it; its own endpoints then list only its summaries and the grain call of each action. Every view comes from
/// the grain already masked for the user (PersonalDataMasks at the grain boundary); a full number only through the
/// grain's Reveal.
/// </summary>
/// <param name="itemType">The item's type in the event log and in idempotency ids (ItemTypes).</param>
/// <param name="route">Below /api: /tickets, /legal-aid-cases...</param>
public sealed class ItemEndpoints<TGrain, TView>(
    string itemType, string route, string tag, Func<TGrain, Actor, Task<Outcome<TView>>> get, Func<TView, Guid> idOf,
    Func<TView, int> versionOf)
    where TGrain : IPersonalDataItem
{
    public RouteGroupBuilder MapGroup(RouteGroupBuilder api) => api.MapGroup(route).WithTags(tag).RequireAuthorization();

    /// <summary>GET /{id} (ETag carries the version) and GET /{id}/history, each only for users who may see the item, masked.</summary>
    public void MapReads(RouteGroupBuilder group, string itemSummary, string historySummary)
    {
        group.MapGet("/{id:guid}", (Guid id, HttpContext context, IGrainFactory grains) =>
            ShowAsync(id, context, grains)).WithSummary(itemSummary).WithETag();
        group.MapGet("/{id:guid}/history", (Guid id, IGrainFactory grains, EventHistory history, PersonIdKey personIds, HttpContext context,
            CancellationToken ct) => HistoryAsync(id, grains, history, personIds, context, ct)).WithSummary(historySummary);
    }

    /// <summary>
    /// POST /{id}/reveal {field, purpose, note?}: one full value of the item's personal fields. The grain decides (404
    /// outside the user's scope, then 403 for supervisors, then 400 for a bad field or purpose) and logs the reveal before it
    /// answers; the endpoint adds the client's address and keeps the answer out of every cache.
    /// </summary>
    /// <param name="fields">The item's revealable fields (RevealableFields), for the route's summary.</param>
    public void MapReveal(RouteGroupBuilder group, IEnumerable<string> fields) =>
        group.MapPost("/{id:guid}/reveal", (Guid id, [FromBody] RevealRequest? body, HttpContext context, IGrainFactory grains) =>
                RevealAsync(id, body, context, grains))
            .WithSummary("Reveal one full personal value (" + string.Join(", ", fields) + ") with a purpose; logged, Cache-Control: no-store");

    private static async Task<Results<Ok<RevealedValue>, ProblemHttpResult>> RevealAsync(Guid id, RevealRequest? body, HttpContext context, IGrainFactory grains)
    {
        var revealed = await grains.GetGrain<TGrain>(id).Reveal(body ?? new RevealRequest(null, null, null),
            context.Connection.RemoteIpAddress?.ToString(), context.User.ToActor());
        return ItemResponses.Revealed(context, revealed);
    }

    /// <summary>POST /{id}/{action}: the body becomes one grain call; If-Match in, ETag and the view out.</summary>
    public RouteHandlerBuilder MapAction<TBody>(RouteGroupBuilder group, string action, string summary, Func<TBody, ItemCall<TGrain, TView>> call) =>
        group.MapPost("/{id:guid}/" + action, (Guid id, [FromBody] TBody? body, HttpContext context, IGrainFactory grains) =>
            ActAsync(id, context, grains, call(body ?? EmptyBody<TBody>.Value))).WithSummary(summary).WithIfMatch();

    /// <summary>An action that takes no body.</summary>
    public RouteHandlerBuilder MapAction(RouteGroupBuilder group, string action, string summary, ItemCall<TGrain, TView> call) =>
        group.MapPost("/{id:guid}/" + action, (Guid id, HttpContext context, IGrainFactory grains) => ActAsync(id, context, grains, call))
            .WithSummary(summary).WithIfMatch();

    private Task<Results<Ok<TView>, ProblemHttpResult>> ActAsync(Guid id, HttpContext context, IGrainFactory grains, ItemCall<TGrain, TView> call) =>
        ItemResponses.ActAsync(context, (actor, version) => call(grains.GetGrain<TGrain>(id), actor, version), versionOf);

    /// <summary>POST / opens the item: the Idempotency-Key header is required and the same key returns the same item.</summary>
    public async Task<Results<Created<TView>, Ok<TView>, ProblemHttpResult>> OpenAsync<TOpening>(string? idempotencyKey, HttpContext context,
        IGrainFactory grains, Func<TGrain, Actor, Task<Outcome<TOpening>>> open, Func<TOpening, (TView View, bool Created)> opened)
    {
        if (!ItemIds.IsUsable(idempotencyKey))
        {
            return ItemResponses.MissingIdempotencyKey(context);
        }
        var actor = context.User.ToActor();
        var id = ItemIds.FromKey(itemType, actor.UserId, idempotencyKey!.Trim());
        return Opened(context, await open(grains.GetGrain<TGrain>(id), actor), opened);
    }

    /// <summary>POST /api/tickets/{id}/... opens the item from a ticket; the Idempotency-Key is optional.</summary>
    public async Task<Results<Created<TView>, Ok<TView>, ProblemHttpResult>> OpenFromTicketAsync<TOpening>(Guid ticketId, string? idempotencyKey,
        HttpContext context, IGrainFactory grains, Func<TGrain, Actor, Task<Outcome<TOpening>>> open, Func<TOpening, (TView View, bool Created)> opened)
    {
        if (idempotencyKey is { Length: > ItemIds.MaxKeyLength })
        {
            return ItemResponses.MissingIdempotencyKey(context);
        }
        var actor = context.User.ToActor();
        // Without a key, one user's repeat of the same referral from the same ticket reaches the same item.
        var id = ItemIds.FromKey(itemType + "/ticket", actor.UserId, ticketId + "\n" + idempotencyKey?.Trim());
        return Opened(context, await open(grains.GetGrain<TGrain>(id), actor), opened);
    }

    /// <summary>201 with a Location for a new item, 200 for the same item found again by its Idempotency-Key.</summary>
    private Results<Created<TView>, Ok<TView>, ProblemHttpResult> Opened<TOpening>(
        HttpContext context, Outcome<TOpening> outcome, Func<TOpening, (TView View, bool Created)> opened)
    {
        if (!outcome.Succeeded)
        {
            return ProblemResponses.From(outcome.Error!, context);
        }
        var (view, created) = opened(outcome.Value!);
        VersionHeaders.WriteETag(context.Response, versionOf(view));
        return created ? TypedResults.Created($"/api{route}/{idOf(view)}", view) : TypedResults.Ok(view);
    }

    private async Task<Results<Ok<TView>, ProblemHttpResult>> ShowAsync(Guid id, HttpContext context, IGrainFactory grains) =>
        ItemResponses.Shown(context, await get(grains.GetGrain<TGrain>(id), context.User.ToActor()), versionOf);

    private async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> HistoryAsync(
        Guid id, IGrainFactory grains, EventHistory history, PersonIdKey personIds, HttpContext context, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        var visible = await get(grains.GetGrain<TGrain>(id), actor);
        if (!visible.Succeeded)
        {
            return ProblemResponses.From(visible.Error!, context);
        }
        var entries = await history.ReadAsync(itemType, id, ct);
        return TypedResults.Ok(HistoryEntry.AsSeenBy(entries, actor, personIds));
    }
}

/// <summary>
/// An action sent without a body means the same as an empty object <c>{}</c>: every field missing, so the rules answer
/// with their field errors (or, where every field is optional, act on the defaults) instead of the grain meeting null.
/// </summary>
internal static class EmptyBody<TBody>
{
    public static readonly TBody Value = System.Text.Json.JsonSerializer.Deserialize<TBody>("{}", System.Text.Json.JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"{typeof(TBody).Name} cannot be read from an empty object.");
}

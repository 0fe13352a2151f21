using Dispatch.Items;
using Dispatch.Notifications;
using Dispatch.Web.ApiConventions;

namespace Dispatch.Web.Notifications;

/// <summary>/api/notifications: the outbox of SMS and e-mails (administrators): the list, a dead message's retry, the texts.</summary>
public static class NotificationEndpoints
{
    public const string Tag = "Notifications 通知";

    private const int MaxItemLength = 64;

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags(Tag).RequireAuthorization(Policies.Admin);
        group.MapGet("/", List)
            .WithSummary("Outgoing SMS and e-mails, newest first (administrators): status, attempts, next attempt, masked recipient, item; " +
                $"filters status, channel, item (id or number); page (1-{Paging.MaxPage}), pageSize (1-{Paging.MaxPageSize}, default {Paging.DefaultPageSize})");
        group.MapPost("/{id:guid}/retry", Retry)
            .WithSummary("Try a dead message once more, now (administrators); 409 when it is not dead");
        group.MapGet("/templates", Templates)
            .WithSummary("The message texts (reference-data/notifications.json): channel, recipient, placeholders, Chinese and English (administrators)");
        return api;
    }

    private static async Task<Results<Ok<ListPage<NotificationEntry>>, ProblemHttpResult>> List(
        [ClosedSet(typeof(NotificationStatuses), nameof(NotificationStatuses.All))] string? status,
        [ClosedSet(typeof(NotificationChannels), nameof(NotificationChannels.All))] string? channel,
        string? item, int? page, int? pageSize, NotificationList list, HttpContext context, CancellationToken ct)
    {
        var errors = new List<FieldError>(Paging.Check(page, pageSize));
        if (status is not null && !NotificationStatuses.All.Contains(status))
        {
            errors.Add(new FieldError("status", "unknown_value", "状态须为 pending、sending、sent、failed 或 dead。",
                "The status must be pending, sending, sent, failed or dead."));
        }
        if (channel is not null && !NotificationChannels.All.Contains(channel))
        {
            errors.Add(new FieldError("channel", "unknown_value", "渠道须为 sms 或 email。", "The channel must be sms or email."));
        }
        var itemText = string.IsNullOrWhiteSpace(item) ? null : item.Trim();
        if (itemText is { Length: > MaxItemLength } || itemText?.Any(char.IsControl) == true)
        {
            errors.Add(new FieldError("item", "invalid", "事项编号过长或含控制字符。", "The item is too long or has control characters."));
        }
        if (errors.Count > 0)
        {
            return ProblemResponses.Validation(context, [.. errors]);
        }
        var itemId = Guid.TryParse(itemText, out var parsed) ? parsed : (Guid?)null;
        var filter = new NotificationFilter(status, channel, itemId, itemId is null ? itemText : null, Paging.PageOf(page), Paging.SizeOf(pageSize));
        return TypedResults.Ok(await list.PageAsync(filter, ct));
    }

    private static async Task<Results<Ok<NotificationEntry>, ProblemHttpResult>> Retry(
        Guid id, NotificationList list, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var (entry, retried) = await list.RetryAsync(id, time.GetUtcNow(), ct);
        if (entry is null)
        {
            return ProblemResponses.Status(context, StatusCodes.Status404NotFound, "not_found", "没有该通知。", "No such notification.");
        }
        return retried
            ? TypedResults.Ok(entry)
            : ProblemResponses.Status(context, StatusCodes.Status409Conflict, "not_dead",
                "只有已放弃（dead）的通知可以重试。", "Only a message given up as dead can be retried.");
    }

    private static Ok<IReadOnlyList<NotificationTemplate>> Templates(NotificationTemplates templates) => TypedResults.Ok(templates.All);
}

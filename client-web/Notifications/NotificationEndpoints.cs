using Dispatch.Items;
using Dispatch.Notifications;
using Dispatch.Web.ApiConventions;

namespace Dispatch.Web.Notifications;

/// <summary>
/// /api/notifications: the outbox of SMS and e-mails: the list and the texts for administrators, supervisors (their scope)
/// and units' heads (their unit); a dead message's retry for administrators.
/// </summary>
public static class NotificationEndpoints
{
    public const string Tag = "Notifications 通知";

    private const int MaxItemLength = 64;

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags(Tag).RequireAuthorization();
        group.MapGet("/", List)
            .WithSummary("Outgoing SMS and e-mails, newest first, within the reader's scope (administrators and the city supervisor all, " +
                "a county supervisor the county's, a unit's head the unit's; 403 for others): status, attempts, next attempt, masked recipient, item; " +
                $"filters status, channel, item (id or number); page (1-{Paging.MaxPage}), pageSize (1-{Paging.MaxPageSize}, default {Paging.DefaultPageSize})");
        group.MapPost("/{id:guid}/retry", Retry).RequireAuthorization(Policies.Admin)
            .WithSummary("Try a dead message once more, now (administrators); 409 when it is not dead");
        group.MapGet("/templates", Templates)
            .WithSummary("The message texts (reference-data/notifications.json): channel, recipient, placeholders, Chinese and English, " +
                "an e-mail's subject (the list's readers: administrators, supervisors, units' heads)");
        return api;
    }

    private static async Task<Results<Ok<ListPage<NotificationEntry>>, ProblemHttpResult>> List(
        [ClosedSet(typeof(NotificationStatuses), nameof(NotificationStatuses.All))] string? status,
        [ClosedSet(typeof(NotificationChannels), nameof(NotificationChannels.All))] string? channel,
        string? item, int? page, int? pageSize, NotificationList list, HttpContext context, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        if (!NotificationList.MayRead(actor))
        {
            return NotReader(context);
        }
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
        return TypedResults.Ok(await list.PageAsync(filter, actor, ct));
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

    private static Results<Ok<IReadOnlyList<NotificationTemplate>>, ProblemHttpResult> Templates(NotificationTemplates templates, HttpContext context) =>
        NotificationList.MayRead(context.User.ToActor()) ? TypedResults.Ok(templates.All) : NotReader(context);

    private static ProblemHttpResult NotReader(HttpContext context) => ProblemResponses.From(DomainError.Forbidden(
        "只有系统管理员、督办人员和单位负责人可以查看通知发送记录。",
        "Only administrators, supervisors and units' heads may read the outgoing notifications."), context);
}

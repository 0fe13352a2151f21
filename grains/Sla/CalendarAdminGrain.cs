using Dispatch.Calendar;
using Dispatch.Errors;
using Dispatch.Identity;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// Writes calendar changes (a year's notice, county closures) and previews them: administrators only. One activation
/// serialises the writes; each is appended to the calendar log, applied on this silo at once and taken up by the
/// others through the log's notification or poll. The recount of open items runs in the background.
/// </summary>
[GrainType("calendar-admin")]
public sealed class CalendarAdminGrain(
    CalendarChangeLog log, CalendarFeed feed, SlaSettings sla, NpgsqlDataSource database, OpenClockedItems openItems, TimeProvider time)
    : Grain, ICalendarAdminGrain
{
    public async Task<Outcome<CalendarChangeView>> PublishYear(int year, CalendarYearDraft draft, Actor actor)
    {
        var published = CalendarDraftRules.Year(year, draft);
        if ((Refusal(actor) ?? published.Error) is { } refused)
        {
            return refused;
        }
        return await AppendAsync(new CalendarChange(0, time.GetUtcNow(), actor.UserId, actor.Role, draft.Reason!.Trim()) { Year = published.Value });
    }

    public async Task<Outcome<CalendarPreviewView>> PreviewYear(int year, CalendarYearDraft draft, Actor actor)
    {
        var published = CalendarDraftRules.Year(year, draft);
        if ((Refusal(actor) ?? published.Error) is { } refused)
        {
            return refused;
        }
        return await PreviewAsync(new CalendarProposal(Guid.NewGuid(), time.GetUtcNow(), year, draft, null), counties: null);
    }

    public async Task<Outcome<CountyClosureView>> AddClosure(CountyClosureDraft draft, Actor actor)
    {
        var closure = await ClosureAsync(draft, actor);
        if (closure.Error is { } refused)
        {
            return refused;
        }
        var change = await AppendAsync(new CalendarChange(0, time.GetUtcNow(), actor.UserId, actor.Role, closure.Value!.ReasonZh) { Closure = closure.Value });
        return change.Error is { } failed ? failed : Outcome<CountyClosureView>.Success(CalendarViews.Closure(sla.Calendars, closure.Value.Id)!);
    }

    public async Task<Outcome<CalendarPreviewView>> PreviewClosure(CountyClosureDraft draft, Actor actor)
    {
        var closure = await ClosureAsync(draft, actor);
        if (closure.Error is { } refused)
        {
            return refused;
        }
        return await PreviewAsync(new CalendarProposal(Guid.NewGuid(), time.GetUtcNow(), null, null, draft), [closure.Value!.CountyCode]);
    }

    public async Task<Outcome<CountyClosureView>> WithdrawClosure(Guid closureId, ClosureWithdrawal withdrawal, Actor actor)
    {
        if (Refusal(actor) is { } forbidden)
        {
            return forbidden;
        }
        await feed.RefreshAsync();
        if (CalendarViews.Closure(sla.Calendars, closureId) is not { } closure)
        {
            return DomainError.NotFound($"County closure {closureId}", $"停工日 {closureId} ");
        }
        if (closure.WithdrawnAt is not null)
        {
            return DomainError.Conflict("already_withdrawn", "该停工日已撤销。", "This closure was already withdrawn.");
        }
        if (CalendarDraftRules.Reason(withdrawal?.Reason) is { Count: > 0 } errors)
        {
            return DomainError.Validation([.. errors]);
        }
        var change = await AppendAsync(new CalendarChange(0, time.GetUtcNow(), actor.UserId, actor.Role, withdrawal!.Reason!.Trim()) { Withdrawn = closureId });
        return change.Error is { } failed ? failed : Outcome<CountyClosureView>.Success(CalendarViews.Closure(sla.Calendars, closureId)!);
    }

    private async Task<Outcome<CountyClosure>> ClosureAsync(CountyClosureDraft draft, Actor actor)
    {
        if (Refusal(actor) is { } forbidden)
        {
            return forbidden;
        }
        var counties = await CountyCodesAsync();
        var closure = CalendarDraftRules.Closure(draft, Guid.NewGuid(), counties, sla.LocalDate(time.GetUtcNow()));
        if (closure.Error is not null)
        {
            return closure;
        }
        await feed.RefreshAsync();
        var taken = sla.Calendars.ActiveClosures.Any(c => c.CountyCode == closure.Value!.CountyCode && c.Date == closure.Value.Date);
        return taken
            ? DomainError.Conflict("closure_exists", "该县（市、区）这一天已有停工日。", "This county already has a closure on that day.")
            : closure;
    }

    private async Task<Outcome<CalendarChangeView>> AppendAsync(CalendarChange change)
    {
        // Catch up first, so the change follows every change already made elsewhere.
        await feed.RefreshAsync();
        var recorded = await log.AppendAsync(change);
        await feed.RefreshAsync();
        return Outcome<CalendarChangeView>.Success(CalendarViews.ChangeView(recorded, sla.Calendars));
    }

    private async Task<Outcome<CalendarPreviewView>> PreviewAsync(CalendarProposal proposal, IReadOnlyCollection<string>? counties)
    {
        await feed.RefreshAsync(); // preview against the calendar in force, not a stale one
        var items = await openItems.ReadAsync(counties);
        var shifts = await OpenClockedItems.AskAllAsync(items, item => DeadlineWatch.Item(GrainFactory, item).PreviewClocks(proposal), CalendarRecount.Parallel);
        return Outcome<CalendarPreviewView>.Success(CalendarViews.Preview(items.Count, [.. shifts.SelectMany(s => s)]));
    }

    private async Task<HashSet<string>> CountyCodesAsync()
    {
        await using var command = database.CreateCommand("select code from areas where level = 'county'");
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }
        return codes;
    }

    private static DomainError? Refusal(Actor actor) => actor.Role == Roles.Admin
        ? null
        : DomainError.Forbidden("只有系统管理员可以修改工作日历。", "Only administrators may change the working calendar.");
}

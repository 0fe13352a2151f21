using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Npgsql;

namespace Dispatch.Sla;

/// <summary>
/// Publishes deadline-rule versions and previews them: administrators only. A version takes effect on a later day than
/// today, so every silo has it before any item can take it; it is appended to sla_rule_versions (who, when, why), applied
/// on this silo at once and taken up by the others through the log's notification or poll.
/// </summary>
[GrainType("sla-rules-admin")]
public sealed class SlaRulesAdminGrain(SlaRuleLog log, SlaRuleFeed feed, SlaSettings sla, NpgsqlDataSource database, TimeProvider time)
    : Grain, ISlaRulesAdminGrain
{
    public async Task<Outcome<SlaRuleVersionView>> Publish(SlaRulesDraft draft, Actor actor)
    {
        var checkedDraft = await CheckAsync(draft, actor);
        if (checkedDraft.Error is { } refused)
        {
            return refused;
        }
        var (rules, body) = checkedDraft.Value;
        var publication = new SlaRulePublication(actor.UserId, actor.Role, time.GetUtcNow(), draft.Reason!.Trim());
        try
        {
            await log.AppendAsync(rules, body, publication);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return DomainError.Conflict("version_taken", $"版本 {rules.Version} 已由他人发布，请刷新后重试。",
                $"Version {rules.Version} was published meanwhile; reload and try again.");
        }
        await feed.RefreshAsync();
        var published = sla.Versions.Find(rules.Version)!;
        return Outcome<SlaRuleVersionView>.Success(SlaRulesGrain.VersionView(published, sla.RulesAt(time.GetUtcNow())));
    }

    public async Task<Outcome<SlaRulesPreview>> Preview(SlaRulesDraft draft, Actor actor)
    {
        var checkedDraft = await CheckAsync(draft, actor);
        if (checkedDraft.Error is { } refused)
        {
            return refused;
        }
        var rules = checkedDraft.Value.Rules;
        var before = sla.Versions.Latest;
        return Outcome<SlaRulesPreview>.Success(new SlaRulesPreview(
            rules.Version, rules.EffectiveFrom, before.Version, Differences(before, rules), await OpenItemsAsync()));
    }

    /// <summary>Admin, a reason, a valid rule document whose effectiveFrom lies after today and after every version.</summary>
    private async Task<Outcome<(SlaRuleSet Rules, string Body)>> CheckAsync(SlaRulesDraft draft, Actor actor)
    {
        if (actor.Role != Roles.Admin)
        {
            return DomainError.Forbidden("只有系统管理员可以发布时限规则。", "Only administrators may publish deadline rules.");
        }
        await feed.RefreshAsync(); // number and check against every version published anywhere
        var version = sla.Versions.Latest.Version + 1;
        var (rules, body, problem) = Parse(draft?.Rules, version);
        FieldError[] errors = [.. new[] { ReasonProblem(draft?.Reason), problem }.OfType<FieldError>()];
        if (errors.Length > 0)
        {
            return DomainError.Validation(errors);
        }
        var today = sla.LocalDate(time.GetUtcNow());
        if (rules!.EffectiveFrom <= today)
        {
            return DomainError.Validation(new FieldError("rules.effectiveFrom", "not_in_future",
                $"生效日期须晚于今天（{today:yyyy-MM-dd}）：已受理的事项保留原规则，新规则只适用于生效后受理的事项。",
                $"effectiveFrom must be after today ({today:yyyy-MM-dd}): items already received keep their rules; a new version applies only to items received from that day."));
        }
        try
        {
            SlaRuleVersions.Of([.. sla.Versions.All, rules], "the published versions");
        }
        catch (SlaRulesException ex)
        {
            return DomainError.Validation(new FieldError("rules.effectiveFrom", "not_after_previous", $"生效日期须晚于已发布的各版本。{ex.Message}", ex.Message));
        }
        return Outcome<(SlaRuleSet, string)>.Success((rules, body!));
    }

    private static FieldError? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? new FieldError("reason", "required", "请填写发布理由。", "The reason is required.")
        : reason.Trim().EnumerateRunes().Count() > TextLimits.Note
            ? new FieldError("reason", "too_long", $"发布理由不能超过 {TextLimits.Note} 个字符。", $"The reason must be at most {TextLimits.Note} characters.")
            : null;

    /// <summary>The document with its assigned version, checked by the same reader as the shipped files.</summary>
    private static (SlaRuleSet? Rules, string? Body, FieldError? Problem) Parse(string? json, int version)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, null, new FieldError("rules", "required", "请提供规则内容。", "The rule document is required."));
        }
        try
        {
            if (JsonNode.Parse(json) is not JsonObject document)
            {
                return (null, null, new FieldError("rules", "invalid", "规则内容须为 JSON 对象。", "The rule document must be a JSON object."));
            }
            document["version"] = version;
            var body = document.ToJsonString();
            return (SlaRuleSet.Parse(body, $"the new version {version}"), body, null);
        }
        catch (JsonException ex)
        {
            return (null, null, new FieldError("rules", "invalid", $"规则内容不是有效的 JSON：{ex.Message}", $"The rule document is not valid JSON: {ex.Message}"));
        }
        catch (SlaRulesException ex)
        {
            return (null, null, new FieldError("rules", "invalid", $"规则内容有误：{ex.Message}", ex.Message));
        }
    }

    /// <summary>Every rule of the new version that differs from the version it follows, clock by clock, and changed sources.</summary>
    public static ImmutableArray<SlaRuleChange> Differences(SlaRuleSet before, SlaRuleSet after)
    {
        var old = SlaRulesGrain.Rules(before).ToDictionary(r => (r.Item, r.Name));
        var now = SlaRulesGrain.Rules(after).ToDictionary(r => (r.Item, r.Name));
        var changes = new List<SlaRuleChange>();
        foreach (var key in old.Keys.Union(now.Keys).OrderBy(k => k.Item, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            old.TryGetValue(key, out var was);
            now.TryGetValue(key, out var @is);
            if (was is null || @is is null)
            {
                changes.Add(new SlaRuleChange(key.Item, key.Name, null, was is null ? "added" : "removed", was?.Source, @is?.Source));
                continue;
            }
            var wasClocks = was.Clocks.ToDictionary(c => c.Clock, Length);
            var isClocks = @is.Clocks.ToDictionary(c => c.Clock, Length);
            changes.AddRange(wasClocks.Keys.Union(isClocks.Keys).Order(StringComparer.Ordinal)
                .Where(clock => wasClocks.GetValueOrDefault(clock) != isClocks.GetValueOrDefault(clock))
                .Select(clock => new SlaRuleChange(key.Item, key.Name, clock, "length", wasClocks.GetValueOrDefault(clock), isClocks.GetValueOrDefault(clock))));
            if (was.Source != @is.Source)
            {
                changes.Add(new SlaRuleChange(key.Item, key.Name, null, "source", was.Source, @is.Source));
            }
        }
        return [.. changes];
    }

    private static string Length(SlaLengthView length) => $"{length.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {length.Unit}";

    /// <summary>Items with a running clock: they keep the version they were received under.</summary>
    private async Task<int> OpenItemsAsync()
    {
        await using var command = database.CreateCommand("select count(*)::int from clock_watch");
        return (int)(await command.ExecuteScalarAsync())!;
    }
}

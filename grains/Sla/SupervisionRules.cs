using System.Text.Json;
using Dispatch.Items;

namespace Dispatch.Sla;

/// <summary>
/// The rules of supervision orders (督办), data read at start from reference-data/supervision.json beside the deadline
/// rules: how long a unit has for its written reply at each level, and the escalation ladder's triggers.
/// </summary>
public sealed record SupervisionRules(IReadOnlyDictionary<string, SlaDuration> ReplyWithin, IReadOnlyList<LadderRule> Ladder, string Source)
{
    public const string FileName = "supervision.json";

    /// <summary>The longest window a rung may count its events in (a year).</summary>
    public const int MaxWithinDays = 366;

    /// <summary>The reply time an order gets at a level (unit, county, city).</summary>
    public SlaDuration ReplyAt(string level) => ReplyWithin[level];

    /// <summary>The ladder's rule for a cause, or null when the ladder does not name it.</summary>
    public LadderRule? Rung(string cause) => Ladder.FirstOrDefault(r => r.Cause == cause);

    public static SupervisionRules Load(string referenceDataFolder)
    {
        var path = Path.Combine(referenceDataFolder, FileName);
        if (!File.Exists(path))
        {
            throw new SlaRulesException($"Supervision rules file not found: {path}");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads and validates the rules; <paramref name="source"/> names the file in every error.</summary>
    public static SupervisionRules Parse(string json, string source)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new SlaRulesException($"Supervision rules {source} are not valid JSON: {ex.Message}", ex);
        }
        if (!root.TryGetProperty("replyWithin", out var reply) || reply.ValueKind != JsonValueKind.Object)
        {
            throw new SlaRulesException($"Supervision rules {source}: 'replyWithin' is missing.");
        }
        var lengths = SupervisionLevels.All.ToDictionary(level => level, level => ReadDuration(reply, level, source));
        var ladder = root.TryGetProperty("ladder", out var rungs) && rungs.ValueKind == JsonValueKind.Array
            ? rungs.EnumerateArray().Select((rung, i) => ReadRung(rung, $"{source} ladder[{i}]")).ToList()
            : [];
        var duplicate = ladder.GroupBy(r => r.Cause).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SlaRulesException($"Supervision rules {source}: the ladder names '{duplicate.Key}' twice.");
        }
        var origin = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        return new SupervisionRules(lengths, ladder, origin);
    }

    private static SlaDuration ReadDuration(JsonElement reply, string level, string source)
    {
        if (!reply.TryGetProperty(level, out var entry) || entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Number
            || !entry.TryGetProperty("unit", out var unit) || !SlaUnitNames.TryParse(unit.GetString(), out var parsed))
        {
            throw new SlaRulesException(
                $"Supervision rules {source}: replyWithin '{level}' needs an amount and a unit (working_hours, working_days, calendar_days, hours).");
        }
        var value = amount.GetDecimal();
        if (value <= 0)
        {
            throw new SlaRulesException($"Supervision rules {source}: replyWithin '{level}' must be above zero, not {value}.");
        }
        return new SlaDuration(value, parsed);
    }

    private static LadderRule ReadRung(JsonElement rung, string where)
    {
        var cause = rung.TryGetProperty("cause", out var c) ? c.GetString() : null;
        if (cause is null || !SupervisionCauses.Ladder.Contains(cause))
        {
            throw new SlaRulesException($"Supervision rules {where}: 'cause' is '{cause}'; known: {string.Join(", ", SupervisionCauses.Ladder)}.");
        }
        if (!rung.TryGetProperty("count", out var count) || !count.TryGetInt32(out var n) || n < 1)
        {
            throw new SlaRulesException($"Supervision rules {where}: 'count' must be a whole number of at least 1.");
        }
        int? within = rung.TryGetProperty("withinDays", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetInt32() : null;
        if (within is < 1 or > MaxWithinDays)
        {
            throw new SlaRulesException($"Supervision rules {where}: 'withinDays' must be from 1 to {MaxWithinDays}.");
        }
        return new LadderRule(cause, n, within);
    }
}

/// <summary>One rung of the escalation ladder: this many of the cause's events (within so many days, when given) raise an order.</summary>
public sealed record LadderRule(string Cause, int Count, int? WithinDays);

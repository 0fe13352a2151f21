using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Sla;

internal sealed record SlaRulesJson(
    int? Version,
    string? EffectiveFrom,
    int? WarningAtPercent,
    [property: JsonPropertyName("ticketRules")] IReadOnlyList<TicketRuleJson?>? TicketEntries,
    [property: JsonPropertyName("legalAidRules")] IReadOnlyList<NamedClockJson?>? LegalAidClocks,
    [property: JsonPropertyName("rehabRules")] IReadOnlyList<NamedClockJson?>? RehabClocks,
    [property: JsonPropertyName("petitionRules")] IReadOnlyList<NamedClockJson?>? PetitionClocks);

internal sealed record TicketRuleJson(
    string? Kind, string? Urgency, DurationJson? SignFor, DurationJson? Handling, DurationJson? Callback, DurationJson? ExtensionCap,
    string? Source, string? Note);

internal sealed record DurationJson(decimal? Amount, string? Unit);

internal sealed record NamedClockJson(string? Clock, decimal? Amount, string? Unit, string? Source, string? Note, string? From);

/// <summary>Turns one rule-version file (sla-rules/v{version}.json) into an <see cref="SlaRuleSet"/>, failing on the first bad entry with its name.</summary>
internal sealed class SlaRulesReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private readonly string source;

    private SlaRulesReader(string source) => this.source = source;

    public static SlaRuleSet Read(string json, string source)
    {
        SlaRulesJson? raw;
        try
        {
            raw = JsonSerializer.Deserialize<SlaRulesJson>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new SlaRulesException($"SLA rules {source} are not valid JSON: {ex.Message}", ex);
        }
        return new SlaRulesReader(source).Read(raw ?? throw new SlaRulesException($"SLA rules {source} are empty."));
    }

    private SlaRuleSet Read(SlaRulesJson raw)
    {
        var version = raw.Version ?? throw Bad("'version' is missing");
        Require(version >= 1, $"'version' is {version}; versions start at 1");
        Require(DateOnly.TryParseExact(raw.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effectiveFrom),
            $"'effectiveFrom' is '{raw.EffectiveFrom}', expected yyyy-MM-dd");
        var warning = raw.WarningAtPercent ?? throw Bad("'warningAtPercent' is missing");
        Require(warning is >= 1 and <= 100, $"'warningAtPercent' is {warning}; it must be between 1 and 100");
        var ticketRules = ReadTicketRules(raw.TicketEntries, version);
        var legalAid = ReadNamedClocks(raw.LegalAidClocks, "legalAidRules");
        RequireClocks(legalAid, "legalAidRules", SlaRuleSet.LegalAidRequiredClocks, "a legal-aid case");
        var decisionFrom = raw.LegalAidClocks!.First(e => e!.Clock == SlaRuleSet.LegalAidDecision)!.From;
        Require(decisionFrom is SlaRuleSet.FromReceipt or SlaRuleSet.FromAcceptance,
            $"legalAidRules ({SlaRuleSet.LegalAidDecision}) has 'from' '{decisionFrom}'; the decision clock runs from " +
            $"'{SlaRuleSet.FromReceipt}' (of the application) or '{SlaRuleSet.FromAcceptance}' (by the station)");
        var rehab = ReadNamedClocks(raw.RehabClocks, "rehabRules");
        RequireClocks(rehab, "rehabRules", SlaRuleSet.RehabClocksRequired, "a visit");
        var petition = ReadNamedClocks(raw.PetitionClocks, "petitionRules");
        RequireClocks(petition, "petitionRules", SlaRuleSet.PetitionClocks, "a petition");
        Require(petition[SlaRuleSet.PetitionExtension].CountsWorkingTime == petition[SlaRuleSet.PetitionReply].CountsWorkingTime,
            "petitionRules extension and reply count time differently; an extension must count time the way the clock it extends does");
        IReadOnlyList<SlaRuleSource> sources =
        [
            .. raw.TicketEntries!.Select(e => new SlaRuleSource("ticket", $"{e!.Kind}/{e.Urgency}", e.Source!, e.Note)),
            .. (raw.LegalAidClocks ?? []).Select(e => new SlaRuleSource("legalAid", e!.Clock!, e.Source!, e.Note, e.Clock == SlaRuleSet.LegalAidDecision ? e.From : null)),
            .. (raw.RehabClocks ?? []).Select(e => new SlaRuleSource("rehab", e!.Clock!, e.Source!, e.Note)),
            .. (raw.PetitionClocks ?? []).Select(e => new SlaRuleSource("petition", e!.Clock!, e.Source!, e.Note)),
        ];
        return new SlaRuleSet(version, effectiveFrom, warning, ticketRules, legalAid, decisionFrom!, rehab, petition, sources);
    }

    private List<KindRule> ReadTicketRules(IReadOnlyList<TicketRuleJson?>? entries, int version)
    {
        Require(entries is { Count: > 0 }, "'ticketRules' is missing or empty");
        var rules = new List<KindRule>();
        for (var i = 0; i < entries!.Count; i++)
        {
            var entry = entries[i];
            Require(entry is not null, $"ticketRules[{i}] is empty");
            Require(!string.IsNullOrWhiteSpace(entry!.Kind), $"ticketRules[{i}] has no kind (a ticket kind or '*')");
            Require(!string.IsNullOrWhiteSpace(entry.Urgency), $"ticketRules[{i}] ({entry.Kind}) has no urgency");
            var where = $"ticketRules[{i}] ({entry.Kind}/{entry.Urgency})";
            RequireSource(entry.Source, where);
            Require(!rules.Exists(rule => rule.Kind == entry.Kind && rule.Urgency == entry.Urgency),
                $"{where} repeats an earlier rule for the same kind and urgency");
            var signFor = ReadDuration(entry.SignFor, $"{where} signFor");
            var handling = ReadDuration(entry.Handling, $"{where} handling");
            var callback = ReadDuration(entry.Callback, $"{where} callback");
            var extensionCap = ReadDuration(entry.ExtensionCap, $"{where} extensionCap", zeroAllowed: true);
            Require(extensionCap.Amount == 0 || extensionCap.CountsWorkingTime == handling.CountsWorkingTime,
                $"{where} extensionCap is in {extensionCap.Unit.Name()} but handling in {handling.Unit.Name()}; " +
                "an extension must count time the way the clock it extends does");
            rules.Add(new KindRule(entry.Kind!, entry.Urgency!, new Dictionary<string, SlaDuration>(StringComparer.Ordinal)
            {
                [SlaRuleSet.SignFor] = signFor,
                [SlaRuleSet.Handling] = handling,
                [SlaRuleSet.Callback] = callback,
                [SlaRuleSet.ExtensionCap] = extensionCap,
            }));
        }
        return rules;
    }

    private Dictionary<string, SlaDuration> ReadNamedClocks(IReadOnlyList<NamedClockJson?>? entries, string list)
    {
        var clocks = new Dictionary<string, SlaDuration>(StringComparer.Ordinal);
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            var entry = entries![i];
            Require(entry is not null && !string.IsNullOrWhiteSpace(entry.Clock), $"{list}[{i}] has no clock name");
            var where = $"{list}[{i}] ({entry!.Clock})";
            RequireSource(entry.Source, where);
            Require(!clocks.ContainsKey(entry.Clock!), $"{where} repeats an earlier clock of the same name");
            clocks[entry.Clock!] = ReadDuration(new DurationJson(entry.Amount, entry.Unit), where);
        }
        return clocks;
    }

    private void RequireClocks(Dictionary<string, SlaDuration> clocks, string list, IReadOnlyList<string> required, string item)
    {
        var absent = required.Where(name => !clocks.ContainsKey(name)).ToList();
        Require(absent.Count == 0, $"'{list}' lacks the clock(s) {string.Join(", ", absent)}; {item} needs every one of {string.Join(", ", required)}");
    }

    private SlaDuration ReadDuration(DurationJson? raw, string where, bool zeroAllowed = false)
    {
        Require(raw is not null, $"{where} is missing");
        Require(SlaUnitNames.TryParse(raw!.Unit, out var unit),
            $"{where} has unknown unit '{raw.Unit}' (expected one of {string.Join(", ", SlaUnitNames.All)})");
        var amount = raw.Amount ?? throw Bad($"{where} has no amount");
        Require(zeroAllowed ? amount >= 0 : amount > 0,
            $"{where} has amount {amount}; it must be {(zeroAllowed ? "zero or more" : "more than zero")}");
        return new SlaDuration(amount, unit);
    }

    /// <summary>Every rule names where it comes from (a statute and article, ministry rules or a local default), so no local default passes for law.</summary>
    private void RequireSource(string? source, string where) =>
        Require(!string.IsNullOrWhiteSpace(source), $"{where} has no 'source' (the statute, rules or local practice it comes from)");

    private void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw Bad(problem);
        }
    }

    private SlaRulesException Bad(string problem) => new($"SLA rules {source}: {problem}.");
}

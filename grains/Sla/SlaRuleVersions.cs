namespace Dispatch.Sla;

/// <summary>
/// Every published version of the deadline rules (deploy/reference-data/sla-rules/*.json), oldest first. An item takes
/// the version in force on the local day it was received and keeps it for life, so versions are only ever added.
/// </summary>
public sealed class SlaRuleVersions
{
    private SlaRuleVersions(IReadOnlyList<SlaRuleSet> all) => All = all;

    /// <summary>Every version, by version number (and so by effectiveFrom), oldest first.</summary>
    public IReadOnlyList<SlaRuleSet> All { get; }

    public SlaRuleSet Latest => All[^1];

    /// <summary>
    /// The version in force on a local (Asia/Shanghai) day: the latest whose effectiveFrom is on or before it. A day before
    /// the first version takes the first, so an item dated before the rules began still has rules.
    /// </summary>
    public SlaRuleSet InForceOn(DateOnly localDay) => All.LastOrDefault(rules => rules.EffectiveFrom <= localDay) ?? All[0];

    public SlaRuleSet? Find(int version) => All.FirstOrDefault(rules => rules.Version == version);

    /// <summary>Reads every *.json of a folder; fails naming the file or the clash when one is bad.</summary>
    public static SlaRuleVersions Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new SlaRulesException($"SLA rules folder not found: {folder}");
        }
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        return Of([.. files.Select(LoadNamed)], folder);
    }

    /// <summary>A version lives in v{version}.json, so the folder listing tells which versions exist.</summary>
    private static SlaRuleSet LoadNamed(string path)
    {
        var rules = SlaRuleSet.Load(path);
        var expected = $"v{rules.Version}.json";
        if (!string.Equals(Path.GetFileName(path), expected, StringComparison.Ordinal))
        {
            throw new SlaRulesException($"SLA rules {path}: the file holds version {rules.Version} and must be named {expected}.");
        }
        return rules;
    }

    /// <summary>Checks that versions are unique and that effectiveFrom strictly increases with the version number.</summary>
    public static SlaRuleVersions Of(IReadOnlyList<SlaRuleSet> versions, string source)
    {
        if (versions.Count == 0)
        {
            throw new SlaRulesException($"SLA rules {source}: no rule version found; at least one *.json is needed.");
        }
        var ordered = versions.OrderBy(rules => rules.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (earlier, later) = (ordered[i - 1], ordered[i]);
            if (earlier.Version == later.Version)
            {
                throw new SlaRulesException($"SLA rules {source}: version {later.Version} appears more than once; each version is published once.");
            }
            if (later.EffectiveFrom <= earlier.EffectiveFrom)
            {
                throw new SlaRulesException(
                    $"SLA rules {source}: version {later.Version} takes effect on {later.EffectiveFrom:yyyy-MM-dd}, not after version " +
                    $"{earlier.Version} ({earlier.EffectiveFrom:yyyy-MM-dd}); effectiveFrom must increase with the version.");
            }
        }
        return new SlaRuleVersions(ordered);
    }
}

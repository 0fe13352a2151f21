using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Sla;

/// <summary>
/// How the deadline watcher catches up when many deadlines are due at once (after an outage): each shard reads the
/// clock index in pages of <see cref="CatchUpBatch"/> rows and evaluates at most <see cref="Parallelism"/> items at a
/// time, so a silo never holds more than <c>Shards × CatchUpBatch</c> index rows or makes more than
/// <c>Shards × Parallelism</c> item calls at once for the watcher. Configuration section "DeadlineWatch".
/// </summary>
public sealed record DeadlineWatchSettings(int CatchUpBatch, int Parallelism)
{
    public const string Section = "DeadlineWatch";

    public static DeadlineWatchSettings Default { get; } = new(CatchUpBatch: 500, Parallelism: 4);

    /// <summary>Reads the section; a value that is not a positive whole number stops the silo naming the key.</summary>
    public static DeadlineWatchSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new DeadlineWatchSettings(
            Positive(section, nameof(CatchUpBatch), Default.CatchUpBatch),
            Positive(section, nameof(Parallelism), Default.Parallelism));
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        if (section[key] is not { } text)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }
        throw new ArgumentException($"{section.Path}:{key} must be a positive whole number, not '{text}'.");
    }
}

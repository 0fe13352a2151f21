using System.Text.Json;

namespace Dispatch.Stats;

/// <summary>The targets the measures are held against, loaded from measures.json beside the other reference data.</summary>
public sealed record MeasureTargets(decimal OnTimeClosureTarget)
{
    public static MeasureTargets Load(string referenceDataFolder)
    {
        var path = Path.Combine(referenceDataFolder, "measures.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("onTimeClosureTarget", out var target) || target.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidDataException($"{path}: 'onTimeClosureTarget' is missing or not a number.");
        }
        var value = target.GetDecimal();
        if (value is <= 0 or > 1)
        {
            throw new InvalidDataException($"{path}: 'onTimeClosureTarget' must be above 0 and at most 1, not {value}.");
        }
        return new MeasureTargets(value);
    }
}

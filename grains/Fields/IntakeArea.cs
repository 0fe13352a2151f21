using Dispatch.Items;
using Dispatch.Errors;

namespace Dispatch.Fields;

/// <summary>Where a ticket belongs. The town decides the county: an address's town belongs to exactly one county.</summary>
internal static class IntakeArea
{
    public static (string? CountyCode, string? TownCode) Resolve(
        string? countyText, string? townText, IntakeReference reference, List<FieldError> errors,
        IntakeField? countyField = null, IntakeField? townField = null)
    {
        var county = TextRules.Trimmed(countyText);
        var town = TextRules.Trimmed(townText);
        if (county is null && town is null)
        {
            errors.Add(IntakeErrors.Required(countyField ?? IntakeField.CountyCode));
            return (null, null);
        }
        var countyKnown = county is null || reference.CountyCodes.Contains(county);
        if (county is not null && !countyKnown)
        {
            errors.Add(IntakeErrors.UnknownCounty(county, countyField));
        }
        if (town is null)
        {
            return (county, null);
        }
        if (!reference.TownCounties.TryGetValue(town, out var townCounty))
        {
            errors.Add(IntakeErrors.UnknownTown(town, townField));
            return (null, null);
        }
        // Comparing against an unknown county would only repeat the county error under another field.
        if (county is not null && countyKnown && county != townCounty)
        {
            errors.Add(IntakeErrors.TownNotInCounty(town, townCounty, county, townField));
        }
        return (townCounty, town);
    }
}

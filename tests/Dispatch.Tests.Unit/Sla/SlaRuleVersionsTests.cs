using System.Text.Json.Nodes;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Sla;

public sealed class SlaRuleVersionsTests
{
    private static readonly string ShippedFolder = Shanghai.ReferenceData(SlaSettings.RulesFolder);

    /// <summary>The shipped first version with another number and start date, as a later version would be published.</summary>
    private static SlaRuleSet Version(int version, string effectiveFrom, Action<JsonNode>? edit = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedFolder, "v1.json")))!;
        json["version"] = version;
        json["effectiveFrom"] = effectiveFrom;
        edit?.Invoke(json);
        return SlaRuleSet.Parse(json.ToJsonString(), $"v{version}.json");
    }

    private static SlaRuleVersions TwoVersions() => SlaRuleVersions.Of(
        [Version(2, "2026-12-01", json => json["ticketRules"]![4]!["handling"]!["amount"] = 8), Version(1, "2025-01-01")], "test");

    [Fact]
    public void Every_shipped_version_loads_oldest_first()
    {
        var shipped = SlaRuleVersions.Load(ShippedFolder);

        shipped.All.Should().NotBeEmpty();
        shipped.All.Select(v => v.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        shipped.All.Select(v => v.EffectiveFrom).Should().BeInAscendingOrder();
        shipped.All[0].Version.Should().Be(1);
    }

    [Theory]
    [InlineData("2025-01-01", 1)]
    [InlineData("2026-11-30", 1)]
    [InlineData("2026-12-01", 2)]
    [InlineData("2030-06-01", 2)]
    public void The_version_in_force_is_the_latest_that_began_on_or_before_the_day(string day, int expected) =>
        TwoVersions().InForceOn(Shanghai.Date(day)).Version.Should().Be(expected);

    [Fact]
    public void A_day_before_the_first_version_takes_the_first() =>
        TwoVersions().InForceOn(new DateOnly(2024, 6, 1)).Version.Should().Be(1);

    [Fact]
    public void The_day_of_receipt_is_the_local_day_in_Jiaxing()
    {
        var settings = new SlaSettings(Shanghai.Calendar, TwoVersions(), SupervisionRules.Load(Shanghai.ReferenceData()));

        // 30 November 2026 16:30 UTC is already 1 December 00:30 in Jiaxing.
        settings.RulesAt(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero)).Version.Should().Be(2);
        settings.RulesAt(Shanghai.At(2026, 11, 30, 23, 59)).Version.Should().Be(1);
    }

    [Fact]
    public void A_version_published_twice_is_refused()
    {
        var act = () => SlaRuleVersions.Of([Version(1, "2025-01-01"), Version(1, "2026-12-01")], "test");

        act.Should().Throw<SlaRulesException>().WithMessage("*version 1 appears more than once*");
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2024-12-31")]
    public void A_later_version_that_does_not_begin_later_is_refused(string effectiveFrom)
    {
        var act = () => SlaRuleVersions.Of([Version(1, "2025-01-01"), Version(2, effectiveFrom)], "test");

        act.Should().Throw<SlaRulesException>().WithMessage($"*version 2 takes effect on {effectiveFrom}*version 1 (2025-01-01)*");
    }

    [Fact]
    public void A_file_named_for_another_version_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("sla-rules-").FullName;
        try
        {
            File.Copy(Path.Combine(ShippedFolder, "v1.json"), Path.Combine(folder, "v3.json"));

            var act = () => SlaRuleVersions.Load(folder);

            act.Should().Throw<SlaRulesException>().WithMessage("*v3.json*holds version 1*named v1.json*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_or_empty_folder_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("sla-rules-").FullName;
        try
        {
            FluentActions.Invoking(() => SlaRuleVersions.Load(folder)).Should().Throw<SlaRulesException>().WithMessage($"*{folder}*no rule version*");
            FluentActions.Invoking(() => SlaRuleVersions.Load("/nowhere/sla-rules")).Should().Throw<SlaRulesException>().WithMessage("*/nowhere/sla-rules*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_version_is_found_by_its_number()
    {
        TwoVersions().Find(2)!.TicketEntries[4].Clock(SlaRuleSet.Handling).Should().Be(SlaDuration.WorkingDays(8));
        TwoVersions().Find(7).Should().BeNull();
    }
}

using Dispatch.Schema;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Schema;

public sealed class ReferenceDataFileTests
{
    private static ReferenceDataFile Shipped() => ReferenceDataFile.Load(DatabaseSetup.DefaultReferenceDataPath);

    [Fact]
    public void The_shipped_file_has_seven_counties_each_with_a_centre_a_legal_aid_station_and_a_rehab_provider()
    {
        var file = Shipped();
        file.Counties.Should().HaveCount(7);
        foreach (var county in file.Counties)
        {
            var kinds = file.Units.Where(u => u.CountyCode == county.Code).Select(u => u.Kind).ToList();
            kinds.Should().Contain(["centre", "legal_aid", "rehab"], because: $"county {county.Code} needs all three kinds");
            county.Towns.Should().NotBeEmpty();
        }
        file.Units.Where(u => u.CountyCode == "330400").Select(u => u.Kind).Should().Contain(["legal_aid", "rehab"]);
    }

    [Fact]
    public void A_unit_in_an_unknown_county_is_named()
    {
        var file = Shipped();
        var broken = file with { Units = [.. file.Units, new UnitEntry("X-1", "x", "x", "centre", "110101", null, null)] };
        FluentActions.Invoking(() => broken.Validate("test")).Should().Throw<ReferenceDataException>()
            .Which.Message.Should().Contain("X-1").And.Contain("110101");
    }

    [Fact]
    public void A_duplicate_unit_code_is_named()
    {
        var file = Shipped();
        var broken = file with { Units = [.. file.Units, file.Units[0]] };
        FluentActions.Invoking(() => broken.Validate("test")).Should().Throw<ReferenceDataException>()
            .Which.Message.Should().Contain(file.Units[0].Code).And.Contain("twice");
    }

    [Fact]
    public void A_town_code_outside_its_county_is_named()
    {
        var file = Shipped();
        var county = file.Counties[0];
        var badTown = new TownEntry("330499001", "错镇", "Wrong", "town");
        var broken = file with { Counties = [county with { Towns = [.. county.Towns, badTown] }, .. file.Counties.Skip(1)] };
        FluentActions.Invoking(() => broken.Validate("test")).Should().Throw<ReferenceDataException>()
            .Which.Message.Should().Contain("330499001");
    }

    [Fact]
    public void Migrations_are_embedded_in_version_order_each_version_once()
    {
        // Parallel branches take separate number ranges (0020-0029, ...), so gaps between ranges are expected.
        var versions = SchemaMigrator.EmbeddedMigrations.Select(m => m.Version).ToList();
        versions.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        versions[0].Should().Be(1);
        versions.Take(9).Should().Equal(Enumerable.Range(1, 9));
    }
}

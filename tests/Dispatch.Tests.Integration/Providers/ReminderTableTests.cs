using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Orleans;
using Orleans.Runtime;
using Xunit;

namespace Dispatch.Tests.Integration.Providers;

/// <summary>The real ADO.NET reminder table (Orleans 10.4.2) on our 0003 migration.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderTableTests(PostgresFixture postgres)
{
    private readonly string serviceId = "reminders-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Upserted_reminder_is_read_back_with_the_returned_etag()
    {
        var table = await StartAsync();
        var reminder = Reminder(Unit("330402-01"), "sla-check", TimeSpan.FromMinutes(5));

        var etag = await table.UpsertRow(reminder);

        etag.Should().NotBeNullOrEmpty();
        var stored = await table.ReadRow(reminder.GrainId, "sla-check");
        stored.Should().NotBeNull();
        stored!.GrainId.Should().Be(reminder.GrainId);
        stored.ReminderName.Should().Be("sla-check");
        stored.StartAt.Should().Be(reminder.StartAt);
        stored.Period.Should().Be(TimeSpan.FromMinutes(5));
        stored.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task Upserting_an_existing_reminder_replaces_it_and_changes_its_etag()
    {
        var table = await StartAsync();
        var grain = Unit("330402-02");
        var firstEtag = await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));

        var secondEtag = await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(15)));

        secondEtag.Should().NotBe(firstEtag);
        var stored = await table.ReadRow(grain, "sla-check");
        stored!.Period.Should().Be(TimeSpan.FromMinutes(15));
        stored.ETag.Should().Be(secondEtag);
        (await table.ReadRows(grain)).Reminders.Should().ContainSingle();
    }

    [Fact]
    public async Task A_period_longer_than_int_max_milliseconds_round_trips()
    {
        var table = await StartAsync();
        var grain = Unit("330402-03");
        var period = TimeSpan.FromDays(40);

        await table.UpsertRow(Reminder(grain, "monthly-report", period));

        (await table.ReadRow(grain, "monthly-report"))!.Period.Should().Be(period);
    }

    [Fact]
    public async Task Reading_an_unknown_reminder_returns_null()
    {
        var table = await StartAsync();

        var stored = await table.ReadRow(Unit("330402-04"), "never-registered");

        stored.Should().BeNull();
    }

    [Fact]
    public async Task Read_by_grain_returns_all_reminders_of_that_grain_only()
    {
        var table = await StartAsync();
        var grain = Unit("330402-05");
        await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));
        await table.UpsertRow(Reminder(grain, "shift-change", TimeSpan.FromHours(8)));
        await table.UpsertRow(Reminder(Unit("330402-06"), "sla-check", TimeSpan.FromMinutes(5)));

        var data = await table.ReadRows(grain);

        data.Reminders.Select(r => r.ReminderName).Should().BeEquivalentTo("sla-check", "shift-change");
        data.Reminders.Should().OnlyContain(r => r.GrainId == grain);
    }

    [Fact]
    public async Task Non_wrapping_range_read_excludes_begin_and_includes_end()
    {
        var table = await StartAsync();
        var grains = Enumerable.Range(0, 8).Select(i => Unit($"330411-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));
        }
        var bySignedHash = grains.OrderBy(g => (int)g.GetUniformHashCode()).ToList();
        var (atBegin, atEnd) = (bySignedHash[3], bySignedHash[4]);
        var begin = atBegin.GetUniformHashCode();
        var end = atEnd.GetUniformHashCode();
        ((int)begin).Should().BeLessThan((int)end, "this test covers the begin < end form of the range query");

        var data = await table.ReadRows(begin, end);

        data.Reminders.Select(r => r.GrainId).Should().Equal(atEnd);
    }

    [Fact]
    public async Task Wrapping_range_read_returns_every_hash_past_begin_or_up_to_end()
    {
        var table = await StartAsync();
        var grains = Enumerable.Range(0, 8).Select(i => Unit($"330421-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));
        }
        var excluded = grains[5].GetUniformHashCode();
        var begin = excluded;
        var end = excluded - 1;
        ((int)begin).Should().BeGreaterThanOrEqualTo((int)end, "this test covers the wrap-around form of the range query");

        var data = await table.ReadRows(begin, end);

        data.Reminders.Select(r => r.GrainId).Should().BeEquivalentTo(grains.Where(g => g != grains[5]));
    }

    [Theory]
    [InlineData(0x1000_0000u, 0x3000_0000u)] // positive as int: begin < end form
    [InlineData(0x8000_0000u, 0xFFFF_FFFFu)] // negative as int: begin < end form
    [InlineData(0xC000_0000u, 0x4000_0000u)] // wraps past zero on the ring, yet begin < end as int
    [InlineData(0x7000_0000u, 0x9000_0000u)] // plain on the ring, yet crosses the int sign: wrap-around form
    [InlineData(0x0000_0000u, 0x8000_0000u)] // ends exactly on int.MinValue: wrap-around form
    [InlineData(0x1234_5678u, 0x1234_5678u)] // begin = end is the whole ring
    public async Task Range_reads_follow_the_uint_ring_whatever_form_the_provider_picks(uint begin, uint end)
    {
        var table = await StartAsync();
        var grains = Enumerable.Range(0, 48).Select(i => Unit($"330499-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));
        }

        var data = await table.ReadRows(begin, end);

        var expected = grains.Where(g => InRing(g.GetUniformHashCode(), begin, end)).ToList();
        expected.Should().NotBeEmpty("the sample must make the range meaningful");
        data.Reminders.Select(r => r.GrainId).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Remove_with_a_wrong_etag_removes_nothing()
    {
        var table = await StartAsync();
        var grain = Unit("330402-07");
        var etag = await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));

        var removed = await table.RemoveRow(grain, "sla-check", (int.Parse(etag!) + 1).ToString());

        removed.Should().BeFalse();
        (await table.ReadRow(grain, "sla-check")).Should().NotBeNull();
    }

    [Fact]
    public async Task Remove_with_an_etag_made_stale_by_a_later_upsert_removes_nothing()
    {
        var table = await StartAsync();
        var grain = Unit("330402-08");
        var staleEtag = await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));
        await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(10)));

        var removed = await table.RemoveRow(grain, "sla-check", staleEtag!);

        removed.Should().BeFalse();
        (await table.ReadRow(grain, "sla-check"))!.Period.Should().Be(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Remove_with_the_current_etag_removes_the_reminder()
    {
        var table = await StartAsync();
        var grain = Unit("330402-09");
        var etag = await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));
        await table.UpsertRow(Reminder(grain, "shift-change", TimeSpan.FromHours(8)));

        var removed = await table.RemoveRow(grain, "sla-check", etag!);

        removed.Should().BeTrue();
        (await table.ReadRow(grain, "sla-check")).Should().BeNull();
        (await table.ReadRows(grain)).Reminders.Select(r => r.ReminderName).Should().Equal("shift-change");
    }

    [Fact]
    public async Task Clearing_the_table_removes_only_this_services_reminders()
    {
        var table = await StartAsync();
        var other = await AdoNetProviders.StartReminderTableAsync(postgres.ConnectionString, serviceId + "-other");
        var grain = Unit("330402-10");
        await table.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));
        await other.UpsertRow(Reminder(grain, "sla-check", TimeSpan.FromMinutes(5)));

        await table.TestOnlyClearTable();

        (await table.ReadRows(grain)).Reminders.Should().BeEmpty();
        (await other.ReadRows(grain)).Reminders.Should().ContainSingle();
    }

    private Task<IReminderTable> StartAsync() => AdoNetProviders.StartReminderTableAsync(postgres.ConnectionString, serviceId);

    private static GrainId Unit(string key) => GrainId.Create("unit", key);

    private static ReminderEntry Reminder(GrainId grain, string name, TimeSpan period)
    {
        var now = DateTime.UtcNow;
        return new ReminderEntry
        {
            GrainId = grain,
            ReminderName = name,
            // PostgreSQL keeps microseconds: start on a whole millisecond so the round trip is exact.
            StartAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc).AddMinutes(1),
            Period = period,
        };
    }

    /// <summary>Orleans' ring range (begin, end]: wraps past the top when begin is not below end, whole ring when equal.</summary>
    private static bool InRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}

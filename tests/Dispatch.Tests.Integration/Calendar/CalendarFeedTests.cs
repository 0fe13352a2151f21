using Dispatch.Calendar;
using Dispatch.Schema;
using Dispatch.Sla;
using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dispatch.Tests.Integration.Calendar;

/// <summary>
/// Every silo follows the calendar log: a silo that starts later (or reloads) loads it, a running one hears the NOTIFY,
/// and one that missed it converges on its next poll. Each "silo" here is its own SlaSettings and CalendarFeed on one
/// fresh database, as two silo processes would be.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CalendarFeedTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource database = null!;

    public async Task InitializeAsync() => database = NpgsqlDataSource.Create(await postgres.CreateIsolatedDatabaseAsync());

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static CalendarChange Publish2027(string reason = "通知已发布") => new(0, DateTimeOffset.UtcNow, "admin-test", "admin", reason)
    {
        Year = new PublishedYear(2027, [new HolidayBlock("元旦", "New Year's Day", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 3))], [], "test notice"),
    };

    private (SlaSettings Sla, CalendarFeed Feed) Silo()
    {
        var sla = SlaSettings.Load(DatabaseSetup.DefaultReferenceDataFolder);
        // No item has a running clock in a fresh database, so the recount never calls a grain.
        var recount = new CalendarRecount(new OpenClockedItems(database), null!, NullLogger<CalendarRecount>.Instance);
        return (sla, new CalendarFeed(database, new CalendarChangeLog(database), sla, recount, TimeProvider.System, NullLogger<CalendarFeed>.Instance));
    }

    [Fact]
    public async Task A_silo_that_starts_after_a_change_loads_it()
    {
        await new CalendarChangeLog(database).AppendAsync(Publish2027());
        var (sla, feed) = Silo();

        (await feed.RefreshAsync(recountItems: false)).Should().BeTrue();

        sla.Calendar.Status(2027).Should().Be(CalendarYearStatus.Official);
        sla.Calendars.Changes.Single().ActorId.Should().Be("admin-test");
    }

    [Fact]
    public async Task A_running_silo_hears_the_notification_of_another_silos_change()
    {
        var (sla, feed) = Silo();
        await feed.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.Get(() => Task.FromResult(feed.Listening), listening => listening, TimeSpan.FromSeconds(20), "the feed to listen");

            await new CalendarChangeLog(database).AppendAsync(Publish2027());

            // Well inside the 30 s poll: only the notification can bring it this fast.
            await Eventually.Get(() => Task.FromResult(sla.Calendars.Version), version => version > 0, TimeSpan.FromSeconds(10), "the NOTIFY to arrive");
            sla.Calendar.Status(2027).Should().Be(CalendarYearStatus.Official);
        }
        finally
        {
            await feed.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_silo_that_missed_the_notification_converges_on_its_poll()
    {
        var (sla, feed) = Silo();
        await feed.RefreshAsync(recountItems: false);
        // Written behind the log's back: no NOTIFY is sent.
        await using (var insert = database.CreateCommand("""
            insert into calendar_changes (kind, county_code, closure_id, closed_on, payload, reason, changed_by, changed_role, changed_at)
            values ('closure_added', '330402', $1, '2031-06-03', $2::jsonb, '台风', 'admin-test', 'admin', now())
            """))
        {
            var id = Guid.NewGuid();
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = $$"""{"id":"{{id}}","countyCode":"330402","date":"2031-06-03","reasonZh":"台风"}""" });
            await insert.ExecuteNonQueryAsync();
        }

        (await feed.RefreshAsync()).Should().BeTrue();

        sla.Calendars.ActiveClosures.Should().ContainSingle(c => c.CountyCode == "330402" && c.Date == new DateOnly(2031, 6, 3));
        sla.Calendars.ForCounty("330402").Latest.IsWorkingDay(new DateOnly(2031, 6, 3)).Should().BeFalse();
        sla.Calendars.ForCounty("330411").Latest.IsWorkingDay(new DateOnly(2031, 6, 3)).Should().BeTrue();
    }

    [Fact]
    public async Task The_log_is_append_only()
    {
        await new CalendarChangeLog(database).AppendAsync(Publish2027());

        var rewrite = async () =>
        {
            await using var update = database.CreateCommand("update calendar_changes set reason = 'rewritten'");
            await update.ExecuteNonQueryAsync();
        };

        // The application role has no UPDATE on the log at all (migration 0110); the trigger guards the owner too.
        (await rewrite.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
    }
}

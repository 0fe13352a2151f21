using Dispatch.Routing;
using Dispatch.Tests.Fixtures;
using Dispatch.Units;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dispatch.Tests.Integration.Routing;

/// <summary>
/// The feeds compare the table's version, which the trigger bumps with every changing statement: a silo that missed a
/// notice catches up on its next refresh (the poll), and a refresh with nothing changed reads neither table.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReferenceFeedTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource database = null!;
    private string databaseName = "";

    public async Task InitializeAsync()
    {
        var connection = await postgres.CreateIsolatedDatabaseAsync();
        databaseName = new NpgsqlConnectionStringBuilder(connection).Database!;
        database = NpgsqlDataSource.Create(connection);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_unit_feed_that_missed_the_notice_catches_up_on_its_next_refresh_and_an_unchanged_table_is_not_read()
    {
        var directory = new UnitDirectory();
        var feed = new UnitFeed(database, new UnitTable(database), directory, TimeProvider.System, NullLogger<UnitFeed>.Instance);
        (await feed.RefreshAsync()).Should().BeTrue();
        directory.Find("330483-LEGAL")!.Active.Should().BeTrue();

        // The feed is not listening: nobody hears this statement's notice.
        await ExecuteAsync("update units set active = false where code = '330483-LEGAL'");

        (await feed.RefreshAsync()).Should().BeTrue();
        directory.Find("330483-LEGAL")!.Active.Should().BeFalse();
        using var log = new StatementLog(databaseName);
        (await feed.RefreshAsync()).Should().BeFalse();
        log.Count.Should().BeGreaterThan(0, "the refresh reads the version");
        log.OfReferenceTables.Should().BeEmpty("an unchanged version means nothing to load");
    }

    [Fact]
    public async Task A_rule_feed_drops_a_rule_deleted_by_plain_sql()
    {
        var active = new ActiveRoutingRules();
        var feed = new RoutingRuleFeed(database, new RoutingRuleTable(database), active, TimeProvider.System, NullLogger<RoutingRuleFeed>.Instance);
        await feed.RefreshAsync();
        active.Rules.Should().Contain(r => r.Topic == "rehabilitation");

        await ExecuteAsync("delete from routing_rules where topic = 'rehabilitation'");

        (await feed.RefreshAsync()).Should().BeTrue();
        active.Rules.Should().NotContain(r => r.Topic == "rehabilitation").And.NotBeEmpty();
    }
}

using System.Text.Json;
using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.EventSourcing;

/// <summary>
/// The group commit on a real PostgreSQL: writers that wait together share one transaction, and each still gets its own
/// outcome. A writer is held in flight by a row lock the test holds (an uncommitted insert of the same key), so the
/// writers queued behind it are known to travel together in the next transaction.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCommitTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private static readonly Actor Writer = new("group-commit-test", Roles.Operator, null, null);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_stale_writer_and_a_failing_writer_in_one_transaction_fail_alone_and_the_others_commit()
    {
        var connectionString = await fixture.CreateIsolatedDatabaseAsync();
        await using var database = NpgsqlDataSource.Create(connectionString);
        var commits = new GroupCommit(database, Options.Create(new GroupCommitOptions { MaxInFlight = 1 }));
        var store = new EventStore(database, commits: commits);
        (await Append(store, "stale", "opened")).Should().BeTrue();

        // The first writer waits on a key the test has inserted and not committed.
        await using var blocker = await database.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(InsertSql, blocker, hold))
        {
            AddEvent(insert.Parameters, "held", 1);
            await insert.ExecuteNonQueryAsync();
        }
        var held = Append(store, "held", "opened");
        await WaitUntilBlockedAsync(database);

        // These queue behind it and leave together once it is through.
        var stale = Append(store, "stale", "forked");
        var failing = store.AppendAsync("probe", "failing", [Envelope(1, "opened")], e => e, Json, [new NpgsqlBatchCommand("select 1 / 0")]);
        var fresh = Enumerable.Range(0, 5).Select(n => Append(store, $"fresh-{n}", "opened")).ToList();
        await hold.RollbackAsync();

        (await held).Should().BeTrue();
        (await stale).Should().BeFalse("another writer got to version 1 of that stream first");
        var refused = await ((Func<Task>)(() => failing)).Should().ThrowAsync<PostgresException>();
        refused.Which.SqlState.Should().Be("22012", "the writer gets its own statement's error");
        (await Task.WhenAll(fresh)).Should().AllSatisfy(appended => appended.Should().BeTrue());

        (await StreamsAsync(database)).Should().BeEquivalentTo(["stale", "held", "fresh-0", "fresh-1", "fresh-2", "fresh-3", "fresh-4"]);
        (await store.ReadAsync<string>("stale", Json)).Select(e => e.Event).Should().Equal("opened");
        // The seven queued writers went as one transaction, which the stale writer rolled back; its halves went again on their
        // own ([stale, failing, fresh-0] and [fresh-1..4]), the first split again until stale and failing were alone.
        commits.Totals.Should().Be((4L, 7L), "'stale' first, the held writer, fresh-0 and fresh-1..4 committed in one transaction each");
        output.WriteLine($"[figure] group commit: 5 fresh writers committed in one transaction beside a stale and a failing writer; totals {commits.Totals}");
    }

    [Fact]
    public async Task Many_concurrent_writers_share_few_transactions_and_every_event_is_stored()
    {
        var connectionString = await fixture.CreateIsolatedDatabaseAsync();
        await using var database = NpgsqlDataSource.Create(connectionString);
        var commits = new GroupCommit(database, Options.Create(new GroupCommitOptions { MaxInFlight = 2, MaxWriters = 64 }));
        var store = new EventStore(database, commits: commits);
        const int Writers = 400;

        var appended = await Task.WhenAll(Enumerable.Range(0, Writers).Select(n => Task.Run(() => Append(store, $"w-{n}", "opened"))));

        appended.Should().AllSatisfy(a => a.Should().BeTrue());
        (await StreamsAsync(database)).Should().HaveCount(Writers);
        var (transactions, writers) = commits.Totals;
        writers.Should().Be(Writers);
        transactions.Should().BeLessThan(Writers / 2, "writers that arrive while a transaction is in flight join the next one");
        output.WriteLine($"[figure] group commit: {Writers} concurrent writers in {transactions} transactions ({(double)Writers / transactions:0.0} per transaction)");
    }

    private const string InsertSql = """
        insert into domain_events (stream_id, version, stream_type, event_type, payload, actor_id, actor_role, occurred_at)
        values ($1, $2, 'probe', 'opened', '"opened"'::jsonb, 'group-commit-test', 'operator', now())
        """;

    private static void AddEvent(NpgsqlParameterCollection parameters, string streamId, int version)
    {
        parameters.Add(new NpgsqlParameter { Value = streamId });
        parameters.Add(new NpgsqlParameter { Value = version });
    }

    private static Task<bool> Append(EventStore store, string streamId, string what) =>
        store.AppendAsync("probe", streamId, [Envelope(1, what)], e => e, Json, []);

    private static EventEnvelope<string> Envelope(int version, string what) =>
        new(version, what, Writer, new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Until a session of this database waits for a lock: the held writer's transaction is in flight.</summary>
    private static Task<int> WaitUntilBlockedAsync(NpgsqlDataSource database) =>
        Eventually.Get(async () =>
        {
            await using var probe = database.CreateCommand(
                "select count(*)::int from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
            return (int)(await probe.ExecuteScalarAsync())!;
        }, waiting => waiting > 0, TimeSpan.FromSeconds(30), "the held writer to wait on the test's lock");

    private static async Task<List<string>> StreamsAsync(NpgsqlDataSource database)
    {
        await using var read = database.CreateCommand("select stream_id from domain_events order by stream_id");
        await using var reader = await read.ExecuteReaderAsync();
        var streams = new List<string>();
        while (await reader.ReadAsync())
        {
            streams.Add(reader.GetString(0));
        }
        return streams;
    }
}

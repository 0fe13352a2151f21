using Dispatch.Numbers;
using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Numbers;

[Collection(PostgresCollection.Name)]
public sealed class DailyNumberTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task A_days_first_numbers_asked_for_by_many_callers_at_once_are_all_issued_once(int round)
    {
        const int callers = 32;
        var day = new DateOnly(2090 + round, 1, 1).AddDays(Random.Shared.Next(0, 360));
        var series = DailyNumberSeries.Tickets;
        await using var database = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { MaxPoolSize = callers, MinPoolSize = callers }.ConnectionString);
        // Every caller has its connection open before any asks, so the creations meet in the server, not in the pool.
        var open = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => database.OpenConnectionAsync().AsTask()));
        foreach (var connection in open)
        {
            await connection.DisposeAsync();
        }
        var numbers = new DailyNumbers(database);

        try
        {
            var issued = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => numbers.NextAsync(series, day))));

            issued.Should().OnlyHaveUniqueItems();
            issued.Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture))
                .Should().BeEquivalentTo(Enumerable.Range(1, callers));
        }
        finally
        {
            await using var owner = NpgsqlDataSource.Create(postgres.SchemaConnectionString);
            await using var drop = owner.CreateCommand($"drop sequence if exists {series.SequenceName(day)}");
            await drop.ExecuteNonQueryAsync();
        }
    }
}

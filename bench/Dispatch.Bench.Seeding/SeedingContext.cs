using Dispatch.EventSourcing;
using Dispatch.Fields;
using Dispatch.Identity;
using Dispatch.Numbers;
using Dispatch.People;
using Dispatch.Routing;
using Dispatch.Schema;
using Dispatch.Sla;
using Npgsql;

namespace Dispatch.Bench.Seeding;

/// <summary>A unit as the router hands it to a dispatch, with its kind (centre, legal_aid, rehab).</summary>
public sealed record SeedUnit(UnitTarget Target, string Kind);

/// <summary>
/// What a bulk load needs from the installation: the deadline rules and calendar the silo loads, the person id key, the
/// intake's areas, the units and the accounts whose actions the seeded items record (read from the database, as the
/// web app reads them at sign-in), and number ranges drawn from the same daily sequences the grains draw from.
/// </summary>
public sealed class SeedingContext
{
    private readonly Dictionary<string, Actor> actors;

    private SeedingContext(NpgsqlDataSource database, SlaSettings sla, EventStore store, IntakeReference areas,
        IReadOnlyList<SeedUnit> units, Dictionary<string, Actor> actors)
    {
        Database = database;
        Sla = sla;
        Store = store;
        Areas = areas;
        Units = units;
        this.actors = actors;
    }

    public NpgsqlDataSource Database { get; }

    public SlaSettings Sla { get; }

    public EventStore Store { get; }

    public IntakeReference Areas { get; }

    public IReadOnlyList<SeedUnit> Units { get; }

    /// <param name="database">The schema owner's connection: it draws number ranges with setval and loads with COPY.</param>
    public static async Task<SeedingContext> LoadAsync(NpgsqlDataSource database)
    {
        var sla = SlaSettings.Load(DatabaseSetup.DefaultReferenceDataFolder);
        var store = new EventStore(database, new PersonIdKey(PersonIdKeyStore.Load(database)));
        using var areaDirectory = new AreaDirectory(database, TimeProvider.System);
        var areas = await areaDirectory.ReadAsync();
        var units = new List<SeedUnit>();
        await using (var command = database.CreateCommand("select code, area_code, active, kind from units order by code"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                units.Add(new SeedUnit(new UnitTarget(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)), reader.GetString(3)));
            }
        }
        var actors = new Dictionary<string, Actor>(StringComparer.OrdinalIgnoreCase);
        await using (var command = database.CreateCommand("""
            select u."Email", u."Id", r."Name", u."UnitCode", u."AreaCode", u."UnitHead"
            from "AspNetUsers" u join "AspNetUserRoles" ur on ur."UserId" = u."Id" join "AspNetRoles" r on r."Id" = ur."RoleId"
            where u."Email" like '%@jx12385.test'
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var role = reader.GetString(2);
                actors[reader.GetString(0)] = new Actor(reader.GetString(1), role, reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), role == Roles.UnitStaff && reader.GetBoolean(5));
            }
        }
        if (units.Count == 0 || actors.Count == 0)
        {
            throw new InvalidOperationException("No units or no demo accounts: start the system once (deploy/run.sh, MODE=demo) before seeding.");
        }
        return new SeedingContext(database, sla, store, areas, units, actors);
    }

    /// <summary>The actor of a demo account, as its sign-in would make it.</summary>
    public Actor Account(string email) =>
        actors.TryGetValue(email, out var actor) ? actor : throw new InvalidOperationException($"No demo account {email}.");

    public Actor StaffOf(string unitCode) => Account($"staff.{unitCode.ToLowerInvariant()}@jx12385.test");

    /// <summary>
    /// Draws <paramref name="count"/> numbers of one local day from the series' own sequence (created as the grains create
    /// it), so numbers the grains draw later never repeat them; returns the first.
    /// </summary>
    public async Task<int> ReserveNumbersAsync(DailyNumberSeries series, DateOnly localDay, int count)
    {
        int last;
        try
        {
            last = await DrawAsync(series, localDay, count);
        }
        catch (PostgresException ex) when (ex.SqlState == DailyNumbers.UndefinedTable)
        {
            // The day's first numbers: create its sequence as the grains do (after any number of the day already issued).
            await new DailyNumbers(Database).CreateSequenceAsync(series, localDay);
            last = await DrawAsync(series, localDay, count);
        }
        if (last > 999_999)
        {
            throw new InvalidOperationException($"More than 999,999 numbers on {localDay:yyyy-MM-dd}: spread the receipts over more days.");
        }
        return last - count + 1;
    }

    private async Task<int> DrawAsync(DailyNumberSeries series, DateOnly localDay, int count)
    {
        var sequence = series.SequenceName(localDay);
        await using var command = Database.CreateCommand($"select setval('{sequence}', nextval('{sequence}') + $1 - 1)::int");
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}

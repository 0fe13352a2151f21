using System.Collections.Immutable;
using Dispatch.Identity;
using Dispatch.LegalAid;
using Dispatch.Rehab;
using Dispatch.Units;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using LegalRoster = Dispatch.LegalAid.RosterRules;
using RehabRoster = Dispatch.Rehab.RosterRules;

namespace Dispatch.Demo;

/// <summary>
/// The demo's rosters: three lawyers and legal workers at every legal-aid station and three workers at every
/// rehabilitation provider whose county has towns, so a newcomer sees real choices on the 指派 and 派人 forms. Only when
/// <c>Demo:Rosters</c> is true (deploy/run.sh sets it in demo mode; the test systems never do, their tests book typed
/// worker ids a roster would refuse). A station or provider that already has a roster entry is left as it is, so a
/// restart adds nothing; silos starting together take turns on an advisory lock. Written through the rosters' stores with
/// their history entries in one transaction, by the platform (<see cref="Actor.Platform"/>, "system").
/// </summary>
public sealed class DemoRosters(
    NpgsqlDataSource database, LegalAidRosterTable roster, RehabRosterStore rehabRoster, ReferenceChangeLog history, TimeProvider time, ILogger<DemoRosters> logger)
{
    /// <summary>Held while the rosters are seeded (any 64-bit number the product does not use elsewhere).</summary>
    private const long SeedLockKey = 0x1238_5000_0004;

    public const string Section = "Demo:Rosters";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(Section);

    private static readonly (string Name, string Kind, string Organisation, string[] Fields, int Cap)[][] Members =
    [
        [("王建国", "lawyer", "浙江禾城律师事务所", ["labour_dispute", "personal_injury"], 8), ("李秀英", "lawyer", "浙江嘉州律师事务所", [], 10),
            ("张卫东", "legal_worker", "城南法律服务所", ["marriage_family", "property"], 6)],
        [("陈志强", "lawyer", "浙江南湖律师事务所", ["criminal_defence", "administrative"], 8), ("刘晓燕", "lawyer", "浙江禾城律师事务所", [], 10),
            ("杨海峰", "legal_worker", "新城法律服务所", ["labour_dispute", "marriage_family"], 6)],
        [("赵丽华", "lawyer", "浙江秀水律师事务所", ["marriage_family", "personal_injury"], 8), ("黄文斌", "lawyer", "浙江嘉州律师事务所", [], 10),
            ("周桂芳", "legal_worker", "东栅法律服务所", ["property", "other"], 6)],
    ];

    private static readonly (string Name, string[] ServiceTypes)[][] Workers =
    [
        [("吴丽萍", ["rehabilitation_training", "assessment"]), ("徐明", ["assistive_device_fitting", "rehabilitation_training"]),
            ("孙静", ["psychological_support", "assessment"])],
        [("朱晓红", ["rehabilitation_training", "psychological_support"]), ("胡建平", ["assistive_device_fitting", "assessment"]),
            ("郭芳", ["rehabilitation_training", "assessment"])],
    ];

    /// <summary>Seeds what is missing; returns how many members and workers it added.</summary>
    public async Task<(int Members, int Workers)> SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var seedLock = new NpgsqlCommand($"select pg_advisory_xact_lock({SeedLockKey})", connection))
        {
            await seedLock.ExecuteNonQueryAsync(cancellationToken);
        }
        var units = await UnitsAsync(connection, cancellationToken);
        var members = 0;
        var workers = 0;
        foreach (var (unit, index) in units.Where(u => u.Kind == UnitKinds.LegalAid).Select((u, i) => (u, i)))
        {
            members += await StationAsync(connection, unit, index);
        }
        foreach (var (unit, index) in units.Where(u => u.Kind == UnitKinds.Rehab).Select((u, i) => (u, i)))
        {
            workers += await ProviderAsync(connection, unit, index);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo rosters: {Members} legal-aid members and {Workers} rehabilitation workers added", members, workers);
        return (members, workers);
    }

    private async Task<int> StationAsync(NpgsqlConnection connection, UnitInfo station, int index)
    {
        // Read outside the transaction, but under the seeding lock: another seeder's rows are committed or absent.
        if (!(await roster.StationAsync(station.Code)).IsEmpty)
        {
            return 0;
        }
        var set = Members[index % Members.Length];
        for (var k = 0; k < set.Length; k++)
        {
            var (name, kind, organisation, fields, cap) = set[k];
            var input = new RosterMemberInput
            {
                Name = name, Kind = kind, Organisation = organisation, Phone = Phone(7, index, k), LicenceNumber = $"1{station.AreaCode}{2010 + k}{(kind == "lawyer" ? 1 : 2)}{index * 10 + k + 1:D5}",
                Fields = ImmutableArray.Create(fields), Status = RosterVocabulary.Active, MaxOpenCases = cap, DeclaredConflicts = ImmutableArray<string>.Empty,
            };
            var member = LegalRoster.Validate(input, Guid.NewGuid(), station.Code, 1).Value
                ?? throw new InvalidOperationException($"The demo roster entry {name} of {station.Code} is not valid.");
            await LegalAidRosterTable.SaveAsync(connection, member, Actor.Platform.UserId, time.GetUtcNow());
            await history.AppendAsync(connection, ReferenceTables.LegalAidRoster, member.Id.ToString(), null, member.MaskedFor(Actor.Platform), Actor.Platform);
        }
        return set.Length;
    }

    private async Task<int> ProviderAsync(NpgsqlConnection connection, UnitInfo provider, int index)
    {
        if (await rehabRoster.HasRosterAsync(provider.Code))
        {
            return 0;
        }
        var countyTowns = await rehabRoster.TownsOfCountyAsync(provider.AreaCode);
        var towns = countyTowns.Order(StringComparer.Ordinal).ToList();
        if (towns.Count == 0)
        {
            // The city's provider: the roster takes towns of the provider's own area only, and the city has none of its own.
            return 0;
        }
        var set = Workers[index % Workers.Length];
        var half = (towns.Count + 1) / 2;
        string[][] covered = [[.. towns.Take(half)], [.. towns.Skip(towns.Count - half)], [.. towns]];
        for (var k = 0; k < set.Length; k++)
        {
            var (name, types) = set[k];
            var definition = new WorkerDefinition($"KF-{k + 1:D2}", name, Phone(8, index, k), types, covered[k], [1, 2, 3, 4, 5], "08:30", "17:30", true);
            var (worker, errors) = RehabRoster.Validate(definition, countyTowns);
            if (worker is null)
            {
                throw new InvalidOperationException($"The demo worker {name} of {provider.Code} is not valid: {string.Join(", ", errors.Select(e => e.Field))}.");
            }
            var now = time.GetUtcNow();
            await RehabRosterStore.WriteAsync(connection, provider.Code, worker, 1, now);
            await RehabRosterStore.AppendChangeAsync(connection, provider.Code, worker.WorkerId, "added", RehabRosterGrain.Summary(null, worker), Actor.Platform, now);
        }
        return set.Length;
    }

    /// <summary>A number in the demo's own block (139 0057 xxxx): <paramref name="block"/> 7 for lawyers, 8 for rehabilitation workers.</summary>
    private static string Phone(int block, int index, int k) => $"1390057{block}{index:D2}{k}";

    private static async Task<List<UnitInfo>> UnitsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select code, kind, area_code from units where kind in ('legal_aid', 'rehab') and active order by code", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var units = new List<UnitInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new UnitInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), true));
        }
        return units;
    }
}

using System.Globalization;
using System.Text.Json;
using Dispatch.Bench.Scale;
using Dispatch.Bench.Seeding;
using Npgsql;

// The cost curve to a million open items (issue 13, item 6). bench/scale.sh runs the commands in turn:
//   verify   the bulk path stores what the normal path stores (through the API against the running system)
//   seed     bulk-load open tickets up to --target, with the silo stopped
//   measure  with the silo freshly started on the data: memory, idle CPU, deadline latency, reads; appends to --results
//   report   the table of every size in --results and the targets
var options = new ScaleOptions(args);
if (options.Command == "report")
{
    var sizes = File.ReadAllLines(options.Text("results")).Where(l => l.Length > 0)
        .Select(l => JsonSerializer.Deserialize<SizeFigures>(l)!).ToList();
    Report.Print(sizes);
    return 0;
}

await using var database = NpgsqlDataSource.Create(options.OwnerConnection);
var context = await SeedingContext.LoadAsync(database);
switch (options.Command)
{
    case "verify":
        var differences = await new EqualityCheck(options.Url, context, database).RunAsync((int)options.Number("count", 6));
        foreach (var difference in differences)
        {
            Console.WriteLine("  DIFFERENT: " + difference);
        }
        return differences.Count == 0 ? 0 : 1;
    case "seed":
        var target = options.Number("target");
        var (seeded, took) = await new BulkSeeder(context, database).SeedToAsync(target, (int)options.Number("workers", 2));
        Console.WriteLine($"  seeded {seeded:N0} tickets in {took.TotalSeconds:0} s ({(seeded / Math.Max(took.TotalSeconds, 0.001)):0}/s)");
        File.WriteAllText(options.Text("seed-file"), took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        return 0;
    case "measure":
        var seedSeconds = double.Parse(File.ReadAllText(options.Text("seed-file")), CultureInfo.InvariantCulture);
        var readyAt = DateTimeOffset.FromUnixTimeMilliseconds(options.Number("ready-at"));
        var figures = await new SizeMeasurement(options, context, database).RunAsync(seedSeconds, readyAt);
        File.AppendAllText(options.Text("results"), JsonSerializer.Serialize(figures) + "\n");
        Report.Print([figures]);
        return 0;
    default:
        Console.Error.WriteLine($"unknown command {options.Command}: seed, verify, measure or report");
        return 2;
}

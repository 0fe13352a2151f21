using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Tests.Fixtures;
using Dispatch.Web.Reports;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Reports;

/// <summary>
/// Every figure of a report (its JSON for the print page, its XLSX read back with MiniExcel, its CSV) equals the figure
/// of GET /api/stats for the same scope and period, for two seeded months and their year, for the city, a county and a
/// unit; and every measure the stats give appears in the report.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportsMatchStatsTests(ReportsSystem system)
{
    /// <summary>The stats' measure groups a report copies whole (forecast is about today, never a period).</summary>
    private static readonly string[] Groups = ["tickets", "petitions", "legalAid", "rehab"];

    [Theory]
    [InlineData("city", "month", "2026-03", "2026-03-01")]
    [InlineData("city", "month", "2026-04", "2026-04-01")]
    [InlineData("city", "year", "2026", "2026-01-01")]
    [InlineData("county:330402", "month", "2026-03", "2026-03-01")]
    [InlineData("county:330402", "month", "2026-04", "2026-04-01")]
    [InlineData("unit:330402-CENTRE", "month", "2026-04", "2026-04-01")]
    public async Task Every_figure_of_the_json_xlsx_and_csv_report_equals_the_stats_of_the_same_scope_and_period(
        string scope, string period, string date, string statsDate)
    {
        using var supervisor = await system.SignInAsync("supervisor@jx12385.test");
        var reportPath = $"/api/reports/{Uri.EscapeDataString(scope)}?period={period}&date={date}";
        var statsPath = $"/api/stats?scope={Uri.EscapeDataString(scope)}&period={period}&date={statsDate}";

        // The "now" gauges may move while the deadline watcher works: compare only reports read between two equal stats.
        var reading = await Eventually.Get(async () =>
        {
            var before = await supervisor.GetStringAsync(statsPath);
            var report = await supervisor.GetFromJsonAsync<JsonElement>(reportPath + "&format=json");
            var workbook = await supervisor.GetByteArrayAsync(reportPath + "&format=xlsx");
            var text = await supervisor.GetByteArrayAsync(reportPath + "&format=csv");
            var after = await supervisor.GetStringAsync(statsPath);
            return new Reading(before == after ? JsonDocument.Parse(after).RootElement : null, report, workbook, text);
        }, r => r.Stats is not null, TimeSpan.FromSeconds(30), "two equal stats readings around the report");
        var (stats, json, xlsx, csv) = (reading.Stats!.Value, reading.Json, reading.Xlsx, reading.Csv);

        var expected = Expected(stats);
        expected.Where(e => e.Scope == scope && e.Key == "tickets.received").Single().Value.Should().BeGreaterThan(0, "the period has seeded tickets");
        var fromJson = FromJson(json);
        fromJson.Should().BeEquivalentTo(expected, "the print page's figures are the stats'");

        var own = ReportReading.Figures(ReportReading.XlsxRows(xlsx, ReportFiles.OwnSheet));
        var children = stats.GetProperty("children").GetArrayLength() == 0
            ? []
            : ReportReading.Figures(ReportReading.XlsxRows(xlsx, ReportFiles.ChildrenSheet));
        own.Concat(children).Should().BeEquivalentTo(expected, "the XLSX figures are the stats'");

        csv.Take(3).Should().Equal(Encoding.UTF8.GetPreamble(), "the CSV starts with the UTF-8 byte-order mark");
        var csvRows = ReportReading.CsvRows(Encoding.UTF8.GetString(csv.AsSpan(3)));
        csvRows.Should().OnlyContain(r => r.Count == ReportTable.Columns.Count, "every CSV record has the same fields");
        ReportReading.Figures(csvRows).Should().BeEquivalentTo(expected, "the CSV figures are the stats'");
    }

    /// <summary>
    /// Every number of the stats' measure groups (each pause-share reason too) as (scope, key, value), the scope's own
    /// figures, then each child's headline figures.
    /// </summary>
    private static List<FileFigure> Expected(JsonElement stats)
    {
        var scope = stats.GetProperty("scope").GetString()!;
        var own = new List<FileFigure>();
        foreach (var group in Groups)
        {
            if (!stats.TryGetProperty(group, out var measures) || measures.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            foreach (var measure in measures.EnumerateObject())
            {
                if (measure.Value.ValueKind == JsonValueKind.Object)
                {
                    own.AddRange(measure.Value.EnumerateObject().Select(p => new FileFigure(scope, $"{group}.{measure.Name}.{p.Name}", Number(p.Value))));
                }
                else
                {
                    own.Add(new FileFigure(scope, $"{group}.{measure.Name}", Number(measure.Value)));
                }
            }
        }
        var childKeys = new[] { "received", "onTimeClosureRate", "open", "atRisk", "overdue" };
        foreach (var child in stats.GetProperty("children").EnumerateArray())
        {
            own.AddRange(childKeys.Select(k => new FileFigure(child.GetProperty("scope").GetString()!, k, Number(child.GetProperty(k)))));
        }
        return own;
    }

    /// <summary>The JSON report's figures in the same shape, in its order.</summary>
    private static List<FileFigure> FromJson(JsonElement report)
    {
        var scope = report.GetProperty("scope").GetString()!;
        var figures = report.GetProperty("figures").EnumerateArray()
            .Select(f => new FileFigure(scope, f.GetProperty("key").GetString()!, Number(f.GetProperty("value")))).ToList();
        foreach (var child in report.GetProperty("children").EnumerateArray())
        {
            figures.AddRange(child.GetProperty("figures").EnumerateArray().Select(f =>
                new FileFigure(child.GetProperty("scope").GetString()!, f.GetProperty("key").GetString()!, Number(f.GetProperty("value")))));
        }
        return figures;
    }

    private sealed record Reading(JsonElement? Stats, JsonElement Json, byte[] Xlsx, byte[] Csv);

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}

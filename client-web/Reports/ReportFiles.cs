using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Dispatch.Web.Reports;

/// <summary>Writes a report as XLSX (MiniExcel) or CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads the Chinese).</summary>
public static class ReportFiles
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string OwnSheet = "本级 Own figures";
    public const string ChildrenSheet = "下级 Children";

    /// <summary>Two sheets with the same columns: the scope's own figures and its children's (left out for a unit).</summary>
    public static async Task<byte[]> XlsxAsync(Report report, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object> { [OwnSheet] = Cells(ReportTable.Own(report)) };
        if (report.Children.Count > 0)
        {
            sheets[ChildrenSheet] = Cells(ReportTable.Children(report));
        }
        var configuration = new OpenXmlConfiguration
        {
            FastMode = true, // auto width needs it; a report is a few hundred cells
            EnableAutoWidth = true,
            AutoFilter = false,
            FreezeRowCount = 0,
            TableStyles = TableStyles.None,
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
        return stream.ToArray();
    }

    public static byte[] Csv(Report report)
    {
        var text = new StringBuilder();
        foreach (var row in ReportTable.All(report))
        {
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Rows as MiniExcel reads them: one dictionary per row, keyed by column letter.</summary>
    private static List<Dictionary<string, object>> Cells(IReadOnlyList<IReadOnlyList<object>> rows) =>
        [.. rows.Select(row => row.Select((cell, i) => (Column: ((char)('A' + i)).ToString(), cell)).ToDictionary(c => c.Column, c => c.cell))];

    /// <summary>
    /// RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled. Text that a spreadsheet would run
    /// as a formula (=, +, -, @ first) gets a leading apostrophe.
    /// </summary>
    private static string Field(object cell)
    {
        var text = cell switch
        {
            string s when s.Length > 0 && s[0] is '=' or '+' or '-' or '@' => "'" + s,
            string s => s,
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

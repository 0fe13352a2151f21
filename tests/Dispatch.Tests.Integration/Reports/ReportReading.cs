using System.Globalization;
using System.Text;
using Dispatch.Web.Reports;
using MiniExcelLibs;

namespace Dispatch.Tests.Integration.Reports;

/// <summary>One figure row of a report file: the scope code, the measure's key, and the value as printed.</summary>
public sealed record FileFigure(string Scope, string Key, double? Value);

/// <summary>Reads a report's XLSX (with MiniExcel) and CSV (an RFC 4180 reader of its own) back into rows and figures.</summary>
public static class ReportReading
{
    public static IReadOnlyList<IReadOnlyList<string>> XlsxRows(byte[] file, string sheet)
    {
        using var stream = new MemoryStream(file);
        return [.. MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .Select(row => (IReadOnlyList<string>)[.. row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Text(c.Value))])];
    }

    public static IReadOnlyList<string> SheetNames(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return [.. MiniExcel.GetSheetNames(stream)];
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> CsvRows(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        return rows;
    }

    /// <summary>The figure rows after the column-header row: scope code (column B), key (E), value (F).</summary>
    public static IReadOnlyList<FileFigure> Figures(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var header = rows.ToList().FindIndex(r => r.SequenceEqual(ReportTable.Columns));
        if (header < 0)
        {
            throw new InvalidOperationException("The column headers are missing.");
        }
        return [.. rows.Skip(header + 1).Select(r => new FileFigure(r[1], r[4], Parse(r[5])))];
    }

    /// <summary>The header block: the first column's names to the second column's values, up to the blank row.</summary>
    public static IReadOnlyDictionary<string, string> HeaderBlock(IReadOnlyList<IReadOnlyList<string>> rows) =>
        rows.TakeWhile(r => r[0].Length > 0 && !r.SequenceEqual(ReportTable.Columns)).ToDictionary(r => r[0], r => r[1]);

    /// <summary>"—" is none, "96.50%" a rate of 0.965, anything else a number.</summary>
    private static double? Parse(string text)
    {
        if (text == ReportTable.None)
        {
            return null;
        }
        return text.EndsWith('%')
            ? Math.Round(double.Parse(text[..^1], CultureInfo.InvariantCulture) / 100, 4)
            : double.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

using static Dispatch.Tests.Integration.Fuzz.FuzzJson;

namespace Dispatch.Tests.Integration.Fuzz;

/// <summary>The values a hostile or broken client sends, drawn from a seeded random source so a failure can be replayed.</summary>
public static class HostileValues
{
    public static readonly string[] Strings =
    [
        "", " ", "\u0000", "前\u0000后", "\u0001\u0002\u0003", "铃\u0007", "\u001b[31m红", "\u007f", "\u0085", "\u009f", "\ufffe", "\uffff",
        "\ud800", "尾\udc00", "😀笑", "𠀀𠀁", "\u202e反向", "零\u200b宽", "'; drop table tickets; --", "%00", "../../etc/passwd",
        "<script>alert(1)</script>", "${jndi:ldap://x/a}", "99999999999999999999", "-1", "NaN", "0001-01-01", "9999-12-31", "2026-02-30",
        "2026-12-01T25:00:00Z", "null", "true", "\t\n\r", new string('长', 101), new string('a', 1001), new string('字', 4001),
        new string('x', 70_000),
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "2147483647", "2147483648", "-2147483649", "1000000000000", "1e308", "-1e308", "0.5", "1e-300", "99999999999999999999999",
    ];

    /// <summary>Header values HTTP can carry (ASCII, no line breaks) that a server must still refuse or ignore.</summary>
    public static readonly string[] HeaderValues =
    [
        "", " ", "\"1\"", "\"0\"", "\"-1\"", "\"999999999999\"", "W/\"x\"", "*", "\"abc\"", "1", new string('k', 300), "%00", "' or 1=1 --",
    ];

    public static FuzzJson Any(Random random) => random.Next(10) switch
    {
        < 5 => new Str(Pick(random, Strings)),
        < 7 => new Raw(Pick(random, Numbers)),
        7 => new Raw(Pick(random, ["true", "false", "null"])),
        8 => Nested(random),
        _ => new Arr([.. Enumerable.Range(0, random.Next(2) == 0 ? 3 : 2000).Select(i => (FuzzJson)new Raw(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]),
    };

    /// <summary>A whole body that is not the expected object: broken syntax, a scalar, an array, very deep nesting.</summary>
    public static string BrokenBody(Random random) => random.Next(8) switch
    {
        0 => "{\"content\":",
        1 => "[]",
        2 => "\"text\"",
        3 => "12385",
        4 => string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)),
        5 => "{\"a\":1,\"a\":2}",
        6 => "\u0000",
        _ => "{" + string.Join(",", Enumerable.Range(0, 3000).Select(i => $"\"f{i}\":{i}")) + "}",
    };

    private static FuzzJson Nested(Random random)
    {
        FuzzJson value = new Str("底");
        for (var i = random.Next(2, 40); i > 0; i--)
        {
            value = new Obj([new("a", value)]);
        }
        return value;
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}

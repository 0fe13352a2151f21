using System.Globalization;

namespace Dispatch.Tests.Unit.People;

/// <summary>Builds real resident ID and certificate numbers for test data.</summary>
internal static class IdNumbers
{
    public static readonly DateOnly Today = new(2025, 6, 1);

    /// <summary>330402 + 19800101 + 123 + its check character.</summary>
    public static readonly string Nanhu1980 = ResidentId("330402", new DateOnly(1980, 1, 1), "123");

    public static readonly string Xiuzhou1975 = ResidentId("330411", new DateOnly(1975, 7, 15), "456");

    public static string ResidentId(string region, DateOnly birthDate, string sequence)
    {
        var first17 = region + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence;
        return first17 + CheckCharacter(first17);
    }

    public static string Certificate(string residentId, int category, int grade) => $"{residentId}{category}{grade}";

    /// <summary>
    /// ISO 7064 MOD 11-2 written the way the standard derives it (weights 2^(17-i) mod 11, check (12 - sum) mod 11),
    /// not with the weight table the production code uses, so one shared mistake cannot pass unnoticed.
    /// </summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = (1 << (17 - i)) % 11;
            sum += (first17[i] - '0') * weight;
        }
        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>The same number with a check character that does not fit.</summary>
    public static string WithWrongCheckCharacter(string residentId) =>
        residentId[..17] + (residentId[17] == '0' ? '1' : '0');
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dispatch.People;

/// <summary>An 18-character resident ID number (居民身份证号码, GB 11643) whose check character and birth date hold.</summary>
public sealed record ResidentIdNumber
{
    public const int Length = 18;

    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The number with an upper-case X check character.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>Region code and the last four characters only, for every role that need not see the full number.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 6), "********", Value.AsSpan(Length - 4));

    /// <summary>
    /// Error codes: invalid_length, invalid_characters, invalid_birth_date, invalid_checksum.
    /// <paramref name="today"/> is passed in so the rule stays free of a clock.
    /// </summary>
    public static bool TryParse(string? text, DateOnly today, [NotNullWhen(true)] out ResidentIdNumber? id, [NotNullWhen(false)] out string? errorCode)
    {
        id = null;
        var candidate = (text ?? "").Trim().ToUpperInvariant();
        errorCode = Check(candidate, today, out var birthDate);
        if (errorCode is not null)
        {
            return false;
        }
        id = new ResidentIdNumber(candidate, birthDate);
        return true;
    }

    /// <summary>The ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    public static string ComputeCheckCharacter(string first17)
    {
        if (first17 is not { Length: Length - 1 } || !first17.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Exactly 17 ASCII digits are expected.", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11].ToString();
    }

    /// <summary>Never the full number: records print themselves into logs and exceptions.</summary>
    public override string ToString() => Masked;

    private static string? Check(string candidate, DateOnly today, out DateOnly birthDate)
    {
        birthDate = default;
        if (candidate.Length != Length)
        {
            return "invalid_length";
        }
        var body = candidate[..(Length - 1)];
        var last = candidate[Length - 1];
        if (!body.All(char.IsAsciiDigit) || !(char.IsAsciiDigit(last) || last == 'X'))
        {
            return "invalid_characters";
        }
        if (!DateOnly.TryParseExact(candidate.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate < EarliestBirthDate || birthDate > today)
        {
            return "invalid_birth_date";
        }
        return ComputeCheckCharacter(body)[0] == last ? null : "invalid_checksum";
    }
}

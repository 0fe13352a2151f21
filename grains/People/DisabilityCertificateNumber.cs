using System.Diagnostics.CodeAnalysis;

namespace Dispatch.People;

/// <summary>A disability certificate number (残疾人证号): the holder's ID number, a category digit 1-7 and a grade digit 1-4.</summary>
public sealed record DisabilityCertificateNumber
{
    public const int Length = ResidentIdNumber.Length + 2;

    private DisabilityCertificateNumber(ResidentIdNumber residentId, DisabilityCategory category, int grade)
    {
        ResidentId = residentId;
        Category = category;
        Grade = grade;
    }

    public ResidentIdNumber ResidentId { get; }

    public DisabilityCategory Category { get; }

    /// <summary>1 (most severe) to 4.</summary>
    public int Grade { get; }

    public string Value => $"{ResidentId.Value}{(int)Category}{Grade}";

    /// <summary>
    /// The ID part masked; category and grade stay readable because dispatching and
    /// legal-aid eligibility depend on them and they do not identify the holder.
    /// </summary>
    public string Masked => $"{ResidentId.Masked}{(int)Category}{Grade}";

    /// <summary>
    /// Error codes: invalid_length, then those of <see cref="ResidentIdNumber.TryParse"/> for the ID part,
    /// then invalid_category, invalid_grade.
    /// </summary>
    public static bool TryParse(string? text, DateOnly today, [NotNullWhen(true)] out DisabilityCertificateNumber? certificate, [NotNullWhen(false)] out string? errorCode)
    {
        certificate = null;
        var candidate = (text ?? "").Trim();
        if (candidate.Length != Length)
        {
            errorCode = "invalid_length";
            return false;
        }
        if (!ResidentIdNumber.TryParse(candidate[..ResidentIdNumber.Length], today, out var residentId, out errorCode))
        {
            return false;
        }
        var category = candidate[Length - 2] - '0';
        if (category is < 1 or > 7)
        {
            errorCode = "invalid_category";
            return false;
        }
        var grade = candidate[Length - 1] - '0';
        if (grade is < 1 or > 4)
        {
            errorCode = "invalid_grade";
            return false;
        }
        certificate = new DisabilityCertificateNumber(residentId, (DisabilityCategory)category, grade);
        return true;
    }

    /// <summary>Never the full number: records print themselves into logs and exceptions.</summary>
    public override string ToString() => Masked;
}

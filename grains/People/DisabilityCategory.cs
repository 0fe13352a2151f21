namespace Dispatch.People;

/// <summary>Disability category (残疾类别), numbered as digit 19 of the certificate number.</summary>
public enum DisabilityCategory
{
    Visual = 1,
    Hearing = 2,
    Speech = 3,
    Physical = 4,
    Intellectual = 5,
    Mental = 6,
    Multiple = 7,
}

/// <summary>How a category is written on the certificate and in the interface.</summary>
public static class DisabilityCategoryNames
{
    public static string Chinese(this DisabilityCategory category) => category switch
    {
        DisabilityCategory.Visual => "视力残疾",
        DisabilityCategory.Hearing => "听力残疾",
        DisabilityCategory.Speech => "言语残疾",
        DisabilityCategory.Physical => "肢体残疾",
        DisabilityCategory.Intellectual => "智力残疾",
        DisabilityCategory.Mental => "精神残疾",
        DisabilityCategory.Multiple => "多重残疾",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown disability category."),
    };

    public static string English(this DisabilityCategory category) => category switch
    {
        DisabilityCategory.Visual => "visual",
        DisabilityCategory.Hearing => "hearing",
        DisabilityCategory.Speech => "speech",
        DisabilityCategory.Physical => "physical",
        DisabilityCategory.Intellectual => "intellectual",
        DisabilityCategory.Mental => "mental",
        DisabilityCategory.Multiple => "multiple",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown disability category."),
    };
}

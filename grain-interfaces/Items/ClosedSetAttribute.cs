using System.Reflection;

namespace Dispatch.Items;

/// <summary>
/// The values a string field or parameter may take, named by the static member that defines them (a set of codes or a
/// list of <see cref="Term"/>s), so the API description lists them from the same place the rules check them.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class ClosedSetAttribute(Type declaringType, string memberName) : Attribute
{
    public Type DeclaringType { get; } = declaringType;

    public string MemberName { get; } = memberName;

    /// <summary>The codes, in the order their definition gives them.</summary>
    public IReadOnlyList<string> Codes()
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Static;
        var value = DeclaringType.GetProperty(MemberName, Flags)?.GetValue(null) ?? DeclaringType.GetField(MemberName, Flags)?.GetValue(null);
        return value switch
        {
            IEnumerable<Term> terms => [.. terms.Select(t => t.Code)],
            IEnumerable<string> codes => [.. codes],
            _ => throw new InvalidOperationException($"{DeclaringType.Name}.{MemberName} is not a public static set of codes or terms."),
        };
    }
}

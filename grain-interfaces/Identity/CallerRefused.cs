namespace Dispatch.Identity;

/// <summary>
/// A grain interface or method only the silo itself may call (deadline watchers, links between items): a call from a
/// client (the web app) is refused with <see cref="CallerRefusedException"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, Inherited = false)]
public sealed class SiloOnlyAttribute : Attribute;

/// <summary>A client's call the silo refused before any grain saw it: a platform actor, an unknown role, or a silo-only method.</summary>
[GenerateSerializer, Alias("Dispatch.CallerRefused")]
public sealed class CallerRefusedException : Exception
{
    public CallerRefusedException() { }

    public CallerRefusedException(string message) : base(message) { }

    public CallerRefusedException(string message, Exception inner) : base(message, inner) { }
}

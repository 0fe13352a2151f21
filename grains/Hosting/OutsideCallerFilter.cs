using System.Reflection;
using Dispatch.Identity;

namespace Dispatch.Hosting;

/// <summary>
/// The silo's door for calls from clients (the web app): a client may not act as the platform (role <c>system</c>) or any
/// role outside <see cref="Roles.FromClients"/>, and may not call what only the silo calls (<see cref="SiloOnlyAttribute"/>).
/// Calls from grains and the silo's own work pass: the platform actor is created inside the silo only.
/// </summary>
/// <remarks>
/// A silo's own non-grain work (start-up tasks, background services) calls through the silo's hosted client, whose id
/// Orleans makes as <c>hosted-{silo address}</c>; such a call counts as inside when that silo is a member of the cluster.
/// </remarks>
public sealed class OutsideCallerFilter(IClusterMembershipService membership) : IIncomingGrainCallFilter
{
    private const string HostedClientPrefix = "hosted-";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.SourceId is not { } source || !source.IsClient() || IsSiloHostedClient(source))
        {
            return context.Invoke();
        }
        if (IsSiloOnly(context.InterfaceMethod))
        {
            throw new CallerRefusedException($"{context.InterfaceName}.{context.MethodName} is called by the silo only.");
        }
        var request = context.Request;
        for (var i = 0; i < request.GetArgumentCount(); i++)
        {
            if (request.GetArgument(i) is Actor actor && !Roles.FromClients.Contains(actor.Role))
            {
                throw new CallerRefusedException($"A client may not act with role '{actor.Role}'.");
            }
        }
        return context.Invoke();
    }

    private bool IsSiloHostedClient(GrainId source)
    {
        var key = source.Key.ToString();
        if (!key.StartsWith(HostedClientPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            return membership.CurrentSnapshot.Members.ContainsKey(SiloAddress.FromParsableString(key[HostedClientPrefix.Length..]));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static bool IsSiloOnly(MethodInfo? method) =>
        method is not null && (method.IsDefined(typeof(SiloOnlyAttribute)) || method.DeclaringType?.IsDefined(typeof(SiloOnlyAttribute)) == true);
}

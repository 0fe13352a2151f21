namespace Dispatch.Web.Health;

/// <summary>The last reason the Orleans client could not reach a gateway; reported by readiness.</summary>
public sealed class ClusterConnectionState
{
    private volatile string? lastError;

    public string? LastError => lastError;

    public void Failed(Exception exception) => lastError = exception.Message;
}

namespace Dispatch.Web.Live;

/// <summary>
/// Which scopes this web instance's connections have joined, so pushes and measure refreshes go only to scopes
/// someone here watches, and to the connections that watch them.
/// </summary>
public sealed class LiveGroups
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<string>> scopesByConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> members = new(StringComparer.Ordinal);
    private volatile Dictionary<string, string[]> watched = new(StringComparer.Ordinal);

    public bool IsWatched(string scope) => watched.ContainsKey(scope);

    public IReadOnlyCollection<string> Watched => watched.Keys;

    /// <summary>The connections here that joined the scope.</summary>
    public IReadOnlyList<string> ConnectionsOf(string scope) => watched.GetValueOrDefault(scope) ?? [];

    public void Joined(string connectionId, string scope)
    {
        lock (gate)
        {
            if (!scopesByConnection.TryGetValue(connectionId, out var scopes))
            {
                scopes = new HashSet<string>(StringComparer.Ordinal);
                scopesByConnection[connectionId] = scopes;
            }
            if (scopes.Add(scope))
            {
                if (!members.TryGetValue(scope, out var connections))
                {
                    connections = new HashSet<string>(StringComparer.Ordinal);
                    members[scope] = connections;
                }
                connections.Add(connectionId);
                Publish();
            }
        }
    }

    /// <summary>Leaves a joined scope, named as at join or canonically (unit codes in any case); returns the canonical name.</summary>
    public string? Left(string connectionId, string scope)
    {
        lock (gate)
        {
            if (!scopesByConnection.TryGetValue(connectionId, out var scopes)
                || scopes.FirstOrDefault(s => string.Equals(s, scope.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } key)
            {
                return null;
            }
            scopes.Remove(key);
            Drop(key, connectionId);
            Publish();
            return key;
        }
    }

    public void Disconnected(string connectionId)
    {
        lock (gate)
        {
            if (scopesByConnection.Remove(connectionId, out var scopes))
            {
                foreach (var scope in scopes)
                {
                    Drop(scope, connectionId);
                }
                Publish();
            }
        }
    }

    private void Drop(string scope, string connectionId)
    {
        if (members.TryGetValue(scope, out var connections) && connections.Remove(connectionId) && connections.Count == 0)
        {
            members.Remove(scope);
        }
    }

    // Readers on the push path see an immutable copy and never take the lock.
    private void Publish() => watched = members.ToDictionary(m => m.Key, m => m.Value.ToArray(), StringComparer.Ordinal);
}

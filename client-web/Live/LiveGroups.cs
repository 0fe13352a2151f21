namespace Dispatch.Web.Live;

/// <summary>
/// Which scopes this web instance's connections have joined, so pushes and measure refreshes go only to scopes
/// someone here watches.
/// </summary>
public sealed class LiveGroups
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<string>> scopesByConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> members = new(StringComparer.Ordinal);
    private volatile HashSet<string> watched = new(StringComparer.Ordinal);

    public static string GroupName(string scope) => "scope:" + scope;

    public bool IsWatched(string scope) => watched.Contains(scope);

    public IReadOnlyCollection<string> Watched => watched;

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
                members[scope] = members.GetValueOrDefault(scope) + 1;
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
            Drop(key);
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
                    Drop(scope);
                }
                Publish();
            }
        }
    }

    private void Drop(string scope)
    {
        if (members.GetValueOrDefault(scope) <= 1)
        {
            members.Remove(scope);
        }
        else
        {
            members[scope]--;
        }
    }

    // Readers on the push path see an immutable copy and never take the lock.
    private void Publish() => watched = new HashSet<string>(members.Keys, StringComparer.Ordinal);
}

using Dispatch.Sla;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Units;

/// <summary>
/// Keeps this silo's <see cref="UnitDirectory"/> equal to the units table: the table's trigger notifies units_changed
/// with every change, whoever makes it; the feed listens, polls as every <see cref="ChangeFeed{TStamp}"/> does, and the
/// unit registry refreshes it at once after its own writes.
/// </summary>
public sealed class UnitFeed(NpgsqlDataSource database, UnitTable table, UnitDirectory directory, TimeProvider time, ILogger<UnitFeed> logger)
    : ChangeFeed<long>(database, time, logger)
{
    protected override string Channel => "units_changed";

    protected override Task<long> StampAsync(CancellationToken cancellationToken) => table.VersionAsync(cancellationToken);

    public override Task<bool> RefreshAsync(CancellationToken cancellationToken = default) => RefreshWithAsync(async token =>
    {
        var loaded = await table.ReadAllAsync(token);
        if (!directory.Apply(loaded))
        {
            return false;
        }
        logger.LogInformation("Service units loaded ({Count})", loaded.Count);
        return true;
    }, cancellationToken);
}
